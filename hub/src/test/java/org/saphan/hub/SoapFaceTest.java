package org.saphan.hub;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.jwk.JWKSet;
import jakarta.xml.ws.BindingProvider;
import jakarta.xml.ws.handler.MessageContext;
import org.apache.cxf.transport.http.HTTPConduit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.saphan.hub.soapclient.ExchangeHeader;
import org.saphan.hub.soapclient.ExchangePort;
import org.saphan.hub.soapclient.ExchangeRefusal;
import org.saphan.hub.soapclient.ExchangeRefusalFault;
import org.saphan.hub.soapclient.ExchangeRequest;
import org.saphan.hub.soapclient.ExchangeResponse;
import org.saphan.hub.soapclient.ExchangeService;
import org.saphan.hub.soapclient.Parameter;
import org.saphan.security.verify.ExchangeSignatureVerifier;
import org.saphan.security.verify.VerificationResult;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The SOAP face as a SOAP-only consumer uses it: a CXF client generated (at build time, by cxf-codegen-plugin)
 * from the WSDL file the hub publishes, reading the published {@code ?wsdl} at run time. The same exchange as
 * REST: signed answers, the standard's problem codes as faults, every attempt in the access log.
 */
class SoapFaceTest extends HubTestSupport {

    private static final String SOAP_CONTENT = "text/xml; charset=UTF-8";
    private static final String NS = "https://saphan.example/exchange/soap/v1";

    private final ExchangeSignatureVerifier verifier = new ExchangeSignatureVerifier();
    private JWKSet jwks;

    @BeforeEach
    void publishedKeys() throws Exception {
        jwks = JWKSet.parse(get("/.well-known/jwks.json", Map.of()).body());
    }

    @Test
    void theFaceAnswersWithTheSameSignedExchangeAndRecordsIt() throws Exception {
        String portal = bearer(PORTAL, PORTAL_SECRET);
        ExchangeResponse answer = client(portal).exchange(header(), request(PROFILE, "citizenId", CITIZEN));

        JsonNode payload = read(answer.getPayload());
        assertThat(payload.path("exchangeId").asText()).isEqualTo(answer.getExchangeId());
        assertThat(payload.path("service").asText()).isEqualTo(PROFILE);
        assertThat(payload.path("data").path("firstNameTh").asText()).isEqualTo("สมชาย");
        assertThat(payload.path("data").path("birthDate").asText()).isEqualTo("1989-04-15");
        // the agreement releases no English name or nationality: minimised as on the REST face
        assertThat(payload.path("data").has("nationality")).isFalse();
        assertThat(payload.path("data").has("firstNameEn")).isFalse();

        VerificationResult verified = verify(answer.getPayload(), answer.getSignature());
        assertThat(verified.valid()).as(verified.reason()).isTrue();
        assertThat(verified.exchangeId()).isEqualTo(answer.getExchangeId());
        assertThat(verify(answer.getPayload().replace("สมชาย", "สมหญิง"), answer.getSignature()).valid()).isFalse();

        // the access log holds the exchange like any other
        Map<String, String> auditor = Map.of("Authorization", bearer("HUB/audit-console", "demo-audit-console-secret"));
        JsonNode records = read(get("/api/v1/audit/records?subject=" + CITIZEN + "&consumer=" + PORTAL + "&limit=20", auditor).body());
        JsonNode record = recordOf(records, answer.getExchangeId());
        assertThat(record.path("decision").asText()).isEqualTo("permit");
        assertThat(record.path("service").asText()).isEqualTo(PROFILE);
        assertThat(record.path("purpose").asText()).isEqualTo("welfare-eligibility");
        assertThat(record.path("officer").asText()).isEqualTo(OFFICER);
    }

    @Test
    void theTokenMayTravelInTheSoapHeader() throws Exception {
        String token = bearer(PORTAL, PORTAL_SECRET).substring("Bearer ".length());
        ExchangeHeader header = header();
        header.setAccessToken(token);
        ExchangePort port = client(null);
        ExchangeResponse answer = port.exchange(header, request(PROFILE, "citizenId", CITIZEN));
        assertThat(read(answer.getPayload()).path("data").path("lastNameTh").asText()).isEqualTo("ใจดี");
        @SuppressWarnings("unchecked")
        Map<String, List<String>> http = (Map<String, List<String>>)
                ((BindingProvider) port).getResponseContext().get(MessageContext.HTTP_RESPONSE_HEADERS);
        assertThat(http.get("Cache-Control")).containsExactly("no-store");
        assertThat(http.get("X-Exchange-Id")).containsExactly(answer.getExchangeId());
    }

    @Test
    void refusalsAreFaultsWithTheStandardsCodesSignedAndRecorded() throws Exception {
        String portal = bearer(PORTAL, PORTAL_SECRET);

        assertRefused(client(null), header(), request(PROFILE, "citizenId", CITIZEN), "unauthenticated", 401);

        ExchangeHeader wrongPurpose = header();
        wrongPurpose.setPurpose("tax-administration");
        assertRefused(client(portal), wrongPurpose, request(PROFILE, "citizenId", CITIZEN), "purpose-not-allowed", 403);

        assertRefused(client(bearer("RD/tax-audit", "demo-tax-audit-secret")), header(),
                request(PROFILE, "citizenId", CITIZEN), "access-denied", 403);
        // roles hold on this face too: an operator is not a consumer; a forged token is no token
        assertRefused(client(bearer("HUB/operator-console", "demo-operator-console-secret")), header(),
                request(PROFILE, "citizenId", CITIZEN), "access-denied", 403);
        assertRefused(client("Bearer sph_forged"), header(), request(PROFILE, "citizenId", CITIZEN), "unauthenticated", 401);

        ExchangeRefusal badId = assertRefused(client(portal), header(),
                request(PROFILE, "citizenId", "1103000123456"), "invalid-citizen-id", 400);
        assertThat(badId.getDetail()).doesNotContain("1103000123456");

        assertRefused(client(portal), header(), request("DOPA/no-such/v1", "citizenId", CITIZEN), "unknown-service", 404);

        ExchangeHeader once = header();
        client(portal).exchange(once, request(PROFILE, "citizenId", CITIZEN));
        ExchangeRefusal replayed = assertRefused(client(portal), once, request(PROFILE, "citizenId", CITIZEN),
                "replayed-request", 409);

        // refused attempts are in the access log too
        Map<String, String> auditor = Map.of("Authorization", bearer("HUB/audit-console", "demo-audit-console-secret"));
        // (a replay is refused before the request is read, so its record names no subject)
        JsonNode records = read(get("/api/v1/audit/records?consumer=" + PORTAL + "&decision=deny&limit=20", auditor).body());
        assertThat(recordOf(records, replayed.getExchangeId()).path("reasonCode").asText()).isEqualTo("replayed-request");
    }

    @Test
    void theWsdlIsPublishedWithTheHubsAddress() {
        HttpResponse<String> wsdl = get("/services/exchange?wsdl", Map.of());
        assertThat(wsdl.statusCode()).isEqualTo(200);
        assertThat(wsdl.body()).contains("exchangeHeader", "exchangeRefusal")
                .contains("location=\"" + url("/services/exchange") + "\"");
        // nothing else lives below /services, and CXF's own pages are not shown
        for (String path : List.of("/services", "/services/", "/services/other", "/services/exchange/more")) {
            HttpResponse<String> other = get(path, Map.of());
            assertThat(other.statusCode()).as(path).isEqualTo(404);
            assertThat(read(other.body()).path("code").asText()).as(path).isEqualTo("not-found");
        }
    }

    @Test
    void unreadableEnvelopesGetAFaultWithACodeNeverA500OrAStackTrace() {
        for (String envelope : List.of("", "not xml at all", "<a>", "<?xml version=\"1.0\"?><x/>",
                "<s:Envelope xmlns:s=\"http://schemas.xmlsoap.org/soap/envelope/\"><s:Body><nope/></s:Body></s:Envelope>",
                "<s:Envelope xmlns:s=\"http://schemas.xmlsoap.org/soap/envelope/\"><s:Body><e:exchangeRequest xmlns:e=\""
                        + NS + "\"><e:service>" + PROFILE + "</e:service><e:parameter name=\"citizenId\"><b>"
                        + CITIZEN + "</b></e:parameter></e:exchangeRequest></s:Body></s:Envelope>",
                "<!DOCTYPE x [<!ENTITY a \"" + "a".repeat(100) + "\">]><s:Envelope xmlns:s=\"http://schemas.xmlsoap.org/soap/envelope/\">"
                        + "<s:Body>&a;</s:Body></s:Envelope>")) {
            HttpResponse<String> response = post("/services/exchange", SOAP_CONTENT, envelope, Map.of());
            assertThat(response.statusCode()).as(envelope).isEqualTo(400);
            assertThat(response.body()).as(envelope).contains("<code>invalid-request</code>", "faultcode")
                    .doesNotContain("Exception", "at org.", "at java.", CITIZEN);
        }
        String tooLarge = "<s:Envelope xmlns:s=\"http://schemas.xmlsoap.org/soap/envelope/\"><s:Body><e:exchangeRequest xmlns:e=\""
                + NS + "\"><e:service>" + PROFILE + "</e:service><e:parameter name=\"citizenId\">" + "1".repeat(70_000)
                + "</e:parameter></e:exchangeRequest></s:Body></s:Envelope>";
        HttpResponse<String> declared = post("/services/exchange", SOAP_CONTENT, tooLarge, Map.of());
        assertThat(declared.statusCode()).isEqualTo(413);
        assertThat(declared.body()).contains("<code>payload-too-large</code>");
        // without a Content-Length (chunked), reading stops at the limit
        HttpResponse<String> chunked = send(HttpRequest.newBuilder(URI.create(url("/services/exchange")))
                .header("Content-Type", SOAP_CONTENT).POST(HttpRequest.BodyPublishers.ofInputStream(() ->
                        new ByteArrayInputStream(tooLarge.getBytes(StandardCharsets.UTF_8)))).build());
        assertThat(chunked.statusCode()).isEqualTo(413);
        assertThat(chunked.body()).contains("<code>payload-too-large</code>");
    }

    /** The refusal's fault: its code and status, an exchange id, and a signature over the problem document. */
    private ExchangeRefusal assertRefused(ExchangePort port, ExchangeHeader header, ExchangeRequest request,
                                          String code, int status) {
        ExchangeRefusalFault fault = catchThrowableOfType(ExchangeRefusalFault.class, () -> port.exchange(header, request));
        assertThat(fault).as(code).isNotNull();
        ExchangeRefusal refusal = fault.getFaultInfo();
        assertThat(refusal.getCode()).isEqualTo(code);
        assertThat(refusal.getStatus()).isEqualTo(status);
        assertThat(refusal.getExchangeId()).isNotBlank();
        assertThat(read(refusal.getPayload()).path("code").asText()).isEqualTo(code);
        assertThat(verify(refusal.getPayload(), refusal.getSignature()).valid()).isTrue();
        return refusal;
    }

    private ExchangePort client(String authorization) throws Exception {
        ExchangePort port = new ExchangeService(URI.create(url("/services/exchange?wsdl")).toURL()).getExchangePort();
        Map<String, Object> context = ((BindingProvider) port).getRequestContext();
        // the face answers a fault with the problem's HTTP status (401, 403, ...), not SOAP 1.1's 500; CXF reads
        // a fault behind any status once told to
        context.put(HTTPConduit.NO_IO_EXCEPTIONS, Boolean.TRUE);
        if (authorization != null) {
            context.put(MessageContext.HTTP_REQUEST_HEADERS, Map.of("Authorization", List.of(authorization)));
        }
        return port;
    }

    private static ExchangeHeader header() {
        ExchangeHeader header = new ExchangeHeader();
        header.setPurpose("welfare-eligibility");
        header.setLegalBasis("pdpa-24-4");
        header.setOfficerId(OFFICER);
        header.setRequestId(UUID.randomUUID().toString());
        return header;
    }

    private static ExchangeRequest request(String service, String name, String value) {
        Parameter parameter = new Parameter();
        parameter.setName(name);
        parameter.setValue(value);
        ExchangeRequest request = new ExchangeRequest();
        request.setService(service);
        request.getParameter().add(parameter);
        return request;
    }

    private VerificationResult verify(String payload, String signature) {
        return verifier.verify(payload.getBytes(StandardCharsets.UTF_8), signature, jwks);
    }

    private static JsonNode recordOf(JsonNode records, String exchangeId) {
        for (JsonNode record : records.path("records")) {
            if (record.path("exchangeId").asText().equals(exchangeId)) {
                return record;
            }
        }
        throw new AssertionError("no access-log record for exchange " + exchangeId + " in " + records);
    }
}
