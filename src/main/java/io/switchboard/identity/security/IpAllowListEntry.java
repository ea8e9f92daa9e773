package io.switchboard.identity.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.lang.Nullable;
import org.springframework.web.util.pattern.PathPatternParser;
import org.springframework.web.util.pattern.PatternParseException;

/**
 * One entry of {@code switchboard.security.ip-allow-list} (A-CFG-14): requests without credentials from one of
 * {@code networks} to one of {@code paths} (with one of {@code methods}, all when absent) act as the
 * {@code ip-allow-list} service account. Checked when the application starts; a bad entry stops it with a message
 * naming the problem.
 *
 * @param networks            CIDR networks or single addresses, IPv4 or IPv6; never loopback, and only non-public
 *                            networks (RFC 1918, RFC 6598, link-local, IPv6 unique-local) unless
 *                            {@code allowPublicNetworks}
 * @param paths               path patterns ({@code /crm/provision/**}) inside the REST API ({@code /crm},
 *                            {@code /utilities}); not the account endpoints ({@code /auth}, {@code /2fa},
 *                            {@code /crm/auth}) nor {@code /engine-rest}
 * @param methods             HTTP methods ({@code GET}, {@code PUT}, ...); absent or empty: every method
 * @param description         what the entry is for (who calls from there), for operators and log lines
 * @param allowPublicNetworks lets this entry list public networks; for operators who know what they do
 */
public record IpAllowListEntry(List<String> networks, List<String> paths, @Nullable List<String> methods,
        @Nullable String description, boolean allowPublicNetworks) {

    static final List<String> API_PREFIXES = List.of("/crm", "/utilities");
    /** A person's own account endpoints: never without credentials ({@link IpAllowList#ACCOUNT_PATHS}). */
    static final List<String> ACCOUNT_PREFIXES = List.of("/crm/auth", "/auth", "/2fa");
    private static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");

    public IpAllowListEntry {
        String name = "switchboard.security.ip-allow-list entry"
                + (description == null || description.isBlank() ? "" : " \"" + description + "\"") + ": ";
        if (networks == null || networks.isEmpty()) {
            throw new IllegalArgumentException(name + "lists no networks");
        }
        if (paths == null || paths.isEmpty()) {
            throw new IllegalArgumentException(name + "lists no paths");
        }
        for (String network : networks) {
            IpNetwork parsed;
            try {
                parsed = IpNetwork.parse(network);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(name + e.getMessage()); // the root cause start-up reports
            }
            if (parsed.includesLoopback()) {
                throw new IllegalArgumentException(name + "network " + network + " includes loopback addresses "
                        + "(127.0.0.0/8, ::1); they are never allowed: every request through a reverse proxy on this "
                        + "host would come from them. Configure switchboard.security.trusted-proxies instead");
            }
            if (!allowPublicNetworks && !parsed.isNonPublic()) {
                throw new IllegalArgumentException(name + "network " + network + " is (or includes) public "
                        + "addresses; list private networks only (10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16, "
                        + "100.64.0.0/10, fc00::/7, link-local), or set allow-public-networks: true on this entry if "
                        + "you really mean to let that network in without credentials");
            }
        }
        var parser = new PathPatternParser();
        for (String path : paths) {
            if (path != null && ACCOUNT_PREFIXES.stream().anyMatch(p -> path.equals(p) || path.startsWith(p + "/"))) {
                throw new IllegalArgumentException(name + "path '" + path + "' is an account endpoint (sign-in, 2FA, "
                        + "password, sessions): those always need credentials");
            }
            if (path == null || API_PREFIXES.stream().noneMatch(p -> path.equals(p) || path.startsWith(p + "/"))) {
                throw new IllegalArgumentException(name + "path '" + path + "' is outside the REST API; paths must "
                        + "start with one of " + String.join(", ", API_PREFIXES) + " (/engine-rest is not allowed)");
            }
            try {
                parser.parse(path);
            } catch (PatternParseException e) {
                throw new IllegalArgumentException(name + "path '" + path + "' is not a valid path pattern: "
                        + e.getMessage()); // the root cause start-up reports
            }
        }
        var normalised = new ArrayList<String>();
        for (String method : methods == null ? List.<String>of() : methods) {
            String upper = method == null ? "" : method.trim().toUpperCase(Locale.ROOT);
            if (!METHODS.contains(upper)) {
                throw new IllegalArgumentException(name + "method '" + method + "' is not one of "
                        + String.join(", ", METHODS.stream().sorted().toList()));
            }
            normalised.add(upper);
        }
        networks = List.copyOf(networks);
        paths = List.copyOf(paths);
        methods = List.copyOf(normalised);
    }

    /** The networks, parsed. */
    List<IpNetwork> parsedNetworks() {
        return networks.stream().map(IpNetwork::parse).toList();
    }

    /** For log lines: the description, or the networks when there is none. */
    String label() {
        return description == null || description.isBlank() ? String.join(", ", networks) : description;
    }
}
