package io.switchboard.identity.security;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An IPv4 or IPv6 network in CIDR notation ({@code 10.0.0.0/8}, {@code fd00::/8}) or a single address
 * ({@code 192.168.1.10}, {@code fd00::10}). Parsing never asks DNS: only address literals are accepted. Host bits
 * below the prefix are ignored ({@code 10.1.2.3/16} is {@code 10.1.0.0/16}). IPv4-mapped IPv6 addresses
 * ({@code ::ffff:10.1.2.3}) are their IPv4 address.
 */
public final class IpNetwork {

    private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]+");

    /** Loopback: never allowed on the IP allow-list (A-CFG-14). */
    static final List<IpNetwork> LOOPBACK = List.of(parse("127.0.0.0/8"), parse("::1/128"));

    /**
     * Networks that are not on the public Internet: RFC 1918, shared address space (RFC 6598, carrier-grade NAT),
     * link-local, and IPv6 unique-local and link-local addresses.
     */
    static final List<IpNetwork> NON_PUBLIC = List.of(parse("10.0.0.0/8"), parse("172.16.0.0/12"),
            parse("192.168.0.0/16"), parse("100.64.0.0/10"), parse("169.254.0.0/16"), parse("fc00::/7"),
            parse("fe80::/10"));

    private final byte[] network;
    private final int prefix;
    private final String text;

    private IpNetwork(byte[] network, int prefix) {
        this.network = network;
        this.prefix = prefix;
        this.text = format(network, prefix);
    }

    /**
     * @param text a CIDR network or a single address literal
     * @throws IllegalArgumentException naming what is wrong
     */
    public static IpNetwork parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("an empty network");
        }
        String value = text.trim();
        int slash = value.indexOf('/');
        String addressPart = slash < 0 ? value : value.substring(0, slash);
        InetAddress address = address(addressPart).orElseThrow(() -> new IllegalArgumentException(
                "'" + text + "' is not an IPv4 or IPv6 address or CIDR network (such as 10.0.0.0/8 or fd00::/8)"));
        byte[] bytes = address.getAddress();
        int bits = bytes.length * 8;
        int prefix = bits;
        if (slash >= 0) {
            String prefixText = value.substring(slash + 1);
            if (!prefixText.matches("\\d{1,3}")) {
                throw new IllegalArgumentException("'" + text + "' has no valid prefix length after '/'");
            }
            prefix = Integer.parseInt(prefixText);
            if (address instanceof Inet4Address && addressPart.contains(":")) {
                prefix -= 96; // ::ffff:10.0.0.0/104 is 10.0.0.0/8
            }
            if (prefix < 0 || prefix > bits) {
                throw new IllegalArgumentException("'" + text + "' has a prefix length outside 0-" + bits);
            }
        }
        return new IpNetwork(mask(bytes, prefix), prefix);
    }

    /** The address an IPv4 or IPv6 literal stands for; empty for anything else (host names are not looked up). */
    public static Optional<InetAddress> address(String literal) {
        if (literal == null) {
            return Optional.empty();
        }
        String value = literal.trim();
        if (value.startsWith("[") && value.endsWith("]")) {
            value = value.substring(1, value.length() - 1);
        }
        try {
            var ipv4 = IPV4.matcher(value);
            if (ipv4.matches()) {
                byte[] bytes = new byte[4];
                for (int i = 0; i < 4; i++) {
                    int octet = Integer.parseInt(ipv4.group(i + 1));
                    if (octet > 255) {
                        return Optional.empty();
                    }
                    bytes[i] = (byte) octet;
                }
                return Optional.of(InetAddress.getByAddress(bytes));
            }
            // Only hex digits, colons and dots (an embedded IPv4): a literal, which Java parses without DNS.
            if (value.contains(":") && IPV6.matcher(value).matches()) {
                return Optional.of(InetAddress.getByName(value));
            }
        } catch (UnknownHostException | NumberFormatException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    public boolean contains(InetAddress address) {
        byte[] bytes = address.getAddress();
        return bytes.length == network.length && Arrays.equals(mask(bytes, prefix), network);
    }

    public boolean contains(IpNetwork other) {
        return other.network.length == network.length && other.prefix >= prefix
                && Arrays.equals(mask(other.network, prefix), network);
    }

    public boolean overlaps(IpNetwork other) {
        return contains(other) || other.contains(this);
    }

    /** True when some loopback address lies in this network. */
    public boolean includesLoopback() {
        return LOOPBACK.stream().anyMatch(this::overlaps);
    }

    /** True when every address of this network lies in a non-public range (private, shared, link-local). */
    public boolean isNonPublic() {
        return NON_PUBLIC.stream().anyMatch(block -> block.contains(this));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IpNetwork other && other.prefix == prefix && Arrays.equals(other.network, network);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(network) + prefix;
    }

    @Override
    public String toString() {
        return text;
    }

    private static byte[] mask(byte[] bytes, int prefix) {
        byte[] masked = bytes.clone();
        for (int i = 0; i < masked.length; i++) {
            int keep = Math.max(0, Math.min(8, prefix - i * 8));
            masked[i] = (byte) (masked[i] & (0xFF << (8 - keep)));
        }
        return masked;
    }

    private static String format(byte[] network, int prefix) {
        try {
            return InetAddress.getByAddress(network).getHostAddress() + "/" + prefix;
        } catch (UnknownHostException e) {
            throw new IllegalStateException("4 or 16 bytes are always an address", e);
        }
    }
}
