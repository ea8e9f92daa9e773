package io.switchboard.identity.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.lang.Nullable;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Who the client is behind reverse proxies ({@code switchboard.security.trusted-proxies}). Only when the direct
 * peer (the socket address) is a trusted proxy are {@code X-Forwarded-For} and {@code X-Forwarded-Proto} believed:
 * the client is then the right-most address of {@code X-Forwarded-For} that is not itself a trusted proxy
 * (addresses further left were written by whoever sent the request and prove nothing). Otherwise the socket
 * address is the client, whatever the headers say. The request seen by everything after this filter (Spring
 * Security, sign-in logs, the IP allow-list, the activity log, Camunda) answers {@code getRemoteAddr()},
 * {@code getScheme()}, {@code isSecure()} and {@code getServerPort()} accordingly.
 * <p>
 * Our own filter rather than Tomcat's {@code RemoteIpValve}: the valve takes regular expressions, not CIDR
 * networks, and trusts the private ranges by default.
 */
class TrustedProxyFilter extends OncePerRequestFilter {

    static final String FORWARDED_FOR = "X-Forwarded-For";
    static final String FORWARDED_PROTO = "X-Forwarded-Proto";
    static final String FORWARDED_PORT = "X-Forwarded-Port";

    private final List<IpNetwork> trusted;

    TrustedProxyFilter(List<IpNetwork> trusted) {
        this.trusted = List.copyOf(trusted);
    }

    static TrustedProxyFilter of(SecuritySettings settings) {
        return new TrustedProxyFilter(settings.trustedProxies().stream().map(IpNetwork::parse).toList());
    }

    @Override
    protected boolean shouldNotFilterAsyncDispatch() {
        return false;
    }

    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return false;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (trusted.isEmpty() || !isTrusted(request.getRemoteAddr())) {
            chain.doFilter(request, response);
            return;
        }
        String client = clientAddress(request.getRemoteAddr(), Collections.list(request.getHeaders(FORWARDED_FOR)));
        String proto = lastValue(Collections.list(request.getHeaders(FORWARDED_PROTO)));
        String scheme = proto == null ? request.getScheme() : proto.toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            scheme = request.getScheme();
        }
        int port = port(lastValue(Collections.list(request.getHeaders(FORWARDED_PORT))), request, scheme);
        chain.doFilter(new ForwardedRequest(request, client, scheme, port), response);
    }

    /**
     * The client's address: walking {@code X-Forwarded-For} from the right (the hop nearest to us) while the hop
     * is a trusted proxy; the first untrusted address is the client. When every hop is trusted, the left-most one
     * is the client. An entry that is not an IP address ends the walk at the last trusted hop.
     *
     * @param peer         the socket address, a trusted proxy
     * @param forwardedFor the {@code X-Forwarded-For} header values, in order
     */
    String clientAddress(String peer, List<String> forwardedFor) {
        var hops = new ArrayList<String>();
        for (String header : forwardedFor) {
            for (String hop : header.split(",")) {
                if (!hop.isBlank()) {
                    hops.add(hop.trim());
                }
            }
        }
        String current = peer;
        for (int i = hops.size() - 1; i >= 0; i--) {
            Optional<InetAddress> hop = IpNetwork.address(hops.get(i));
            if (hop.isEmpty()) {
                return current;
            }
            current = hop.get().getHostAddress();
            if (!isTrusted(current)) {
                return current;
            }
        }
        return current;
    }

    boolean isTrusted(String address) {
        return IpNetwork.address(address).map(a -> trusted.stream().anyMatch(n -> n.contains(a))).orElse(false);
    }

    @Nullable
    private static String lastValue(List<String> headers) {
        String last = null;
        for (String header : headers) {
            for (String value : header.split(",")) {
                if (!value.isBlank()) {
                    last = value.trim();
                }
            }
        }
        return last;
    }

    private static int port(@Nullable String forwardedPort, HttpServletRequest request, String scheme) {
        if (forwardedPort != null && forwardedPort.matches("\\d{1,5}")) {
            int port = Integer.parseInt(forwardedPort);
            if (port > 0 && port < 65536) {
                return port;
            }
        }
        if (!scheme.equals(request.getScheme())) {
            return scheme.equals("https") ? 443 : 80;
        }
        return request.getServerPort();
    }

    /** The request as the client made it to the outermost trusted proxy. */
    private static final class ForwardedRequest extends HttpServletRequestWrapper {

        private final String client;
        private final String scheme;
        private final int port;

        ForwardedRequest(HttpServletRequest request, String client, String scheme, int port) {
            super(request);
            this.client = client;
            this.scheme = scheme;
            this.port = port;
        }

        @Override
        public String getRemoteAddr() {
            return client;
        }

        @Override
        public String getRemoteHost() {
            return client;
        }

        @Override
        public String getScheme() {
            return scheme;
        }

        @Override
        public boolean isSecure() {
            return scheme.equals("https");
        }

        @Override
        public int getServerPort() {
            return port;
        }

        @Override
        public StringBuffer getRequestURL() {
            var url = new StringBuffer(scheme).append("://").append(getServerName());
            if (!(scheme.equals("http") && port == 80) && !(scheme.equals("https") && port == 443)) {
                url.append(':').append(port);
            }
            return url.append(getRequestURI());
        }
    }
}
