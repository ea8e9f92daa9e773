package io.switchboard.catalog;

/**
 * A port other modules implement (as Spring beans) to say a product is in use, so it cannot be deleted (only
 * retired): the services module answers "a service references it". {@link Products#delete} asks every
 * registered implementation inside the deleting transaction, with the product row locked. None exists before
 * the services module (issue 5): until then every product is unused.
 */
@FunctionalInterface
public interface ProductUsage {

    boolean isUsed(long productId);
}
