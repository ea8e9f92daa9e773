package io.switchboard.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.support.SwitchboardIntegrationTest;
import io.switchboard.support.TestLogins;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The REST API under load: customer create and customer read with N concurrent clients, each beside
 * {@code GET /crm/health} measured in the same run, on the same PostgreSQL. Prints figures; asserts only that
 * the requests succeeded. Run with {@code ./mvnw -Pbench verify} (optionally {@code -Dbench.clients=16
 * -Dbench.requests=4000}); never part of the default test run.
 */
@Tag("bench")
@SwitchboardIntegrationTest
class CustomerApiBenchmarkTests {

    private static final Pattern CUSTOMER_ID = Pattern.compile("\"customer_id\"\\s*:\\s*(\\d+)");

    @Autowired TestLogins logins;
    @LocalServerPort int port;

    @Test
    void customerCreateAndReadBesideHealth() throws Exception {
        int clients = Integer.getInteger("bench.clients", 8);
        int requests = Integer.getInteger("bench.requests", 2000);
        String token = logins.token(logins.withRoles("admin"));
        String base = "http://localhost:" + port;
        var load = new LoadRun();

        // warm-up of every path measured: JIT, connection pools, caches
        var created = new ConcurrentLinkedQueue<Long>();
        load.run("warm-up health", clients, 2000, i -> health(base), 200);
        load.run("warm-up create", clients, 1000, i -> create(base, token, "warm-up " + i), 200);

        var results = new ArrayList<LoadRun.Result>();
        var health = load.run("GET /crm/health", clients, requests, i -> health(base), 200);
        results.add(health);
        var http = HttpClient.newHttpClient();
        var createResult = load.run("PUT /crm/customer/ (create)", clients, requests, i -> {
            return create(base, token, "Bench customer " + i);
        }, 200);
        results.add(createResult);
        // ids to read: a sample of freshly created customers
        for (int i = 0; i < 200; i++) {
            var response = http.send(create(base, token, "Bench read target " + i), HttpResponse.BodyHandlers.ofString());
            var matcher = CUSTOMER_ID.matcher(response.body());
            assertThat(matcher.find()).as(response.body()).isTrue();
            created.add(Long.parseLong(matcher.group(1)));
        }
        List<Long> ids = List.copyOf(created);
        load.run("warm-up read", clients, 1000,
                i -> HttpRequest.newBuilder(URI.create(base + "/crm/customer/customer_id/" + ids.get(i % ids.size())))
                        .header("Authorization", "Bearer " + token).GET().build(), 200);
        var read = load.run("GET /crm/customer/customer_id/{id}", clients, requests,
                i -> HttpRequest.newBuilder(URI.create(base + "/crm/customer/customer_id/" + ids.get(i % ids.size())))
                        .header("Authorization", "Bearer " + token).GET().build(), 200);
        results.add(read);
        var healthAgain = load.run("GET /crm/health (again)", clients, requests, i -> health(base), 200);
        results.add(healthAgain);

        System.out.println();
        System.out.println("=== Switchboard REST benchmark: " + clients + " concurrent clients, " + requests
                + " requests per figure, one JVM + PostgreSQL on this machine");
        results.forEach(r -> System.out.println(r.line()));
        // the baseline is the mean of the health runs before and after, so drift during the run shows in neither
        double healthRps = (health.requestsPerSecond() + healthAgain.requestsPerSecond()) / 2;
        double healthP50 = (health.percentileMillis(50) + healthAgain.percentileMillis(50)) / 2;
        double healthP99 = (health.percentileMillis(99) + healthAgain.percentileMillis(99)) / 2;
        for (var r : List.of(createResult, read)) {
            System.out.printf("%-36s vs health: %.2fx the throughput, p50 %.1fx, p99 %.1fx%n", r.name(),
                    r.requestsPerSecond() / healthRps, r.percentileMillis(50) / healthP50,
                    r.percentileMillis(99) / healthP99);
        }
        System.out.println();

        results.forEach(r -> assertThat(r.failures()).as(r.name()).isZero());
    }

    private static HttpRequest health(String base) {
        return HttpRequest.newBuilder(URI.create(base + "/crm/health")).GET().build();
    }

    private static HttpRequest create(String base, String token, String name) {
        String json = "{\"customer_name\":\"" + name + "\",\"customer_account_type\":\"Business\"}";
        return HttpRequest.newBuilder(URI.create(base + "/crm/customer/"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)).build();
    }
}
