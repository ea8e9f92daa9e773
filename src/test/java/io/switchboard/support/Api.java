package io.switchboard.support;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;

import io.switchboard.shared.Actor;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * MockMvc over the running application with Spring Security applied, and signed-in actors for it. Use it
 * instead of {@code @AutoConfigureMockMvc}, which would change the cached test context:
 * <pre>
 * MockMvc mvc = Api.mvc(context);
 * mvc.perform(get("/crm/customers").with(Api.as(Api.staff("view_customer"))))
 * </pre>
 * The authentication's authorities are exactly the actor's permissions, as in the real security chain.
 */
public final class Api {

    private static final AtomicLong USER_IDS = new AtomicLong(9_000_000_000L + (System.nanoTime() % 1_000_000) * 1000);

    private Api() {}

    public static MockMvc mvc(WebApplicationContext context) {
        return MockMvcBuilders.webAppContextSetup(context).apply(SecurityMockMvcConfigurers.springSecurity()).build();
    }

    /** Signs the request in as {@code actor}. */
    public static RequestPostProcessor as(Actor actor) {
        var authorities = actor.permissions().stream().map(SimpleGrantedAuthority::new).toList();
        return authentication(new UsernamePasswordAuthenticationToken(actor, null, authorities));
    }

    /** A staff user with a fresh user id and these permissions. */
    public static Actor staff(String... permissions) {
        long id = USER_IDS.incrementAndGet();
        return new Actor(id, "staff-" + id, null, Set.of(permissions), Set.of("test"), null);
    }

    /** A customer user of {@code customerId} with a fresh user id and these permissions. */
    public static Actor customerUser(long customerId, String... permissions) {
        long id = USER_IDS.incrementAndGet();
        return new Actor(id, "customer-" + id, customerId, Set.of(permissions), Set.of("customer"), null);
    }
}
