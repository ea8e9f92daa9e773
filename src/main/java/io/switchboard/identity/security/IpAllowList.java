package io.switchboard.identity.security;

import jakarta.servlet.http.HttpServletRequest;
import java.net.InetAddress;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpMethod;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.stereotype.Component;

/**
 * The configured IP allow-list (A-CFG-14, {@code switchboard.security.ip-allow-list}), validated when the
 * application starts (see {@link IpAllowListEntry}). Decides for a request without credentials whether its path
 * is allow-listed at all and, if so, whether its client address is in a network listed for that path.
 */
@Component
class IpAllowList {

    private static final Logger log = LoggerFactory.getLogger(IpAllowList.class);

    /** What the allow-list says about a request. */
    enum Verdict {
        /** No entry lists the path (with the method): the allow-list has nothing to say. */
        NOT_LISTED,
        /** An entry lists the path and the client's network. */
        ALLOWED,
        /** Entries list the path, none the client's network. */
        REFUSED
    }

    private record Rule(String label, List<IpNetwork> networks, RequestMatcher requests) {}

    private final List<Rule> rules;

    IpAllowList(SecuritySettings settings) {
        this.rules = settings.ipAllowList().stream().map(IpAllowList::rule).toList();
        for (var entry : settings.ipAllowList()) {
            log.info("IP allow-list: {} may call {}{} without credentials, as the ip-allow-list service account ({})",
                    entry.networks(), entry.methods().isEmpty() ? "" : entry.methods() + " ", entry.paths(),
                    entry.label());
        }
    }

    /**
     * Sign-in, 2FA and account endpoints act on the caller's own account: the allow-list's service account has none
     * to act on, so whatever an entry's patterns say, these stay out of it (they answer 401 without credentials).
     */
    static final org.springframework.security.web.util.matcher.RequestMatcher ACCOUNT_PATHS =
            SecurityConfiguration.paths(IpAllowListEntry.ACCOUNT_PREFIXES.stream().map(prefix -> prefix + "/**")
                    .toArray(String[]::new));

    boolean isEmpty() {
        return rules.isEmpty();
    }

    Verdict check(HttpServletRequest request) {
        if (ACCOUNT_PATHS.matches(request)) {
            return Verdict.NOT_LISTED; // a person's account endpoints are never reachable without credentials
        }
        Optional<InetAddress> client = IpNetwork.address(request.getRemoteAddr());
        boolean listed = false;
        for (Rule rule : rules) {
            if (!rule.requests.matches(request)) {
                continue;
            }
            listed = true;
            if (client.isPresent() && rule.networks.stream().anyMatch(n -> n.contains(client.get()))) {
                return Verdict.ALLOWED;
            }
        }
        return listed ? Verdict.REFUSED : Verdict.NOT_LISTED;
    }

    private static Rule rule(IpAllowListEntry entry) {
        var builder = PathPatternRequestMatcher.withDefaults();
        List<RequestMatcher> matchers = entry.methods().isEmpty()
                ? entry.paths().stream().<RequestMatcher>map(path -> builder.matcher(path)).toList()
                : entry.paths().stream().flatMap(path -> entry.methods().stream()
                        .<RequestMatcher>map(method -> builder.matcher(HttpMethod.valueOf(method), path))).toList();
        return new Rule(entry.label(), entry.parsedNetworks(), new OrRequestMatcher(matchers));
    }
}
