package io.switchboard.identity.security;

import io.switchboard.identity.ServiceAccounts;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The IP allow-list on the API chain (A-CFG-14). Only requests without credentials (no {@code Authorization}, no
 * {@code X-API-KEY}, not already authenticated) are its business; a request with credentials is authenticated as
 * usual, from anywhere.
 * To an allow-listed path: from a listed network the request acts as the {@code ip-allow-list} service account
 * (never an admin); from anywhere else it is refused with a 403 problem document. Other paths go on to the usual
 * 401. The client address is {@code request.getRemoteAddr()}, which {@link TrustedProxyFilter} has resolved.
 */
class IpAllowListFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(IpAllowListFilter.class);

    private final IpAllowList allowList;
    private final ServiceAccounts accounts;
    private final ProblemResponses problems;
    private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();

    IpAllowListFilter(IpAllowList allowList, ServiceAccounts accounts, ProblemResponses problems) {
        this.allowList = allowList;
        this.accounts = accounts;
        this.problems = problems;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return allowList.isEmpty() || present(request.getHeader(HttpHeaders.AUTHORIZATION))
                || present(request.getHeader(ApiKeyAuthenticationFilter.HEADER));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var current = contexts.getContext().getAuthentication();
        if (current != null && current.isAuthenticated() && !(current instanceof AnonymousAuthenticationToken)) {
            chain.doFilter(request, response); // already authenticated by other means
            return;
        }
        switch (allowList.check(request)) {
            case NOT_LISTED -> chain.doFilter(request, response);
            case REFUSED -> {
                log.info("IP allow-list: refused {} {} without credentials from {}", request.getMethod(),
                        request.getRequestURI(), request.getRemoteAddr());
                problems.write(request, response, HttpStatus.FORBIDDEN, "ip-not-allowed",
                        "Address not on the allow-list", "Your address (" + request.getRemoteAddr() + ") is not on "
                                + "the IP allow-list for this endpoint: send credentials (Authorization: Bearer <token> "
                                + "or X-API-KEY) or call from an allow-listed network");
            }
            case ALLOWED -> {
                var actor = accounts.ipAllowList().orElse(null);
                if (actor == null) {
                    problems.write(request, response, HttpStatus.FORBIDDEN, "ip-not-allowed",
                            "Address not on the allow-list", "The IP allow-list's service account is disabled: "
                                    + "send credentials (Authorization: Bearer <token> or X-API-KEY)");
                    return;
                }
                var context = contexts.createEmptyContext();
                context.setAuthentication(new ActorAuthentication(actor, ActorAuthentication.Method.IP_ALLOW_LIST,
                        false));
                contexts.setContext(context);
                chain.doFilter(request, response);
            }
        }
    }

    private static boolean present(String header) {
        return header != null && !header.isBlank();
    }
}
