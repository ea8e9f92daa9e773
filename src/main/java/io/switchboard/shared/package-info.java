/**
 * Value types and small helpers every module may use: problem-detail exceptions, pagination, the clock.
 * Depends on nothing else in Switchboard.
 */
@org.springframework.lang.NonNullApi
package io.switchboard.shared;
