package io.switchboard.catalog;

/** The outcome of a decision: may it be sold, and a reason a person understands. */
public record EligibilityDecision(boolean eligible, String reason) {}
