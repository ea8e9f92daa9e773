package io.switchboard.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.support.SwitchboardIntegrationTest;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@SwitchboardIntegrationTest
class ModelDeploymentIntegrationTests {

    @Autowired RepositoryService repository;
    @Autowired ProcessEngine engine;

    @Test
    void modelsUnderProcessesAreDeployedAtStartUpAsTheSwitchboardDeployment() {
        var definition = repository.createProcessDefinitionQuery()
                .processDefinitionKey("DeploymentSmokeProcess").latestVersion().singleResult();
        assertThat(definition).isNotNull();
        var deployment = repository.createDeploymentQuery().deploymentId(definition.getDeploymentId()).singleResult();
        assertThat(deployment.getName()).isEqualTo(EngineConfiguration.DEPLOYMENT_NAME);
        assertThat(repository.getDeploymentResourceNames(deployment.getId()))
                .contains("processes/deployment-smoke.bpmn");
    }

    @Test
    void anUnchangedModelIsNotDeployedAgain() {
        long before = repository.createDeploymentQuery().deploymentName(EngineConfiguration.DEPLOYMENT_NAME).count();

        EngineConfiguration.deployModels(engine);

        assertThat(repository.createDeploymentQuery().deploymentName(EngineConfiguration.DEPLOYMENT_NAME).count())
                .isEqualTo(before);
        assertThat(repository.createProcessDefinitionQuery().processDefinitionKey("DeploymentSmokeProcess").count())
                .isEqualTo(1);
    }
}
