package org.saphan.connectors.rest;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.component.http.HttpMethods;

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
    /**
     * The method as Camel's own enum, resolved once: the HTTP producer reads the header as {@link HttpMethods}, and a
     * String there costs a type-converter lookup on every call (a third of the hub's allocation under load).
     */
    private final HttpMethods method;

    NativeRequest(RestServiceSpec spec) {
        this.spec = spec;
        this.method = HttpMethods.valueOf(spec.method());
    }

    @Override
    public void process(Exchange exchange) {
        Message message = exchange.getMessage();
        JsonNode request = message.getBody(JsonNode.class);
        message.removeHeaders("*");
        message.setHeader(Exchange.HTTP_METHOD, method);
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
        if (method == HttpMethods.POST) {
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
