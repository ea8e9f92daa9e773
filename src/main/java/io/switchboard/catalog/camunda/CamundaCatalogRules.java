package io.switchboard.catalog.camunda;

import io.switchboard.catalog.EligibilityDecision;
import io.switchboard.catalog.internal.CatalogRules;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.RepositoryService;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import io.switchboard.workflow.ParsedFeelEngineFactory;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * Evaluates the catalogue's DMN tables with Camunda. Each call looks up the latest version by key, so a table an
 * analyst deploys through {@code /engine-rest} is used by the next evaluation, without a restart.
 * <ul>
 * <li>A single decision (a sale, a provisioning request, "check eligibility") goes through the
 * {@link DecisionService}, so it is recorded in the engine's decision history (Cockpit shows who was refused and
 * why).</li>
 * <li>A batch (one customer against the whole catalogue, for a list) evaluates the same version, parsed once and
 * kept by its definition id, with a plain DMN engine: no history rows for every product a page shows.</li>
 * </ul>
 * The outputs are {@code eligible} (or {@code allowed}) and {@code reason}.
 */
@Component
class CamundaCatalogRules implements CatalogRules {

    private final DecisionService decisions;
    private final RepositoryService repository;
    /**
     * A DMN engine of our own, without the process engine's history listeners, for batches; its FEEL engine
     * parses each expression text once (as the process engine's does, see {@link ParsedFeelEngineFactory}).
     */
    private final DmnEngine dmn = ((DefaultDmnEngineConfiguration) DmnEngineConfiguration
            .createDefaultDmnEngineConfiguration()).feelEngineFactory(new ParsedFeelEngineFactory()).buildEngine();
    /** Parsed tables by decision definition id (a version never changes once deployed). */
    private final Map<String, DmnDecision> parsed = new ConcurrentHashMap<>();

    CamundaCatalogRules(DecisionService decisions, RepositoryService repository) {
        this.decisions = decisions;
        this.repository = repository;
    }

    @Override
    public EligibilityDecision evaluate(String decisionKey, Map<String, Object> facts) {
        DecisionDefinition latest = latest(decisionKey);
        return verdict(decisionKey, decisions.evaluateDecisionTableById(latest.getId())
                .variables(Variables.fromMap(facts)).evaluate().getSingleResult());
    }

    @Override
    public List<EligibilityDecision> evaluate(String decisionKey, List<Map<String, Object>> facts) {
        DecisionDefinition latest = latest(decisionKey);
        DmnDecision table = parsed.computeIfAbsent(latest.getId(), id -> {
            try (InputStream model = repository.getDecisionModel(id)) {
                return dmn.parseDecision(decisionKey, model);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        var results = new ArrayList<EligibilityDecision>(facts.size());
        for (Map<String, Object> fact : facts) {
            results.add(verdict(decisionKey,
                    dmn.evaluateDecisionTable(table, Variables.fromMap(fact)).getSingleResult()));
        }
        return results;
    }

    private DecisionDefinition latest(String decisionKey) {
        DecisionDefinition latest = repository.createDecisionDefinitionQuery().decisionDefinitionKey(decisionKey)
                .withoutTenantId().latestVersion().singleResult();
        if (latest == null) {
            throw new IllegalStateException("The decision " + decisionKey + " is not deployed");
        }
        return latest;
    }

    private static EligibilityDecision verdict(String decisionKey, DmnDecisionRuleResult result) {
        if (result == null) {
            throw new IllegalStateException("The decision " + decisionKey
                    + " matched no rule; its last row must match everything");
        }
        Object verdict = result.containsKey("eligible") ? result.get("eligible") : result.get("allowed");
        Object reason = result.get("reason");
        return new EligibilityDecision(Boolean.TRUE.equals(verdict), reason == null ? "" : reason.toString());
    }
}
