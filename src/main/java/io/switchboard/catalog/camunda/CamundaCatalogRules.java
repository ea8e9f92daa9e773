package io.switchboard.catalog.camunda;

import io.switchboard.catalog.EligibilityDecision;
import io.switchboard.catalog.internal.CatalogRules;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * Evaluates the catalogue's DMN tables with Camunda's {@link DecisionService}. Each call looks up the latest
 * version by key, so a table an analyst deploys through {@code /engine-rest} is used by the next evaluation,
 * without a restart; a batch (one customer against the whole catalogue) uses one version throughout. The
 * outputs are {@code eligible} (or {@code allowed}) and {@code reason}.
 */
@Component
class CamundaCatalogRules implements CatalogRules {

    private final DecisionService decisions;
    private final RepositoryService repository;

    CamundaCatalogRules(DecisionService decisions, RepositoryService repository) {
        this.decisions = decisions;
        this.repository = repository;
    }

    @Override
    public List<EligibilityDecision> evaluate(String decisionKey, List<Map<String, Object>> facts) {
        DecisionDefinition latest = repository.createDecisionDefinitionQuery().decisionDefinitionKey(decisionKey)
                .withoutTenantId().latestVersion().singleResult();
        if (latest == null) {
            throw new IllegalStateException("The decision " + decisionKey + " is not deployed");
        }
        var results = new ArrayList<EligibilityDecision>(facts.size());
        for (Map<String, Object> fact : facts) {
            var result = decisions.evaluateDecisionTableById(latest.getId())
                    .variables(Variables.fromMap(fact)).evaluate().getSingleResult();
            if (result == null) {
                throw new IllegalStateException("The decision " + decisionKey + " v" + latest.getVersion()
                        + " matched no rule; its last row must match everything");
            }
            Object verdict = result.containsKey("eligible") ? result.get("eligible") : result.get("allowed");
            Object reason = result.get("reason");
            results.add(new EligibilityDecision(Boolean.TRUE.equals(verdict), reason == null ? "" : reason.toString()));
        }
        return results;
    }
}
