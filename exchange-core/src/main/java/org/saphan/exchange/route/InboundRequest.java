package org.saphan.exchange.route;

import java.security.cert.X509Certificate;
import java.util.Map;

/**
 * What arrived at a face of the hub (REST, GDX, SOAP), before any check.
 *
 * @param servicePath   {@code PROVIDER/service/vN} as it appeared in the path (not yet known to exist)
 * @param headers       the exchange headers, names in lower case
 * @param body          the body, at most the size limit (see {@code bodyTooLarge})
 * @param bodyTooLarge  true when the body was longer than the limit and reading stopped
 * @param contentType   the request's media type, or null
 * @param clientCertificates the TLS client certificate chain (leaf first) when the caller presented one,
 *                      not yet checked (the Authenticate step checks it); null over plain HTTP
 */
public record InboundRequest(
        String servicePath,
        Map<String, String> headers,
        byte[] body,
        boolean bodyTooLarge,
        String contentType,
        X509Certificate[] clientCertificates) {

    /** A request without a client certificate. */
    public InboundRequest(String servicePath, Map<String, String> headers, byte[] body, boolean bodyTooLarge,
                          String contentType) {
        this(servicePath, headers, body, bodyTooLarge, contentType, null);
    }

    public static final String AUTHORIZATION = "authorization";
    public static final String PURPOSE = "x-purpose";
    public static final String LEGAL_BASIS = "x-legal-basis";
    public static final String CONSENT_ID = "x-consent-id";
    public static final String OFFICER_ID = "x-officer-id";
    public static final String REQUEST_ID = "x-request-id";
    /** GDX face: the client system's Consumer-Key and the token from /ws/auth/validate (set by the GDX face only). */
    public static final String GDX_CONSUMER_KEY = "consumer-key";
    public static final String GDX_TOKEN = "token";

    public String header(String lowerCaseName) {
        return headers.get(lowerCaseName);
    }
}
