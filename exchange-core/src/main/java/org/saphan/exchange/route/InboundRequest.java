package org.saphan.exchange.route;

import java.util.Map;

/**
 * What arrived at a face of the hub (REST today; GDX and SOAP later), before any check.
 *
 * @param servicePath   {@code PROVIDER/service/vN} as it appeared in the path (not yet known to exist)
 * @param headers       the exchange headers, names in lower case
 * @param body          the body, at most the size limit (see {@code bodyTooLarge})
 * @param bodyTooLarge  true when the body was longer than the limit and reading stopped
 * @param contentType   the request's media type, or null
 */
public record InboundRequest(
        String servicePath,
        Map<String, String> headers,
        byte[] body,
        boolean bodyTooLarge,
        String contentType) {

    public static final String AUTHORIZATION = "authorization";
    public static final String PURPOSE = "x-purpose";
    public static final String LEGAL_BASIS = "x-legal-basis";
    public static final String CONSENT_ID = "x-consent-id";
    public static final String OFFICER_ID = "x-officer-id";
    public static final String REQUEST_ID = "x-request-id";

    public String header(String lowerCaseName) {
        return headers.get(lowerCaseName);
    }
}
