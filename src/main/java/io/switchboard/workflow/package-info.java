/**
 * Camunda engine configuration: deployment of the models in processes/, decisions/ and forms/, and the
 * one client through which modules start and correlate processes.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Workflow")
@org.springframework.lang.NonNullApi
package io.switchboard.workflow;
