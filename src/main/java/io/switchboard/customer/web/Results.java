package io.switchboard.customer.web;

import java.util.Map;

/** The guide's answer to a delete: {@code {"result": "success"}}. */
final class Results {

    static final Map<String, String> SUCCESS = Map.of("result", "success");

    private Results() {}
}
