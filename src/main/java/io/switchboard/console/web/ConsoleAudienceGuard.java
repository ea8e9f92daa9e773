package io.switchboard.console.web;

import io.switchboard.console.Audience;
import io.switchboard.shared.CurrentActor;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The console is for staff. A customer user who opens a console page is refused (403), whatever permissions their
 * roles carry: the console home sends them to the portal, and everything below it is closed to them. The module
 * APIs scope their data anyway; this keeps the staff screens themselves out of their reach.
 */
@Configuration(proxyBeanMethods = false)
class ConsoleAudienceGuard implements WebMvcConfigurer, HandlerInterceptor {

    private final CurrentActor currentActor;

    ConsoleAudienceGuard(CurrentActor currentActor) {
        this.currentActor = currentActor;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns("/console/**").excludePathPatterns("/console");
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        var actor = currentActor.find();
        if (actor.isPresent() && Audience.of(actor.get()) == Audience.CUSTOMER) {
            throw new AccessDeniedException("The staff console is not open to customer users");
        }
        return true;
    }
}
