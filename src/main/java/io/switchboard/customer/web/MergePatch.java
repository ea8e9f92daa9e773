package io.switchboard.customer.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.switchboard.shared.InvalidInputException;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.stereotype.Component;

/**
 * {@code PATCH} bodies as JSON merge patches (RFC 7396, flat): fields present in the body replace the current
 * values, an explicit {@code null} clears one, absent fields stay. The merged form is read with the same
 * strict mapper as any request body, so unknown fields and wrong types fail the same way.
 */
@Component
class MergePatch {

    private static final HttpInputMessage NO_BODY = new HttpInputMessage() {
        @Override
        public InputStream getBody() {
            return new ByteArrayInputStream(new byte[0]);
        }

        @Override
        public HttpHeaders getHeaders() {
            return HttpHeaders.EMPTY;
        }
    };

    private final ObjectMapper json;

    MergePatch(ObjectMapper json) {
        this.json = json;
    }

    /** {@code current} with the fields of {@code patch} applied. */
    <T> T apply(T current, JsonNode patch, Class<T> type) {
        if (!(patch instanceof ObjectNode changes)) {
            throw InvalidInputException.of("body", "must be a JSON object of the fields to change");
        }
        ObjectNode merged = json.valueToTree(current);
        merged.setAll(changes);
        try {
            return json.treeToValue(merged, type);
        } catch (JsonProcessingException e) {
            // the same path (and problem document) as a body Spring could not read
            throw new HttpMessageNotReadableException("Invalid patch: " + e.getOriginalMessage(), e, NO_BODY);
        }
    }
}
