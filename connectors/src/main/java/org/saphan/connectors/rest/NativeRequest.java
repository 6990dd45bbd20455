package org.saphan.connectors.rest;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Builds the provider's native request from the standard request. Every header of the inbound call is
 * dropped first: the consumer's credentials and officer never travel to the provider.
 */
final class NativeRequest implements Processor {

    private final RestServiceSpec spec;

    NativeRequest(RestServiceSpec spec) {
        this.spec = spec;
    }

    @Override
    public void process(Exchange exchange) {
        Message message = exchange.getMessage();
        JsonNode request = message.getBody(JsonNode.class);
        message.removeHeaders("*");
        message.setHeader(Exchange.HTTP_METHOD, spec.method());
        message.setHeader("Accept", "application/json");
        if (!spec.query().isEmpty()) {
            StringJoiner query = new StringJoiner("&");
            for (Map.Entry<String, String> p : spec.query().entrySet()) {
                JsonNode value = request.get(p.getValue());
                if (value != null && value.isValueNode()) {
                    query.add(encode(p.getKey()) + "=" + encode(value.asText()));
                }
            }
            message.setHeader(Exchange.HTTP_QUERY, query.toString());
        }
        if ("POST".equals(spec.method())) {
            message.setHeader(Exchange.CONTENT_TYPE, "application/json");
            message.setBody(request.toString().getBytes(StandardCharsets.UTF_8));
        } else {
            message.setBody(null);
        }
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
