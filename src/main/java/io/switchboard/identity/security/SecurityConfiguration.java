package io.switchboard.identity.security;

import io.switchboard.identity.ServiceAccounts;
import io.switchboard.identity.TwoFactor;
import io.switchboard.identity.internal.SharedSecrets;
import io.switchboard.identity.internal.SignInStates;
import io.switchboard.identity.internal.UserAccounts;
import java.util.Arrays;
import java.util.Base64;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authorization.AuthenticatedAuthorizationManager;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.rememberme.JdbcTokenRepositoryImpl;
import org.springframework.security.web.authentication.rememberme.PersistentTokenBasedRememberMeServices;
import org.springframework.security.web.authentication.rememberme.PersistentTokenRepository;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Two filter chains. The API chain ({@code /crm}, {@code /auth}, {@code /2fa}, {@code /utilities},
 * {@code /engine-rest}) is stateless: a JWT ({@code Authorization: Bearer}) or an API key ({@code X-API-KEY}),
 * no CSRF, problem documents for 401/403. The web chain (everything else) signs in with a form, keeps the
 * session in PostgreSQL (Spring Session JDBC), remembers browsers for 30 days, and checks CSRF tokens.
 * In both, the principal is (or holds) an {@link io.switchboard.shared.Actor} and the authorities are its
 * effective permissions, read from the database on every request.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

    static final String[] API_PATHS = {"/crm/**", "/auth/**", "/2fa/**", "/utilities/**", "/engine-rest/**"};
    static final String REMEMBER_ME_PARAMETER = "remember-me";

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder(); // bcrypt, "{bcrypt}..." hashes
    }

    @Bean
    JwtDecoder jwtDecoder(AccessTokens accessTokens) {
        return accessTokens.decoder();
    }

    /** The global manager: the form sign-in, through the one sign-in pipeline. */
    @Bean
    AuthenticationManager authenticationManager(PasswordSignIn signIn) {
        return new ProviderManager(new SignInAuthenticationProvider(signIn));
    }

    @Bean
    PersistentTokenRepository rememberMeTokens(DataSource dataSource) {
        var repository = new JdbcTokenRepositoryImpl();
        repository.setDataSource(dataSource);
        return repository;
    }

    @Bean
    RememberMeKey rememberMeKey(SharedSecrets secrets) {
        return new RememberMeKey(Base64.getEncoder().encodeToString(secrets.getOrCreate("remember-me", 32)));
    }

    @Bean
    PersistentTokenBasedRememberMeServices rememberMeServices(RememberMeKey key, PersistentTokenRepository tokens,
            UserAccounts users, SignInStates states, SecuritySettings settings) {
        var services = new PersistentTokenBasedRememberMeServices(key.value(),
                new AccountDetailsService(users, states), tokens) {
            /** Signing out of an impersonated session signs the staff user out, never the impersonated user. */
            @Override
            public void logout(jakarta.servlet.http.HttpServletRequest request,
                    jakarta.servlet.http.HttpServletResponse response,
                    org.springframework.security.core.Authentication authentication) {
                super.logout(request, response, WebImpersonation.stateOf(request)
                        .map(WebImpersonation.State::original).orElse(authentication));
            }
        };
        services.setParameter(REMEMBER_ME_PARAMETER);
        services.setCookieName(REMEMBER_ME_PARAMETER);
        services.setTokenValiditySeconds((int) settings.rememberMeTtl().toSeconds());
        return services;
    }

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, ProblemResponses problems, JwtActorConverter converter,
            ApiKeyAuthenticator apiKeys, JwtDecoder decoder, IpAllowList allowList, ServiceAccounts accounts)
            throws Exception {
        http.securityMatcher(paths(API_PATHS))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(c -> c.disable())
                .requestCache(c -> c.disable())
                .formLogin(f -> f.disable())
                .httpBasic(b -> b.disable())
                .logout(l -> l.disable())
                .authorizeHttpRequests(a -> a
                        .requestMatchers(paths(HttpMethod.GET, "/crm/health")).permitAll()
                        .requestMatchers(paths(HttpMethod.POST, "/crm/auth/login", "/auth/login", "/crm/auth/refresh",
                                "/auth/refresh")).permitAll()
                        .requestMatchers(paths(HttpMethod.POST, "/auth/forgot_password", "/crm/auth/forgot_password",
                                "/auth/reset_password", "/crm/auth/reset_password", "/auth/verify_email",
                                "/crm/auth/verify_email")).permitAll()
                        .requestMatchers(paths("/crm/docs", "/crm/docs/**", "/crm/openapi.json", "/crm/openapi.json/**",
                                "/crm/swagger-ui/**", "/crm/swagger-ui.html")).permitAll()
                        .requestMatchers(paths(HttpMethod.POST, "/crm/auth/change_password", "/auth/change_password",
                                "/crm/auth/logout", "/auth/logout")).authenticated()
                        // the second step of a sign-in, and a new device at that step: a challenge token, no session
                        .requestMatchers(paths(HttpMethod.POST, TwoFactorPaths.WITH_CHALLENGE)).permitAll()
                        // a lost-device 2FA reset request: authorised by the sign-in challenge token in the body
                        .requestMatchers(paths(HttpMethod.POST, "/2fa/reset-request/user/*")).permitAll()
                        // enrolment stays open to a user whom policy requires to enrol first
                        .requestMatchers(paths(TwoFactorPaths.ENROLMENT)).access(withoutPendingPasswordChange(true))
                        .requestMatchers(paths("/engine-rest/**")).access(staffOnly(withoutPendingPasswordChange(false)))
                        .anyRequest().access(withoutPendingPasswordChange(false)))
                .oauth2ResourceServer(o -> o
                        .jwt(j -> j.decoder(decoder).jwtAuthenticationConverter(converter))
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems))
                .exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .addFilterBefore(new ApiKeyAuthenticationFilter(apiKeys, problems), BearerTokenAuthenticationFilter.class)
                // requests without credentials from the IP allow-list (A-CFG-14)
                .addFilterBefore(new IpAllowListFilter(allowList, accounts, problems), BearerTokenAuthenticationFilter.class)
                .addFilterBefore(new ImpersonationRestrictionFilter(problems), AuthorizationFilter.class);
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain web(HttpSecurity http, PersistentTokenBasedRememberMeServices rememberMe, RememberMeKey key,
            SignInStates states, Impersonations impersonations, WebImpersonation webImpersonation,
            WebSignInChallenge challenge, TwoFactor twoFactor) throws Exception {
        http.authorizeHttpRequests(a -> a
                        .requestMatchers(paths("/login/forgot-password", "/reset-password/*", "/verify-email/*"))
                                .permitAll()
                        .requestMatchers(paths("/login", WebSignInChallenge.PAGE, WebSignInChallenge.PAGE + "/**", "/webjars/**", "/css/**", "/js/**", "/images/**",
                                "/favicon.ico", "/favicon.svg", "/licenses/**", "/error", "/actuator/health/**")).permitAll()
                        .requestMatchers(paths("/camunda/**")).access(staffOnly(AuthenticatedAuthorizationManager.authenticated()))
                        .anyRequest().authenticated())
                .formLogin(f -> f.loginPage("/login").successHandler(new LandingPage()).failureHandler(challenge)
                        .authenticationDetailsSource(SignInFormDetails::new))
                .rememberMe(r -> r.rememberMeServices(rememberMe).key(key.value()))
                .logout(l -> l.logoutUrl("/logout").logoutSuccessUrl("/login?logout")
                        // signing out of an impersonated session ends the impersonation first
                        .addLogoutHandler((request, response, authentication) -> WebImpersonation.stateOf(request)
                                .ifPresent(state -> impersonations.end(state.impersonationId(),
                                        Impersonations.EndReason.SIGNED_OUT))))
                // Camunda's webapps bring their own CSRF protection (a header the webapp sends)
                .csrf(c -> c.ignoringRequestMatchers(paths("/camunda/**")))
                .exceptionHandling(e -> e.authenticationEntryPoint(signInFirst()))
                .addFilterAfter(new SessionActorFilter(states, rememberMe, key.value(), twoFactor),
                        AnonymousAuthenticationFilter.class)
                .addFilterBefore(new CurrentRequestFilter(),
                        org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter.class)
                .addFilterAfter(new WebImpersonationFilter(impersonations, webImpersonation), SessionActorFilter.class)
                .addFilterBefore(new ImpersonationRestrictionFilter(null), AuthorizationFilter.class);
        return http.build();
    }

    /**
     * Pages send the browser to the sign-in page; htmx requests get a 401 with {@code HX-Redirect}, so htmx
     * reloads the whole page instead of swapping the sign-in form into a fragment.
     */
    private static AuthenticationEntryPoint signInFirst() {
        var loginPage = new LoginUrlAuthenticationEntryPoint("/login");
        return (request, response, exception) -> {
            if ("true".equals(request.getHeader("HX-Request"))) {
                response.setHeader("HX-Redirect", request.getContextPath() + "/login");
                response.sendError(HttpStatus.UNAUTHORIZED.value());
            } else {
                loginPage.commence(request, response, exception);
            }
        };
    }

    /**
     * Path patterns over the whole path inside the application, whichever servlet serves it: Camunda's REST API
     * and webapps are not Spring MVC, so MVC-aware matchers would not see them.
     */
    static RequestMatcher paths(String... patterns) {
        return paths(null, patterns);
    }

    static RequestMatcher paths(HttpMethod method, String... patterns) {
        var builder = PathPatternRequestMatcher.withDefaults();
        return new OrRequestMatcher(Arrays.stream(patterns)
                .map(pattern -> (RequestMatcher) builder.matcher(method, pattern)).toList());
    }

    /**
     * API requests of a user with a temporary password are refused until it is changed; so are those of a user
     * whom policy requires to use 2FA before they have set it up (unless {@code enrolment}: the enrolment endpoints).
     */
    private static AuthorizationManager<RequestAuthorizationContext> withoutPendingPasswordChange(boolean enrolment) {
        return (authentication, context) -> {
            var current = authentication.get();
            boolean signedIn = current != null && current.isAuthenticated()
                    && !(current instanceof org.springframework.security.authentication.AnonymousAuthenticationToken);
            boolean pending = current instanceof ActorAuthentication actor && (actor.passwordChangeRequired()
                    || (!enrolment && actor.twoFactorEnrolmentRequired()));
            return new AuthorizationDecision(signedIn && !pending);
        };
    }

    /**
     * Camunda's webapps and REST API are for staff: a customer user (an actor scoped to one customer) is refused
     * even when signed in. Camunda's own authorizations then decide what each staff member may do there.
     */
    private static AuthorizationManager<RequestAuthorizationContext> staffOnly(
            AuthorizationManager<RequestAuthorizationContext> signedIn) {
        return (authentication, context) -> {
            var decision = signedIn.check(authentication, context);
            if (decision == null || !decision.isGranted()) {
                return decision;
            }
            Object principal = authentication.get().getPrincipal();
            io.switchboard.shared.Actor actor = principal instanceof io.switchboard.shared.Actor a ? a
                    : principal instanceof io.switchboard.shared.Actor.Holder h ? h.actor() : null;
            return new AuthorizationDecision(actor != null && !actor.isCustomerScoped());
        };
    }

    /** The key remember-me cookies are signed with, shared by every node. */
    record RememberMeKey(String value) {}
}
