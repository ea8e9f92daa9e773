package io.switchboard.workflow;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.TreeMap;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * How Switchboard runs the Camunda engine. The analysts' models under {@code processes/}, {@code decisions/}
 * and {@code forms/} (on the classpath, see pom.xml) are deployed when the engine starts, as one deployment
 * named {@code switchboard} with duplicate filtering: a model that did not change is not deployed again, so
 * restarting N nodes creates no new versions. Resource names are the paths inside those folders
 * ({@code processes/provision-service.bpmn}), the same on every machine, which is what the filter compares.
 */
@Configuration(proxyBeanMethods = false)
class EngineConfiguration {

    static final String DEPLOYMENT_NAME = "switchboard";
    static final String[] MODEL_FOLDERS = {"processes", "decisions", "forms"};
    static final String[] MODEL_PATTERNS = {"processes/**/*.bpmn", "decisions/**/*.dmn", "forms/**/*.form"};

    private static final Logger log = LoggerFactory.getLogger(EngineConfiguration.class);

    @Bean
    AbstractProcessEnginePlugin switchboardModelDeployment() {
        return new AbstractProcessEnginePlugin() {
            @Override
            public void postProcessEngineBuild(ProcessEngine engine) {
                deployModels(engine);
            }
        };
    }

    /**
     * Decisions the engine evaluates (a sale's eligibility check, through the {@code DecisionService}, with
     * history) use the FEEL engine that parses each expression once ({@link ParsedFeelEngineFactory}).
     */
    @Bean
    AbstractProcessEnginePlugin switchboardParsedFeel() {
        return new AbstractProcessEnginePlugin() {
            @Override
            public void preInit(ProcessEngineConfigurationImpl configuration) {
                var dmn = configuration.getDmnEngineConfiguration() != null
                        ? configuration.getDmnEngineConfiguration()
                        : (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
                if (!configuration.isDmnFeelEnableLegacyBehavior()) {
                    dmn.setFeelEngineFactory(new ParsedFeelEngineFactory(dmn::getFeelCustomFunctionProviders));
                }
                configuration.setDmnEngineConfiguration(dmn);
            }
        };
    }

    static void deployModels(ProcessEngine engine) {
        var models = findModels();
        if (models.isEmpty()) {
            log.info("No models under {} to deploy", Arrays.toString(MODEL_FOLDERS));
            return;
        }
        var deployment = engine.getRepositoryService().createDeployment()
                .name(DEPLOYMENT_NAME)
                .source(DEPLOYMENT_NAME)
                .enableDuplicateFiltering(true);
        try {
            for (var model : models.entrySet()) {
                deployment.addInputStream(model.getKey(), model.getValue().getInputStream());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the models to deploy", e);
        }
        var deployed = deployment.deploy();
        // with duplicate filtering, an unchanged set of models answers with the deployment that already holds it
        log.info("Models {} are deployment {} of {}", models.keySet(), deployed.getId(), deployed.getDeploymentTime());
    }

    /** Every model on the classpath by its name inside the model folders, sorted so the order is stable. */
    static TreeMap<String, Resource> findModels() {
        var resolver = new PathMatchingResourcePatternResolver(EngineConfiguration.class.getClassLoader());
        var models = new TreeMap<String, Resource>();
        try {
            for (String pattern : MODEL_PATTERNS) {
                for (Resource resource : resolver.getResources("classpath*:" + pattern)) {
                    if (resource.isReadable()) {
                        models.put(nameOf(resource, pattern.substring(0, pattern.indexOf('/'))), resource);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list the models to deploy", e);
        }
        return models;
    }

    /** {@code .../classes/processes/a/b.bpmn} or {@code jar:...!/processes/a/b.bpmn} becomes {@code processes/a/b.bpmn}. */
    static String nameOf(Resource resource, String folder) throws IOException {
        String url = resource.getURL().toString();
        int at = url.lastIndexOf("/" + folder + "/");
        return url.substring(at + 1);
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
