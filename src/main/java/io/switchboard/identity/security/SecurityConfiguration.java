package io.switchboard.identity.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/** Placeholder: the API chain (JWT, API keys) and the web chain (form login) come with the identity work. */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http) throws Exception {
        http.securityMatcher("/crm/**", "/auth/**", "/2fa/**", "/engine-rest/**")
                .authorizeHttpRequests(a -> a.requestMatchers("/crm/health", "/crm/docs/**", "/crm/openapi.json/**")
                        .permitAll().anyRequest().authenticated())
                .csrf(c -> c.disable())
                .httpBasic(Customizer.withDefaults());
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain web(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(a -> a.requestMatchers("/webjars/**", "/css/**", "/js/**", "/images/**",
                                "/favicon.svg", "/actuator/health/**", "/error", "/login")
                        .permitAll().anyRequest().authenticated())
                .formLogin(form -> form.loginPage("/login").permitAll());
        return http.build();
    }
}
