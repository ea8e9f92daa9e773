package io.switchboard.catalog.internal;

import io.switchboard.catalog.EligibilityDecision;
import java.util.List;
import java.util.Map;

/**
 * The two decision tables, as this module calls them; the Camunda adapter ({@code catalog.camunda}) evaluates the
 * latest deployed version of each. Facts are plain values: strings, booleans and lists of strings.
 */
public interface CatalogRules {

    String ELIGIBILITY = "productEligibility";
    String COMPATIBILITY = "addonCompatibility";

    /** Evaluates {@code decisionKey} once per fact set, all with the same (latest) version; no history. */
    List<EligibilityDecision> evaluate(String decisionKey, List<Map<String, Object>> facts);

    /** One decision with the latest version, recorded in the engine's decision history. */
    EligibilityDecision evaluate(String decisionKey, Map<String, Object> facts);
}
