package io.switchboard.console.web;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * {@code GET /login} renders {@code templates/login.html}; Spring Security's form login handles the POST.
 * A view controller ranks below annotated controllers, so a {@code @GetMapping("/login")} elsewhere wins.
 */
@Configuration(proxyBeanMethods = false)
class LoginPageConfiguration implements WebMvcConfigurer {

    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        registry.addViewController("/login").setViewName("login");
    }
}
