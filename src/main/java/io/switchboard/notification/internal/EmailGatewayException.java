package io.switchboard.notification.internal;

/** The provider could not be reached or gave an answer that cannot be read. Worth another try later. */
public class EmailGatewayException extends RuntimeException {

    public EmailGatewayException(String message, Throwable cause) {
        super(message, cause);
    }

    public EmailGatewayException(String message) {
        super(message);
    }
}
