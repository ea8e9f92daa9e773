package io.switchboard.notification.mailjet;

import com.mailjet.client.errors.MailjetClientCommunicationException;
import com.mailjet.client.errors.MailjetClientRequestException;
import com.mailjet.client.errors.MailjetException;
import com.mailjet.client.errors.MailjetRateLimitException;
import com.mailjet.client.errors.MailjetServerException;
import com.mailjet.client.errors.MailjetUnauthorizedException;
import com.mailjet.client.transactional.response.SendEmailError;
import com.mailjet.client.transactional.response.SendEmailsResponse;
import com.mailjet.client.transactional.response.SentMessageStatus;
import io.switchboard.notification.internal.SendOutcome;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.json.JSONException;
import org.json.JSONObject;

/**
 * Mailjet's answers as {@link SendOutcome}s, in one place (STYLE.md L6/L7), after Mailjet's "Send API errors" table:
 * <pre>
 * 200, Status success                                  Sent (To[0].MessageID)
 * 400, Status error (send-0003/0004/0010, mj-00xx)     Rejected: this message cannot be sent as it is
 * 401 (mj-0001 suspended, mj-0015 bad credentials)     NotSent: an account problem, fixable without changing the email
 * 403 (send-0006/0007/0008, sender not authorised)     NotSent: same
 * 400 or 413 without per-message results               Rejected: the payload itself is refused
 * other 4xx (404: wrong base URL …), 429, 5xx          NotSent
 * connection refused, unknown host                     NotSent: nothing left this machine
 * timeout or dropped connection after sending          Unknown: Mailjet may have the message
 * </pre>
 */
final class MailjetResults {

    private MailjetResults() {}

    static SendOutcome of(SendEmailsResponse response) {
        var messages = response.getMessages();
        if (messages == null || messages.length != 1) {
            return new SendOutcome.Unknown("Mailjet answered with " + (messages == null ? 0 : messages.length)
                    + " message results for one message");
        }
        var result = messages[0];
        if (result.getStatus() == SentMessageStatus.SUCCESS) {
            var to = result.getTo();
            return new SendOutcome.Sent(to == null || to.isEmpty() ? "" : String.valueOf(to.get(0).getMessageID()));
        }
        var errors = result.getErrors() == null ? new SendEmailError[0] : result.getErrors();
        String reason = Arrays.stream(errors).map(MailjetResults::describe).collect(Collectors.joining("; "));
        boolean accountProblem = Arrays.stream(errors).anyMatch(e -> e.getStatusCode() == 401 || e.getStatusCode() == 403);
        if (reason.isEmpty()) {
            reason = "Status " + result.getStatus() + " without errors";
        }
        return accountProblem ? new SendOutcome.NotSent(reason) : new SendOutcome.Rejected(reason);
    }

    static SendOutcome of(MailjetException e) {
        if (e instanceof MailjetRateLimitException) {
            return new SendOutcome.NotSent("HTTP 429: Mailjet's rate limit was hit");
        }
        if (e instanceof MailjetUnauthorizedException) {
            return new SendOutcome.NotSent("HTTP 401: Mailjet refused the API key (wrong key or secret, or the "
                    + "account is suspended)");
        }
        if (e instanceof MailjetClientRequestException request) {
            int status = request.getStatusCode();
            String reason = "HTTP " + status + ": " + describe(e);
            return status == 400 || status == 413 ? new SendOutcome.Rejected(reason) : new SendOutcome.NotSent(reason);
        }
        if (e instanceof MailjetServerException) {
            // the client keeps the body but not the status; Mailjet's support asks for the ErrorIdentifier
            String identifier = errorIdentifier(e);
            return new SendOutcome.NotSent("HTTP 5xx, Mailjet server error: " + describe(e)
                    + (identifier.isEmpty() ? "" : " (ErrorIdentifier " + identifier + ")"));
        }
        if (e instanceof MailjetClientCommunicationException) {
            Throwable cause = e.getCause();
            if (cause instanceof ConnectException || cause instanceof UnknownHostException
                    || cause instanceof NoRouteToHostException) {
                return new SendOutcome.NotSent("Mailjet unreachable: " + cause);
            }
            // the request may have been written before the connection broke or timed out
            return new SendOutcome.Unknown("connection to Mailjet failed: " + (cause == null ? e : cause));
        }
        return new SendOutcome.Unknown(describe(e));
    }

    /** A Mailjet error body ({@code {"ErrorCode","ErrorMessage",…}}) in one line; other messages as they are. */
    static String describe(Exception e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().strip();
        if (message.startsWith("{")) {
            try {
                var body = new JSONObject(message);
                String code = body.optString("ErrorCode", "");
                String text = body.optString("ErrorMessage", message);
                return code.isEmpty() ? text : code + " " + text;
            } catch (JSONException notJson) {
                return message;
            }
        }
        return message;
    }

    private static String errorIdentifier(Exception e) {
        String message = e.getMessage() == null ? "" : e.getMessage().strip();
        try {
            return message.startsWith("{") ? new JSONObject(message).optString("ErrorIdentifier", "") : "";
        } catch (JSONException notJson) {
            return "";
        }
    }

    private static String describe(SendEmailError error) {
        var related = error.getErrorRelatedTo() == null || error.getErrorRelatedTo().length == 0 ? ""
                : " (" + String.join(", ", error.getErrorRelatedTo()) + ")";
        return error.getErrorCode() + " " + error.getErrorMessage() + related;
    }
}
