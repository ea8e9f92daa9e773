package io.switchboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.support.SwitchboardIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

@SwitchboardIntegrationTest
class ApplicationStartsIntegrationTests {

    @Autowired
    TestRestTemplate http;

    @Test
    void healthReportsTheDatabaseUp() {
        var response = http.getForEntity("/crm/health", java.util.Map.class);
        assertThat(response.getStatusCode().value()).isEqualTo(200);
        assertThat(response.getBody()).containsEntry("database", "up");
    }
}
