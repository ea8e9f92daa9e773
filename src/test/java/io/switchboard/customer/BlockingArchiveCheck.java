package io.switchboard.customer;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * A test-only {@link CustomerArchiveCheck} that objects for the customers a test registers, standing in for
 * the services and billing modules. Picked up by component scanning, so the shared test context is unchanged.
 */
@Component
public class BlockingArchiveCheck implements CustomerArchiveCheck {

    private static final Map<Long, List<String>> BLOCKED = new ConcurrentHashMap<>();

    public static void block(long customerId, String... reasons) {
        BLOCKED.put(customerId, List.of(reasons));
    }

    public static void unblock(long customerId) {
        BLOCKED.remove(customerId);
    }

    @Override
    public List<String> blockers(long customerId) {
        return BLOCKED.getOrDefault(customerId, List.of());
    }
}
