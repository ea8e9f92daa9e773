package io.switchboard.notification.mailjet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

/**
 * A loopback Mailjet: {@code POST /v3.1/send} and {@code GET /v3/REST/message?CustomID=…}, checked and answered
 * the way Mailjet's Send API v3.1 documents it (basic auth, the per-message validation errors of its "Send API
 * errors" table, {@code {"Messages":[{"Status":"success","CustomID",…,"To":[{"Email","MessageUUID","MessageID",
 * "MessageHref"}]}]}}), with Kill Bill-style failure knobs for the next calls.
 * <p>
 * Beyond Mailjet's own checks it insists on what Switchboard always sends: a numeric {@code TemplateID} with
 * {@code TemplateLanguage: true}, a {@code Variables} object of strings and a non-empty {@code CustomID}.
 */
public final class FakeMailjet implements AutoCloseable {

    public static final String API_KEY = "fake-public-key";
    public static final String API_SECRET = "fake-private-key";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern EMAIL = Pattern.compile("[^\\s@]+@[^\\s@]+\\.[^\\s@]+");

    /** One message Mailjet accepted. */
    public record Accepted(long messageId, String messageUuid, String customId, String fromEmail, String fromName,
            String toEmail, String toName, long templateId, String subject, Map<String, String> variables,
            Instant arrivedAt) {}

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(4);
    private final List<Accepted> accepted = new CopyOnWriteArrayList<>();
    private final ConcurrentLinkedDeque<Knob> nextSends = new ConcurrentLinkedDeque<>();
    private final ConcurrentLinkedDeque<Integer> nextLookupFailures = new ConcurrentLinkedDeque<>();
    private volatile Integer failAllSendsWith;
    private volatile Set<Long> knownTemplates;
    private final AtomicLong messageIds = new AtomicLong(288230376151711744L);
    private final AtomicInteger sendRequests = new AtomicInteger();
    private final AtomicInteger lookupRequests = new AtomicInteger();

    private FakeMailjet() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    public static FakeMailjet start() {
        try {
            return new FakeMailjet();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What to configure as Mailjet's base URL. */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    // ---- knobs -------------------------------------------------------------------------------------------------

    /** The next send gets this HTTP status with Mailjet's body for it (401, 429, 500, 503 …); nothing is accepted. */
    public FakeMailjet failNextSendWith(int status) {
        nextSends.add(exchange -> {
            respond(exchange, status, errorBody(status));
            return true;
        });
        return this;
    }

    /** Every send gets this status until {@link #reset()}. */
    public FakeMailjet failAllSendsWith(int status) {
        failAllSendsWith = status;
        return this;
    }

    /** The next send reads the request and closes the connection without an answer; nothing is accepted. */
    public FakeMailjet dropNextSendConnection() {
        nextSends.add(exchange -> {
            throw new DroppedConnection();
        });
        return this;
    }

    /** The next send is accepted, but the answer is lost (the connection drops): the caller cannot know. */
    public FakeMailjet acceptNextSendButDropAnswer() {
        nextSends.add(exchange -> {
            acceptValid(exchange);
            throw new DroppedConnection();
        });
        return this;
    }

    /** The next send is answered only after this delay (to outlast a client's read timeout). */
    public FakeMailjet delayNextSend(Duration delay) {
        nextSends.add(exchange -> {
            try {
                Thread.sleep(delay.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return false; // then handled normally
        });
        return this;
    }

    /** Only these template ids exist on the account; others get {@code send-0010} (400). */
    public FakeMailjet onlyTemplates(Long... templateIds) {
        knownTemplates = Set.of(templateIds);
        return this;
    }

    /** The next lookup by CustomID gets this HTTP status. */
    public FakeMailjet failNextLookupWith(int status) {
        nextLookupFailures.add(status);
        return this;
    }

    /** Mailjet already holds a message with this CustomID, as if sent before a crash; returns its MessageID. */
    public long alreadyHolds(String customId, String toEmail) {
        long id = messageIds.incrementAndGet();
        accepted.add(new Accepted(id, UUID.randomUUID().toString(), customId, "earlier@switchboard.local", null,
                toEmail, null, 1, "sent before", Map.of(), Instant.now()));
        return id;
    }

    /** Forgets every knob and every message. */
    public void reset() {
        nextSends.clear();
        nextLookupFailures.clear();
        failAllSendsWith = null;
        knownTemplates = null;
        accepted.clear();
        sendRequests.set(0);
        lookupRequests.set(0);
    }

    // ---- what happened -----------------------------------------------------------------------------------------

    public List<Accepted> accepted() {
        return List.copyOf(accepted);
    }

    public List<Accepted> accepted(String customId) {
        return accepted.stream().filter(m -> customId.equals(m.customId())).toList();
    }

    /** POSTs to /v3.1/send received, whatever their answer. */
    public int sendRequests() {
        return sendRequests.get();
    }

    public int lookupRequests() {
        return lookupRequests.get();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    // ---- the API -----------------------------------------------------------------------------------------------

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            if (!authorized(exchange)) {
                exchange.getRequestBody().readAllBytes();
                respond(exchange, 401, errorBody(401));
            } else if (path.equals("/v3.1/send") && exchange.getRequestMethod().equals("POST")) {
                sendRequests.incrementAndGet();
                var knob = nextSends.poll();
                if (knob != null && knob.handle(exchange)) {
                    return;
                }
                Integer failure = failAllSendsWith;
                if (failure != null) {
                    exchange.getRequestBody().readAllBytes();
                    respond(exchange, failure, errorBody(failure));
                    return;
                }
                send(exchange);
            } else if (path.equals("/v3/REST/message") && exchange.getRequestMethod().equals("GET")) {
                lookupRequests.incrementAndGet();
                lookup(exchange);
            } else {
                exchange.getRequestBody().readAllBytes();
                respond(exchange, 404, "");
            }
        } catch (DroppedConnection dropped) {
            // The JDK server closes the connection of a handler that fails before answering: a dropped connection.
            throw new IOException("dropped on purpose");
        }
    }

    private boolean authorized(HttpExchange exchange) {
        String expected = "Basic " + Base64.getEncoder()
                .encodeToString((API_KEY + ":" + API_SECRET).getBytes(StandardCharsets.UTF_8));
        return expected.equals(exchange.getRequestHeaders().getFirst("Authorization"));
    }

    private void send(HttpExchange exchange) throws IOException {
        var result = validate(exchange);
        if (result.globalError != null) {
            respond(exchange, 400, result.globalError);
            return;
        }
        boolean anyError = result.results.stream().anyMatch(r -> r.has("Errors"));
        if (!anyError) {
            result.accepts.forEach(accepted::add);
            attachTo(result);
        }
        var body = JSON.createObjectNode();
        body.set("Messages", JSON.valueToTree(result.results));
        respond(exchange, anyError ? 400 : 200, body.toString());
    }

    /** Accepts the request if valid, without answering (the answer is then lost on purpose). */
    private void acceptValid(HttpExchange exchange) throws IOException {
        var result = validate(exchange);
        if (result.globalError == null && result.results.stream().noneMatch(r -> r.has("Errors"))) {
            result.accepts.forEach(accepted::add);
        }
    }

    private record Validation(String globalError, List<ObjectNode> results, List<Accepted> accepts) {}

    private Validation validate(HttpExchange exchange) throws IOException {
        byte[] raw = exchange.getRequestBody().readAllBytes();
        String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
        JsonNode body;
        try {
            body = JSON.readTree(raw);
        } catch (IOException malformed) {
            body = null;
        }
        if (contentType == null || !contentType.startsWith("application/json") || body == null || !body.isObject()) {
            return new Validation(globalError("mj-0002", "Malformed JSON, please review the syntax and properties types."),
                    List.of(), List.of());
        }
        JsonNode messages = body.get("Messages");
        if (messages == null || !messages.isArray() || messages.isEmpty() || messages.size() > 50) {
            return new Validation(globalError("mj-0003", "Messages is mandatory: an array of 1 to 50 messages"),
                    List.of(), List.of());
        }
        var results = new ArrayList<ObjectNode>();
        var accepts = new ArrayList<Accepted>();
        for (JsonNode message : messages) {
            var errors = new ArrayList<ObjectNode>();
            JsonNode from = message.path("From");
            if (!from.path("Email").isTextual()) {
                errors.add(error("mj-0003", 400, "The From is mandatory but missing from the input", "From"));
            } else if (!EMAIL.matcher(from.path("Email").asText()).matches()) {
                errors.add(error("mj-0013", 400, "\"" + from.path("Email").asText() + "\" is an invalid email address.",
                        "From.Email"));
            }
            JsonNode to = message.path("To");
            if (!to.isArray() || to.isEmpty()) {
                errors.add(error("mj-0003", 400, "The To is mandatory but missing from the input", "To"));
            } else {
                for (int i = 0; i < to.size(); i++) {
                    String email = to.get(i).path("Email").asText("");
                    if (!EMAIL.matcher(email).matches()) {
                        errors.add(error("mj-0013", 400, "\"" + email + "\" is an invalid email address.",
                                "To[" + i + "].Email"));
                    }
                }
            }
            JsonNode templateId = message.path("TemplateID");
            boolean hasContent = message.has("HTMLPart") || message.has("TextPart") || message.has("TemplateID");
            if (!hasContent) {
                errors.add(error("send-0003", 400, "At least \"HTMLPart\", \"TextPart\" or \"TemplateID\" must be provided.",
                        "HTMLPart", "TextPart", "TemplateID"));
            } else if (!templateId.isIntegralNumber()) {
                errors.add(error("mj-0004", 400, "Type mismatch. Expected type \"number\".", "TemplateID"));
            } else if (knownTemplates != null && !knownTemplates.contains(templateId.asLong())) {
                errors.add(error("send-0010", 400, "Template ID \"" + templateId.asLong()
                        + "\" doesn't exist for your account.", "TemplateID"));
            }
            if (!message.path("TemplateLanguage").isBoolean() || !message.path("TemplateLanguage").asBoolean()) {
                errors.add(error("mj-0003", 400, "TemplateLanguage must be true for a template with variables",
                        "TemplateLanguage"));
            }
            JsonNode variables = message.path("Variables");
            var variableMap = new LinkedHashMap<String, String>();
            if (!variables.isObject()) {
                errors.add(error("mj-0004", 400, "Type mismatch. Expected type \"object\".", "Variables"));
            } else {
                variables.fields().forEachRemaining(field -> {
                    if (field.getValue().isTextual()) {
                        variableMap.put(field.getKey(), field.getValue().asText());
                    } else {
                        errors.add(error("mj-0004", 400, "Type mismatch. Expected type \"string\".",
                                "Variables." + field.getKey()));
                    }
                });
            }
            JsonNode customId = message.path("CustomID");
            if (!customId.isTextual() || customId.asText().isEmpty()) {
                errors.add(error("mj-0003", 400, "CustomID is mandatory for Switchboard messages", "CustomID"));
            }
            if (message.path("Subject").asText("").length() > 255) {
                errors.add(error("mj-0006", 400, "Subject is too long.", "Subject"));
            }
            var result = JSON.createObjectNode();
            if (errors.isEmpty()) {
                long id = messageIds.incrementAndGet();
                JsonNode firstTo = to.get(0);
                var accept = new Accepted(id, UUID.randomUUID().toString(), customId.asText(),
                        from.path("Email").asText(), from.path("Name").asText(null), firstTo.path("Email").asText(),
                        firstTo.path("Name").asText(null), templateId.asLong(), message.path("Subject").asText(""),
                        Map.copyOf(variableMap), Instant.now());
                accepts.add(accept);
                result.put("Status", "success");
                result.put("CustomID", customId.asText());
                result.set("Cc", JSON.createArrayNode());
                result.set("Bcc", JSON.createArrayNode());
            } else {
                result.put("Status", "error");
                result.set("Errors", JSON.valueToTree(errors));
            }
            results.add(result);
        }
        return new Validation(null, results, accepts);
    }

    /** Fills each success result's {@code To} with the accepted message's ids (done after acceptance). */
    private void attachTo(Validation validation) {
        int next = 0;
        for (ObjectNode result : validation.results) {
            var accept = validation.accepts.get(next++);
            ArrayNode to = JSON.createArrayNode();
            var recipient = to.addObject();
            recipient.put("Email", accept.toEmail());
            recipient.put("MessageUUID", accept.messageUuid());
            recipient.put("MessageID", accept.messageId());
            recipient.put("MessageHref", "https://api.mailjet.com/v3/REST/message/" + accept.messageId());
            result.set("To", to);
        }
    }

    private void lookup(HttpExchange exchange) throws IOException {
        Integer failure = nextLookupFailures.poll();
        if (failure != null) {
            respond(exchange, failure, errorBody(failure));
            return;
        }
        String customId = query(exchange).get("CustomID");
        var data = JSON.createArrayNode();
        for (Accepted message : accepted) {
            if (message.customId().equals(customId)) {
                var item = data.addObject();
                item.put("ArrivedAt", message.arrivedAt().toString());
                item.put("ContactAlt", message.toEmail());
                item.put("ID", message.messageId());
                item.put("Status", "sent");
                item.put("Subject", message.subject());
                item.put("UUID", message.messageUuid());
            }
        }
        var body = JSON.createObjectNode();
        body.put("Count", data.size());
        body.set("Data", data);
        body.put("Total", data.size());
        respond(exchange, 200, body.toString());
    }

    private static Map<String, String> query(HttpExchange exchange) {
        var parameters = new HashMap<String, String>();
        String raw = exchange.getRequestURI().getRawQuery();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int equals = pair.indexOf('=');
                if (equals > 0) {
                    parameters.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                            URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return parameters;
    }

    private static ObjectNode error(String code, int status, String message, String... relatedTo) {
        var error = JSON.createObjectNode();
        error.put("ErrorIdentifier", UUID.randomUUID().toString());
        error.put("ErrorCode", code);
        error.put("StatusCode", status);
        error.put("ErrorMessage", message);
        var related = error.putArray("ErrorRelatedTo");
        for (String property : relatedTo) {
            related.add(property);
        }
        return error;
    }

    private static String globalError(String code, String message) {
        var error = JSON.createObjectNode();
        error.put("ErrorIdentifier", UUID.randomUUID().toString());
        error.put("ErrorCode", code);
        error.put("ErrorMessage", message);
        error.put("StatusCode", 400);
        return error.toString();
    }

    private static String errorBody(int status) {
        var error = JSON.createObjectNode();
        error.put("ErrorIdentifier", UUID.randomUUID().toString());
        error.put("StatusCode", status);
        error.put("ErrorMessage", switch (status) {
            case 401 -> "API key authentication/authorization failure. You may be unauthorized to access the API or "
                    + "your API key may be expired. Visit API keys management section to check your keys.";
            case 429 -> "Too many requests";
            case 503 -> "Service Unavailable";
            default -> status >= 500 ? "Internal Server Error" : "Request refused";
        });
        return error.toString();
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=UTF-8");
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
    }

    /** Handles one send before the normal path; true when it answered (or dropped) the call itself. */
    @FunctionalInterface
    private interface Knob {
        boolean handle(HttpExchange exchange) throws IOException;
    }

    private static final class DroppedConnection extends RuntimeException {
        DroppedConnection() {
            super("connection dropped on purpose", null, false, false);
        }
    }
}
