package io.switchboard.identity;

/** A role as the directory sees it; {@code groupId} is the immutable Camunda group id. */
public record DirectoryRole(long id, String groupId, String name, String description, boolean system) {}
