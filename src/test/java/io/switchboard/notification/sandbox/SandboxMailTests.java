package io.switchboard.notification.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SandboxMailTests {

    @Test
    void rendersTheSubjectWithMailjetVariables() {
        assertThat(mail("Your Invoice - {{var:invoice_number}}", Map.of("invoice_number", "INV-9")).renderedSubject())
                .isEqualTo("Your Invoice - INV-9");
        assertThat(mail("Welcome to {{ var:company_name }}!", Map.of("company_name", "A$1 \\ Co")).renderedSubject())
                .isEqualTo("Welcome to A$1 \\ Co!");
    }

    @Test
    void usesTheTemplatesDefaultWhenAVariableIsEmpty() {
        assertThat(mail("Hi {{var:name:\"there\"}}", Map.of("name", "")).renderedSubject()).isEqualTo("Hi there");
        assertThat(mail("Hi {{var:name}}", Map.of()).renderedSubject()).isEqualTo("Hi ");
    }

    private static SandboxMail mail(String subject, Map<String, String> variables) {
        return new SandboxMail(1, "k", "CUSTOMER_WELCOME", 1, "a@b.c", null, "d@e.f", null, subject, variables,
                Instant.EPOCH);
    }
}
