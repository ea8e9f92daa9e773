package io.switchboard.identity.security;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.ServletRequest;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** Client address resolution behind reverse proxies (switchboard.security.trusted-proxies). */
class TrustedProxyFilterTests {

    final TrustedProxyFilter filter = new TrustedProxyFilter(
            List.of(IpNetwork.parse("10.0.0.0/24"), IpNetwork.parse("fd00:1::/64"), IpNetwork.parse("127.0.0.1")));

    HttpServletRequest through(String peer, String... forwardedFor) throws Exception {
        var request = new MockHttpServletRequest("GET", "/crm/health");
        request.setRemoteAddr(peer);
        for (String header : forwardedFor) {
            request.addHeader("X-Forwarded-For", header);
        }
        return run(request);
    }

    HttpServletRequest run(MockHttpServletRequest request) throws Exception {
        var seen = new AtomicReference<ServletRequest>();
        filter.doFilter(request, new MockHttpServletResponse(), (req, res) -> seen.set(req));
        return (HttpServletRequest) seen.get();
    }

    @Test
    void aSpoofedHeaderFromAnUntrustedPeerIsIgnored() throws Exception {
        assertThat(through("203.0.113.5", "10.99.0.1").getRemoteAddr()).isEqualTo("203.0.113.5");
        assertThat(through("10.0.1.5", "10.99.0.1").getRemoteAddr()).isEqualTo("10.0.1.5");
        assertThat(through("::1", "10.99.0.1").getRemoteAddr()).isEqualTo("::1");
    }

    @Test
    void fromATrustedProxyTheRightMostUntrustedAddressIsTheClient() throws Exception {
        assertThat(through("10.0.0.7", "198.51.100.20").getRemoteAddr()).isEqualTo("198.51.100.20");
        // the client wrote "10.99.0.1" itself; the proxy appended the address it saw
        assertThat(through("10.0.0.7", "10.99.0.1, 198.51.100.20").getRemoteAddr()).isEqualTo("198.51.100.20");
        // two proxies in a row, over two header lines
        assertThat(through("10.0.0.7", "1.2.3.4, 198.51.100.20", "10.0.0.8").getRemoteAddr()).isEqualTo("198.51.100.20");
        assertThat(through("127.0.0.1", "fd00:1::9, 2001:db8::5, fd00:1::3").getRemoteAddr()).isEqualTo("2001:db8:0:0:0:0:0:5");
        // every hop trusted: the left-most is the client
        assertThat(through("10.0.0.7", "10.0.0.9, 10.0.0.8").getRemoteAddr()).isEqualTo("10.0.0.9");
        // no header: the proxy itself
        assertThat(through("10.0.0.7").getRemoteAddr()).isEqualTo("10.0.0.7");
        // rubbish stops the walk at the last trusted hop
        assertThat(through("10.0.0.7", "evil.example").getRemoteAddr()).isEqualTo("10.0.0.7");
        assertThat(through("10.0.0.7", "198.51.100.20, evil, 10.0.0.8").getRemoteAddr()).isEqualTo("10.0.0.8");
    }

    @Test
    void theForwardedProtocolIsBelievedOnlyFromATrustedProxy() throws Exception {
        var trusted = new MockHttpServletRequest("GET", "/login");
        trusted.setRemoteAddr("10.0.0.7");
        trusted.setServerName("crm.example.net");
        trusted.setServerPort(8080);
        trusted.addHeader("X-Forwarded-For", "198.51.100.20");
        trusted.addHeader("X-Forwarded-Proto", "https");
        var seen = run(trusted);
        assertThat(seen.isSecure()).isTrue();
        assertThat(seen.getScheme()).isEqualTo("https");
        assertThat(seen.getServerPort()).isEqualTo(443);
        assertThat(seen.getRequestURL().toString()).isEqualTo("https://crm.example.net/login");

        var untrusted = new MockHttpServletRequest("GET", "/login");
        untrusted.setRemoteAddr("198.51.100.20");
        untrusted.addHeader("X-Forwarded-Proto", "https");
        var direct = run(untrusted);
        assertThat(direct.isSecure()).isFalse();
        assertThat(direct.getScheme()).isEqualTo("http");
    }

    @Test
    void withoutTrustedProxiesNothingChanges() throws Exception {
        var none = new TrustedProxyFilter(List.of());
        var request = new MockHttpServletRequest("GET", "/crm/health");
        request.setRemoteAddr("10.0.0.7");
        request.addHeader("X-Forwarded-For", "198.51.100.20");
        var seen = new AtomicReference<ServletRequest>();
        none.doFilter(request, new MockHttpServletResponse(), (req, res) -> seen.set(req));
        assertThat(seen.get().getRemoteAddr()).isEqualTo("10.0.0.7");
    }
}
