package io.switchboard.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.catalog.internal.CatalogRules;
import io.switchboard.workflow.ParsedFeelEngineFactory.ParsedScalaFeelEngine;
import io.switchboard.support.SwitchboardIntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * What the faster evaluation must keep: a single decision (what a sale calls) still goes through the engine's
 * {@code DecisionService} and lands in the decision history with its inputs and outputs, evaluated by the FEEL
 * engine that parses once; a list evaluates without a history row per product, and gives the same verdicts.
 */
@SwitchboardIntegrationTest
class EligibilityEvaluationPathsIntegrationTests {

    @Autowired CatalogRules rules;
    @Autowired HistoryService history;
    @Autowired ProcessEngine engine;

    @Test
    void theEnginesDecisionsUseTheFeelEngineThatParsesOnce() {
        var configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        assertThat(configuration.getDmnEngineConfiguration().getFeelEngine()).isInstanceOf(ParsedScalaFeelEngine.class);
    }

    @Test
    void aSingleDecisionIsInTheHistoryAndAListIsNot() {
        String slug = "paths-" + UUID.randomUUID();
        var facts = DecisionTableRowsIntegrationTests.eligibleFacts();
        facts.put("productSlug", slug);
        facts.put("productReliesOn", List.of("voip"));
        long before = history.createHistoricDecisionInstanceQuery().decisionDefinitionKey(CatalogRules.ELIGIBILITY)
                .count();

        var single = rules.evaluate(CatalogRules.ELIGIBILITY, facts);

        assertThat(single).isEqualTo(new EligibilityDecision(false, "Needs one of these first: voip"));
        var recorded = history.createHistoricDecisionInstanceQuery().decisionDefinitionKey(CatalogRules.ELIGIBILITY)
                .includeInputs().includeOutputs().orderByEvaluationTime().desc().list();
        assertThat(recorded).hasSize((int) before + 1);
        var latest = recorded.stream().filter(d -> d.getInputs().stream()
                .anyMatch(i -> i.getClauseName() != null && i.getClauseName().equals("Relies-on met")
                        && Boolean.FALSE.equals(i.getValue()))).findFirst().orElseThrow();
        assertThat(latest.getOutputs()).extracting(o -> o.getVariableName() + "=" + o.getValue())
                .contains("eligible=false", "reason=Needs one of these first: voip");

        List<Map<String, Object>> list = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            list.add(i % 2 == 0 ? facts : DecisionTableRowsIntegrationTests.eligibleFacts());
        }
        var verdicts = rules.evaluate(CatalogRules.ELIGIBILITY, list);

        assertThat(verdicts).hasSize(20);
        for (int i = 0; i < 20; i++) {
            assertThat(verdicts.get(i)).isEqualTo(i % 2 == 0 ? single : new EligibilityDecision(true, "Eligible"));
        }
        assertThat(history.createHistoricDecisionInstanceQuery().decisionDefinitionKey(CatalogRules.ELIGIBILITY)
                .count()).isEqualTo(before + 1);
    }
}
