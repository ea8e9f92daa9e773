package io.switchboard.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.catalog.Eligibility;
import io.switchboard.catalog.SalesChannel;
import io.switchboard.catalog.internal.CatalogRules;
import io.switchboard.shared.Actor;
import io.switchboard.support.SwitchboardIntegrationTest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Eligibility evaluations per second for one customer against a catalogue of 500 active products (the
 * {@code product-eligibility} table, as {@code GET /crm/product/available} runs it), beside a no-op baseline: a
 * one-row table with one input evaluated the same way, in the same run. Also the single-decision path (with
 * decision history) that a sale uses. Prints figures; asserts only that everything was evaluated. Run with
 * {@code ./mvnw -Pbench verify} ({@code -Dbench.rounds=40}).
 */
@Tag("bench")
@SwitchboardIntegrationTest
class EligibilityBenchmarkTests {

    static final String NOOP = """
            <?xml version="1.0" encoding="UTF-8"?>
            <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="benchNoopDefinitions" name="No-op"
                         namespace="http://switchboard.io/dmn">
              <decision id="benchNoop" name="No-op">
                <decisionTable id="benchNoopTable" hitPolicy="FIRST">
                  <input id="In1" label="Channel"><inputExpression id="InExpr1" typeRef="string"><text>channel</text></inputExpression></input>
                  <output id="Out1" name="eligible" typeRef="boolean" />
                  <output id="Out2" name="reason" typeRef="string" />
                  <rule id="Rule1"><inputEntry id="R1In1"><text>-</text></inputEntry>
                    <outputEntry id="R1Out1"><text>true</text></outputEntry><outputEntry id="R1Out2"><text>"Eligible"</text></outputEntry></rule>
                </decisionTable>
              </decision>
            </definitions>
            """;

    @Autowired Eligibility eligibility;
    @Autowired CatalogRules rules;
    @Autowired RepositoryService repository;
    @Autowired JdbcClient jdbc;

    @Test
    void eligibilityOfFiveHundredProductsBesideANoOpTable() {
        int rounds = Integer.getInteger("bench.rounds", 40);
        String run = UUID.randomUUID().toString().substring(0, 8);
        for (int i = 0; i < 500; i++) {
            jdbc.sql("""
                    INSERT INTO product (product_name, product_slug, category, service_type, status, residential, business,
                        customer_can_purchase, relies_on_list, created, last_modified)
                    VALUES (:name, :slug, :category, :type, 'ACTIVE', :residential, true, :self, :relies, now(), now())""")
                    .param("name", "Bench " + run + " " + i).param("slug", "bench-" + run + "-" + i)
                    .param("category", i % 4 == 0 ? "addon" : "standalone")
                    .param("type", i % 3 == 0 ? "internet" : "mobile").param("residential", i % 5 != 0)
                    .param("self", i % 2 == 0).param("relies", i % 7 == 0 ? "[\"voip\"]" : "[]").update();
        }
        long customerId = jdbc.sql("INSERT INTO customer (customer_name, customer_account_type, customer_status,"
                + " customer_payment_type, customer_enabled, created, last_modified) VALUES (:name, 'Individual',"
                + " 'Open', 'prepaid', true, now(), now()) RETURNING customer_id").param("name", "Bench " + run)
                .query(Long.class).single();
        String deploymentId = repository.createDeployment().name("bench-noop")
                .addString("bench-noop.dmn", NOOP).deploy().getId();
        var staff = new Actor(1L, "bench", null, java.util.Set.of("admin"), java.util.Set.of(), null);
        SecurityContextHolder.getContext().setAuthentication(new UsernamePasswordAuthenticationToken(staff, null,
                List.of(new SimpleGrantedAuthority("admin"))));
        try {
            int size = eligibility.available(customerId, SalesChannel.STAFF).size();
            assertThat(size).isGreaterThanOrEqualTo(500);
            List<Map<String, Object>> noopFacts = new ArrayList<>();
            for (int i = 0; i < size; i++) {
                var facts = new HashMap<String, Object>();
                facts.put("channel", "staff");
                noopFacts.add(facts);
            }
            // warm-up of both paths
            for (int i = 0; i < 5; i++) {
                eligibility.available(customerId, SalesChannel.STAFF);
                rules.evaluate("benchNoop", noopFacts);
            }
            long t0 = System.nanoTime();
            for (int i = 0; i < rounds; i++) {
                rules.evaluate("benchNoop", noopFacts);
            }
            long noop = System.nanoTime() - t0;
            t0 = System.nanoTime();
            for (int i = 0; i < rounds; i++) {
                assertThat(eligibility.available(customerId, SalesChannel.STAFF)).hasSize(size);
            }
            long full = System.nanoTime() - t0;
            long productId = jdbc.sql("SELECT product_id FROM product WHERE product_slug = :slug")
                    .param("slug", "bench-" + run + "-1").query(Long.class).single();
            int singles = rounds * 10;
            t0 = System.nanoTime();
            for (int i = 0; i < singles; i++) {
                eligibility.check(customerId, productId, SalesChannel.STAFF);
            }
            long single = System.nanoTime() - t0;

            double noopRate = (double) rounds * size / (noop / 1e9);
            double fullRate = (double) rounds * size / (full / 1e9);
            double singleRate = singles / (single / 1e9);
            System.out.println();
            System.out.println("=== Switchboard eligibility benchmark: one customer, " + size + " active products, "
                    + rounds + " rounds");
            System.out.printf("no-op table (1 input, 1 row), batch       : %,12.0f evaluations/s%n", noopRate);
            System.out.printf("product-eligibility, GET available (batch): %,12.0f evaluations/s  (%.1f ms per list)%n",
                    fullRate, full / 1e6 / rounds);
            System.out.printf("product-eligibility, single check (sale)  : %,12.0f decisions/s  (%.2f ms each)%n",
                    singleRate, single / 1e6 / singles);
            System.out.printf("ratio: available vs no-op %.2fx; single vs batch %.3fx%n", fullRate / noopRate,
                    singleRate / fullRate);
        } finally {
            SecurityContextHolder.clearContext();
            repository.deleteDeployment(deploymentId, true);
        }
    }
}
