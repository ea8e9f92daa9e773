package io.switchboard.identity.security;

import jakarta.servlet.DispatcherType;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Puts {@link TrustedProxyFilter} first of all servlet filters (before Spring Session, Spring Security and
 * Camunda's webapp filters), for every URL and dispatch, so the whole application sees the real client address.
 */
@Configuration(proxyBeanMethods = false)
class TrustedProxyConfiguration {

    @Bean
    FilterRegistrationBean<TrustedProxyFilter> trustedProxyFilter(SecuritySettings settings) {
        var registration = new FilterRegistrationBean<>(TrustedProxyFilter.of(settings));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ASYNC, DispatcherType.ERROR);
        registration.addUrlPatterns("/*");
        registration.setName("trustedProxyFilter");
        return registration;
    }
}
