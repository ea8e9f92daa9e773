package io.switchboard.workflow;

import java.util.Arrays;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.spring.SpringProcessEngineConfiguration;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

/**
 * How Switchboard runs the Camunda engine: the models under {@code processes/}, {@code decisions/} and
 * {@code forms/} are deployed at start-up as one deployment named {@code switchboard}, and only when they
 * changed (duplicate filtering), so restarting N nodes does not create N new versions.
 */
@Configuration(proxyBeanMethods = false)
class EngineConfiguration {

    static final String DEPLOYMENT_NAME = "switchboard";

    @Bean
    @Order(0)
    AbstractProcessEnginePlugin switchboardEngineDefaults() {
        return new AbstractProcessEnginePlugin() {
            @Override
            public void preInit(ProcessEngineConfigurationImpl configuration) {
                if (configuration instanceof SpringProcessEngineConfiguration spring) {
                    spring.setDeploymentName(DEPLOYMENT_NAME);
                    spring.setDeployChangedOnly(true);
                }
            }
        };
    }

    /**
     * The engine creates its {@code act_*} tables on first start; Flyway must have migrated the domain
     * schema before that, or Flyway would find a non-empty schema it does not know.
     */
    @Bean
    static BeanFactoryPostProcessor engineStartsAfterFlyway() {
        return beanFactory -> {
            if (!beanFactory.containsBeanDefinition("flywayInitializer")) {
                return;
            }
            for (String name : beanFactory.getBeanNamesForType(ProcessEngineConfigurationImpl.class, true, false)) {
                var definition = beanFactory.getBeanDefinition(name);
                var dependsOn = definition.getDependsOn() == null ? new String[0] : definition.getDependsOn();
                var extended = Arrays.copyOf(dependsOn, dependsOn.length + 1);
                extended[dependsOn.length] = "flywayInitializer";
                definition.setDependsOn(extended);
            }
        };
    }
}
