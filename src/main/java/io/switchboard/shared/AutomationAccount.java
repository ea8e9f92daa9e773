package io.switchboard.shared;

/**
 * The account that processes and background jobs act as (DESIGN.md decision 6), never the first admin.
 * The identity module provides it.
 */
public interface AutomationAccount {

    /** The automation account's actor. */
    Actor actor();
}
