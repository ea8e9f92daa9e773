package io.switchboard.identity.camunda;

import io.switchboard.identity.Directory;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.webapp.impl.security.auth.ContainerBasedAuthenticationFilter;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires Camunda to Switchboard's identity: the engine's identity provider, the admin group, and the two
 * servlet filters that hand our signed-in actor to the webapps and to {@code /engine-rest}. Both filters run
 * after Spring Security (which has authenticated the request or refused it) and before Camunda's own filters.
 */
@Configuration(proxyBeanMethods = false)
class CamundaIdentityConfiguration {

    /** The role whose members are Camunda administrators (all permissions, the Admin webapp). */
    static final String ADMIN_GROUP = "admin";

    /** Our usernames and group ids may hold dots, hyphens, {@code @} and {@code +}; Camunda's default is alphanumeric. */
    static final String ID_PATTERN = "[a-zA-Z0-9_.@+-]+";

    private static final int AFTER_SPRING_SECURITY = SecurityProperties.DEFAULT_FILTER_ORDER + 10;

    @Bean
    AbstractProcessEnginePlugin switchboardIdentityPlugin(ObjectProvider<Directory> directory) {
        return new AbstractProcessEnginePlugin() {
            @Override
            public void preInit(ProcessEngineConfigurationImpl configuration) {
                // resolved when the engine is built, not when this plugin bean is created
                configuration.setIdentityProviderSessionFactory(
                        DirectoryIdentityProvider.sessionFactory(directory.getObject()));
                configuration.setAdminGroups(new ArrayList<>(List.of(ADMIN_GROUP)));
                configuration.setAuthorizationEnabled(true);
                configuration.setGeneralResourceWhitelistPattern(ID_PATTERN);
                configuration.setUserResourceWhitelistPattern(ID_PATTERN);
                configuration.setGroupResourceWhitelistPattern(ID_PATTERN);
            }
        };
    }

    /** Tasklist, Cockpit and Admin trust the web sign-in: no second login form. */
    @Bean
    FilterRegistrationBean<ContainerBasedAuthenticationFilter> camundaWebappSignIn(
            @Value("${camunda.bpm.webapp.application-path:/camunda}") String webappPath) {
        var registration = new FilterRegistrationBean<>(new ContainerBasedAuthenticationFilter());
        registration.setName("switchboard-camunda-webapp-sign-in");
        registration.addInitParameter("authentication-provider", SignedInActorAuthenticationProvider.class.getName());
        registration.addUrlPatterns(webappPath + "/*");
        registration.setOrder(AFTER_SPRING_SECURITY);
        return registration;
    }

    /** {@code /engine-rest} runs every call as the JWT's or API key's actor, with authorization checks. */
    @Bean
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAsActor() {
        var registration = new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
        registration.setName("switchboard-engine-rest-actor");
        registration.addInitParameter("authentication-provider", SignedInActorAuthenticationProvider.class.getName());
        registration.addUrlPatterns("/engine-rest/*");
        registration.setOrder(AFTER_SPRING_SECURITY);
        return registration;
    }
}
