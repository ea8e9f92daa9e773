package io.switchboard.notification.mailjet;

import com.mailjet.client.ClientOptions;
import com.mailjet.client.MailjetClient;
import com.mailjet.client.MailjetRequest;
import com.mailjet.client.errors.MailjetException;
import com.mailjet.client.resource.Message;
import com.mailjet.client.transactional.SendContact;
import com.mailjet.client.transactional.SendEmailsRequest;
import com.mailjet.client.transactional.TransactionalEmail;
import io.switchboard.notification.internal.EmailGateway;
import io.switchboard.notification.internal.EmailGatewayException;
import io.switchboard.notification.internal.NotificationProperties;
import io.switchboard.notification.internal.OutgoingEmail;
import io.switchboard.notification.internal.SendOutcome;
import java.util.Optional;
import okhttp3.OkHttpClient;
import org.json.JSONException;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Sends through Mailjet's Send API v3.1 with the official client: one message per call, by template id with
 * {@code TemplateLanguage} on, all variables, and the outbox's idempotency key as {@code CustomID} so that a
 * message whose answer was lost can be found again ({@code GET /v3/REST/message?CustomID=…}).
 * Active when {@code switchboard.sandbox=false}.
 */
@Component
@ConditionalOnProperty(name = "switchboard.sandbox", havingValue = "false")
class MailjetEmailGateway implements EmailGateway, DisposableBean {

    private final OkHttpClient http;
    private final MailjetClient client;

    @Autowired
    MailjetEmailGateway(NotificationProperties properties) {
        this(properties.mailjet());
    }

    MailjetEmailGateway(NotificationProperties.Mailjet settings) {
        if (isBlank(settings.apiKey()) || isBlank(settings.apiSecret())) {
            throw new IllegalStateException("Mailjet is on (switchboard.sandbox=false) but SWITCHBOARD_MAILJET_API_KEY "
                    + "or SWITCHBOARD_MAILJET_API_SECRET is not set");
        }
        this.http = new OkHttpClient.Builder()
                // never repeat a POST on our own: Mailjet has no idempotency key; the outbox decides what to resend
                .retryOnConnectionFailure(false)
                .connectTimeout(settings.connectTimeout())
                .readTimeout(settings.readTimeout())
                .writeTimeout(settings.readTimeout())
                .build();
        this.client = new MailjetClient(ClientOptions.builder()
                .baseUrl(settings.baseUrl())
                .apiKey(settings.apiKey())
                .apiSecretKey(settings.apiSecret())
                .okHttpClient(http)
                .build());
    }

    @Override
    public String name() {
        return "mailjet";
    }

    @Override
    public SendOutcome send(OutgoingEmail email) {
        var request = SendEmailsRequest.builder().message(message(email)).build();
        try {
            return MailjetResults.of(request.sendWith(client));
        } catch (MailjetException e) {
            return MailjetResults.of(e);
        } catch (RuntimeException e) {
            // an answer the client could not parse: the message may well have been accepted
            return new SendOutcome.Unknown("unreadable answer from Mailjet: " + e);
        }
    }

    @Override
    public Optional<String> findSent(String customId) {
        try {
            var response = client.get(new MailjetRequest(Message.resource).filter("CustomID", customId));
            var data = response.getData();
            if (data == null || data.length() == 0) {
                return Optional.empty();
            }
            return Optional.of(String.valueOf(data.getJSONObject(0).get("ID")));
        } catch (MailjetException | JSONException e) {
            throw new EmailGatewayException("Mailjet message lookup by CustomID failed: " + MailjetResults.describe(e), e);
        }
    }

    private static TransactionalEmail message(OutgoingEmail email) {
        return TransactionalEmail.builder()
                .from(contact(email.fromEmail(), email.fromName()))
                .to(contact(email.toEmail(), email.toName()))
                .templateID(email.templateId())
                .templateLanguage(true)
                .subject(email.subject())
                .variables(email.variables())
                .customID(email.customId())
                .build();
    }

    private static SendContact contact(String address, String name) {
        return isBlank(name) ? new SendContact(address) : new SendContact(address, name);
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    @Override
    public void destroy() {
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }
}
