package io.switchboard.platform.web;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /crm/health}: unauthenticated liveness of the API and its database, as the guide documents. */
@RestController
class HealthController {

    private final DataSource dataSource;

    HealthController(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @GetMapping("/crm/health")
    ResponseEntity<Map<String, Object>> health() {
        var body = new LinkedHashMap<String, Object>();
        boolean databaseUp;
        try (var connection = dataSource.getConnection()) {
            databaseUp = connection.isValid(2);
        } catch (Exception e) {
            databaseUp = false;
        }
        body.put("status", databaseUp ? "OK" : "DEGRADED");
        body.put("database", databaseUp ? "up" : "down");
        body.put("time", Instant.now().toString());
        return ResponseEntity.status(databaseUp ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE).body(body);
    }
}
