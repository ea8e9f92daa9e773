package io.switchboard.workflow;

import org.camunda.bpm.engine.ProcessEngine;

/** For tests elsewhere: runs the start-up deployment of the models again, as a node starting would. */
public final class ModelDeployments {

    private ModelDeployments() {}

    public static void deployNow(ProcessEngine engine) {
        EngineConfiguration.deployModels(engine);
    }
}
