package org.saphan.exchange.route;

import java.util.Map;

/**
 * What the hub sends back: status, media type, extra headers and the exact body bytes (the bytes a
 * signature covers are the bytes written, so the body is kept as bytes from here on).
 */
public record ExchangeAnswer(int status, String contentType, Map<String, String> headers, byte[] body) {

    public static final String JSON = "application/json";
    public static final String PROBLEM_JSON = "application/problem+json";
}
