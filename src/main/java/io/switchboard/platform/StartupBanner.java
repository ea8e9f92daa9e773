package io.switchboard.platform;

import io.switchboard.shared.StartupNotes;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Prints where everything is once the application is ready: the URLs, then each module's notes. */
@Component
class StartupBanner {

    private static final Logger log = LoggerFactory.getLogger(StartupBanner.class);

    private final List<StartupNotes> notes;
    private final String configuredBaseUrl;
    private final boolean sandbox;

    StartupBanner(List<StartupNotes> notes, @Value("${switchboard.base-url:}") String configuredBaseUrl,
            @Value("${switchboard.sandbox:true}") boolean sandbox) {
        this.notes = notes;
        this.configuredBaseUrl = configuredBaseUrl;
        this.sandbox = sandbox;
    }

    @EventListener
    void onReady(ApplicationReadyEvent event) {
        String base = configuredBaseUrl;
        if (base == null || base.isBlank()) {
            int port = event.getApplicationContext() instanceof WebServerApplicationContext web
                    ? web.getWebServer().getPort() : 8080;
            base = "http://localhost:" + port;
        }
        var text = new StringBuilder("\n\n  Switchboard is ready\n\n");
        line(text, "Self-care portal", base + "/portal");
        line(text, "Staff console", base + "/console");
        line(text, "REST API (Swagger UI)", base + "/crm/docs");
        line(text, "Camunda Tasklist", base + "/camunda/app/tasklist/");
        line(text, "Camunda Cockpit", base + "/camunda/app/cockpit/");
        line(text, "Camunda Admin", base + "/camunda/app/admin/");
        line(text, "Health", base + "/crm/health");
        if (sandbox) {
            line(text, "Sandbox mailbox", base + "/sandbox/mail   (sandbox mode: no email leaves this machine)");
        }
        for (StartupNotes note : notes) {
            var lines = note.lines();
            if (!lines.isEmpty()) {
                text.append("\n  ").append(note.title()).append('\n');
                lines.forEach(l -> text.append("    ").append(l).append('\n'));
            }
        }
        log.info(text.toString());
    }

    private static void line(StringBuilder text, String label, String url) {
        text.append(String.format("    %-24s %s%n", label, url));
    }
}
