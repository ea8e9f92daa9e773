/**
 * Identity's BPMN process adapters: the 2FA reset process (processes/two-factor-reset.bpmn) is started here, and
 * its task listeners (separation of duties, enforced by the engine whatever the client) and thin delegates call
 * identity's services. Camunda types stay in this package (ArchitectureRulesTests).
 */
@org.springframework.lang.NonNullApi
package io.switchboard.identity.process;
