package io.switchboard.notification.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.switchboard.notification.EmailTemplate;
import java.time.Duration;
import java.util.EnumMap;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class NotificationPropertiesTests {

    @Test
    void bindsTemplatesByKebabCaseNameWithDefaultsForTheRest() {
        var source = new MapConfigurationPropertySource();
        for (EmailTemplate template : EmailTemplate.values()) {
            String prefix = "switchboard.notification.mailjet.templates."
                    + template.name().toLowerCase().replace('_', '-') + ".";
            source.put(prefix + "from-email", "noreply@example.com");
            source.put(prefix + "template-id", String.valueOf(100 + template.ordinal()));
            source.put(prefix + "subject", "Subject " + template);
        }

        var bound = new Binder(source).bind("switchboard.notification", Bindable.of(NotificationProperties.class)).get();

        assertThat(bound.mailjet().template(EmailTemplate.BALANCE_LOW).templateId())
                .isEqualTo(100 + EmailTemplate.BALANCE_LOW.ordinal());
        assertThat(bound.mailjet().baseUrl()).isEqualTo("https://api.mailjet.com");
        assertThat(bound.outbox().maxAttempts()).isEqualTo(8);
        assertThat(bound.outbox().retryBase()).isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void refusesAConfigurationThatLeavesATemplateOut() {
        var templates = new EnumMap<EmailTemplate, NotificationProperties.Template>(EmailTemplate.class);
        templates.put(EmailTemplate.PASSWORD_RESET, new NotificationProperties.Template("a@b.c", null, 1, "s"));

        assertThatThrownBy(() -> new NotificationProperties.Mailjet("k", "s", "http://x", Duration.ofSeconds(1),
                Duration.ofSeconds(1), templates))
                .hasMessageContaining("switchboard.notification.mailjet.templates.customer-welcome is missing");
    }

    @Test
    void refusesATemplateWithoutAMailjetTemplateId() {
        assertThatThrownBy(() -> new NotificationProperties.Template("a@b.c", null, 0, "s"))
                .hasMessageContaining("template-id");
    }

    @Test
    void refusesALeaseTooShortToSendIn() {
        assertThatThrownBy(() -> new NotificationProperties.Outbox(20, Duration.ofSeconds(10), Duration.ofSeconds(2),
                Duration.ofMinutes(1), Duration.ofHours(1), 8)).hasMessageContaining("lease");
    }
}
