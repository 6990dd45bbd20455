package org.saphan.hub;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import org.apache.cxf.common.logging.LogUtils;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.saphan.simulators.calendar.BuddhistEra;
import org.saphan.simulators.population.Person;
import org.saphan.simulators.population.SyntheticPopulation;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 10, privacy: a full scenario (exchanges for several citizens over every kind of service, refusals of every
 * kind, consent, the GDX face, the SOAP face, the composite service, provider failures, audit search, the citizen's
 * access log, usage) and then a scan of everything the hub wrote or exposed besides the answers themselves: every
 * log event (message, arguments, MDC, exceptions; CXF's included, which log through SLF4J) and the console, the
 * Prometheus scrape, and every error body (SOAP fault envelopes included). None may hold
 * a citizen ID, the officer's ID, a personal value from the registries (names, birth dates in ISO and Buddhist-era
 * form, house and card numbers), a client secret, a token or the signing-key password. A planted value proves the
 * scan can fail.
 */
@ExtendWith(OutputCaptureExtension.class)
class PrivacyScanTest extends HubTestSupport {

    private static final List<String> CITIZENS = List.of(CITIZEN, "1400100234563", "3301500012345", "1103000456781",
            CARD_HOLDER, "3500100078907");
    private static final List<String> SECRETS = List.of(PORTAL_SECRET, CITIZEN_PORTAL_SECRET, "demo-audit-console-secret",
            "demo-operator-console-secret", "demo-tax-audit-secret", "demo-benefits-secret", "demo-elderly-allowance-secret");
    private static final String GDX_KEY = "6f1c2a7e-3b9d-4c52-9e8a-51d0b7a4c3e2";
    private static final String SOAP_NS = "https://saphan.example/exchange/soap/v1";

    @Value("${saphan.data-dir}")
    Path dataDir;

    private final ListAppender<ILoggingEvent> events = new ListAppender<>();
    private final List<String> errorBodies = new ArrayList<>();
    private final Set<String> credentials = new LinkedHashSet<>();
    private int soapFaults;

    @BeforeEach
    void captureEveryLogEvent() {
        events.start();
        rootLogger().addAppender(events);
    }

    @AfterEach
    void stopCapturing() {
        rootLogger().detachAppender(events);
    }

    @Test
    void noPersonalValueSecretOrTokenInLogsMetricsOrErrors(CapturedOutput console) throws IOException {
        runTheScenario();
        String metrics = get("/actuator/prometheus", Map.of()).body();
        assertThat(metrics).contains("saphan_exchanges"); // the scrape is real

        Map<String, String> needles = needles();
        Map<String, String> places = new LinkedHashMap<>();
        places.put("log events", logText());
        places.put("console", console.getAll());
        places.put("prometheus", metrics);
        places.put("error bodies", String.join("\n", errorBodies));
        assertThat(errorBodies).hasSizeGreaterThan(15);
        assertThat(soapFaults).as("SOAP fault envelopes among the error bodies").isGreaterThanOrEqualTo(5);
        assertThat(events.list).isNotEmpty();

        assertThat(PrivacyScan.findings(places, needles)).isEmpty();
        System.out.printf("privacy scan: %d log events, %d console characters, %d error bodies (%d SOAP faults), "
                + "%d metrics lines, %d values looked for: nothing found%n", events.list.size(), console.getAll().length(),
                errorBodies.size(), soapFaults, metrics.lines().count(), needles.size());
    }

    @Test
    void theScanCatchesAPlantedValue() {
        Person somchai = SyntheticPopulation.standard().find(CITIZEN).orElseThrow();
        LoggerFactory.getLogger("org.saphan.planted").warn("looked up {} born {}", somchai.firstNameTh(),
                BuddhistEra.format(somchai.birthDate()));
        // CXF's own logging API (java.util.logging loggers that CXF routes to SLF4J), at a level the hub lets through
        // for org.apache.cxf: what CXF writes reaches the scan like the hub's own events
        LogUtils.getLogger(org.apache.cxf.interceptor.Fault.class).log(java.util.logging.Level.SEVERE,
                "fault for house {0}", somchai.houseRegistrationNo());
        Map<String, String> places = Map.of("log events", logText(), "prometheus", "saphan_x{officer=\"" + OFFICER + "\"} 1");

        assertThat(PrivacyScan.findings(places, needles())).containsExactlyInAnyOrder(
                "log events holds first name (Thai) of " + CITIZEN,
                "log events holds birth date (Buddhist era) of " + CITIZEN,
                "log events holds house registration number of " + CITIZEN,
                "log events holds house registration number of 1103000456781", // his son: the same house
                "prometheus holds officer ID");
    }

    private void runTheScenario() {
        String portal = remember(bearer(PORTAL, PORTAL_SECRET));
        String citizenPortal = remember(bearer(CITIZEN_PORTAL, CITIZEN_PORTAL_SECRET));
        String auditor = remember(bearer("HUB/audit-console", "demo-audit-console-secret"));
        String operator = remember(bearer("HUB/operator-console", "demo-operator-console-secret"));
        String taxAudit = remember(bearer("RD/tax-audit", "demo-tax-audit-secret"));

        // allowed exchanges over REST, SOAP and the composite kinds, several citizens
        for (String citizen : CITIZENS) {
            call(PROFILE, citizen, exchangeHeaders(portal));
        }
        call("DOPA/house-registration/v1", "1103000456781", exchangeHeaders(portal));
        call("CGD/welfare-payments/v1", "3301500012345", exchangeHeaders(portal));
        keep(exchange("DBD/juristic-person/v1", "{\"juristicId\":\"0105600000013\"}", exchangeHeaders(portal)));
        keep(exchange("RD/vat-registration/v1", "{\"taxId\":\"0105600000013\"}", exchangeHeaders(portal)));

        // refusals of every kind, each carrying a citizen ID somewhere in the request
        call(PROFILE, UNKNOWN_CITIZEN, exchangeHeaders(portal));
        call(PROFILE, "1103000123456", exchangeHeaders(portal));
        keep(exchange(PROFILE, "{\"citizenId\":\"" + CITIZEN + "\",", exchangeHeaders(portal)));
        keep(exchange(PROFILE, "{\"citizenId\":\"" + CITIZEN + "\",\"extra\":\"" + CITIZEN + "\"}", exchangeHeaders(portal)));
        Map<String, String> replayed = exchangeHeaders(portal);
        call(PROFILE, CITIZEN, replayed);
        call(PROFILE, CITIZEN, replayed);
        call(PROFILE, CITIZEN, with(exchangeHeaders(portal), "X-Purpose", "tax-administration"));
        call(PROFILE, CITIZEN, with(exchangeHeaders(portal), "X-Legal-Basis", "pdpa-24-5"));
        call(PROFILE, CITIZEN, with(exchangeHeaders(portal), "X-Officer-Id", "3100600123451"));
        call(PROFILE, CITIZEN, with(exchangeHeaders(null), "Authorization", null));
        call(PROFILE, CITIZEN, with(exchangeHeaders(portal), "Authorization", "Bearer " + CITIZEN));
        call(PROFILE, CITIZEN, exchangeHeaders(taxAudit));
        call("DOPA/no-such/v1", CITIZEN, exchangeHeaders(portal));
        call(DISABILITY, CARD_HOLDER, exchangeHeaders(portal));
        keep(exchange(PROFILE, "{\"citizenId\":\"" + CITIZEN + "\",\"pad\":\"" + "x".repeat(70_000) + "\"}",
                exchangeHeaders(portal)));
        SIMULATORS.dopa().faults().set(org.saphan.simulators.http.FaultMode.FAIL);
        call(PROFILE, "1400100234563", exchangeHeaders(portal));
        SIMULATORS.dopa().faults().clear();
        SIMULATORS.cgd().faults().set(org.saphan.simulators.http.FaultMode.FAIL);
        call("CGD/welfare-payments/v1", "3301500012345", exchangeHeaders(portal));
        SIMULATORS.cgd().faults().clear();

        // consent: given, used, withdrawn, refused; the composite with it
        String consentId = read(keep(post("/api/v1/consents", "application/json", consentBody(CARD_HOLDER),
                Map.of("Authorization", citizenPortal))).body()).path("id").asText();
        keep(post("/api/v1/consents", "application/json", consentBody("1901100567896"), Map.of("Authorization", citizenPortal)));
        call(DISABILITY, CARD_HOLDER, with(with(exchangeHeaders(portal), "X-Legal-Basis", "explicit-consent"),
                "X-Consent-Id", consentId));
        keep(exchange("HUB/welfare-eligibility/v1", "{\"citizenId\":\"" + CARD_HOLDER + "\",\"consents\":{\"" + DISABILITY
                + "\":\"" + consentId + "\"}}", with(exchangeHeaders(portal), "X-Legal-Basis", "pdpa-26-5")));
        keep(post("/api/v1/consents/" + consentId + "/withdraw", "application/json", "", Map.of("Authorization", citizenPortal)));
        call(DISABILITY, CARD_HOLDER, with(with(exchangeHeaders(portal), "X-Legal-Basis", "explicit-consent"),
                "X-Consent-Id", consentId));
        keep(get("/api/v1/consents/" + CITIZEN, Map.of("Authorization", citizenPortal)));

        // the GDX face, with its secret in the query string
        String gdxToken = read(keep(get("/ws/auth/validate?ConsumerSecret=" + PORTAL_SECRET + "&AgentID=" + OFFICER,
                Map.of("Consumer-Key", GDX_KEY))).body()).path("Result").asText();
        credentials.add(gdxToken);
        keep(get("/ws/dopa/citizen-profile/v1?CitizenID=" + CITIZEN, Map.of("Consumer-Key", GDX_KEY, "Token", gdxToken)));
        keep(get("/ws/dopa/citizen-profile/v1?CitizenID=1103000123456", Map.of("Consumer-Key", GDX_KEY, "Token", gdxToken)));
        keep(get("/ws/dopa/citizen-profile/v1?CitizenID=" + CITIZEN, Map.of("Consumer-Key", GDX_KEY, "Token", "wrong")));
        keep(get("/ws/auth/validate?ConsumerSecret=demo-wrong-secret&AgentID=" + OFFICER, Map.of("Consumer-Key", GDX_KEY)));
        keep(token(PORTAL, "demo-wrong-secret"));
        keep(token(CITIZEN, PORTAL_SECRET)); // an ID and a secret typed into the wrong fields
        keep(get("/ws/auth/validate?ConsumerSecret=x&AgentID=" + OFFICER, Map.of("Consumer-Key", CITIZEN)));

        // the SOAP face (/services/exchange): an allowed exchange, then faults whose requests carry a citizen ID (wrong
        // check digit, a valid ID of nobody, an ID as the token in the SOAP header) and envelopes it cannot read, one
        // of them with an ID in an element name, which the XML parser's message would quote
        HttpResponse<String> soapAllowed = soap(portal, null, "1400100234563");
        assertThat(soapAllowed.statusCode()).as("the SOAP face served").isEqualTo(200);
        assertThat(soapAllowed.body()).contains("<exchangeResponse", "<signature>");
        soap(portal, null, "1103000123456");
        soap(portal, null, UNKNOWN_CITIZEN);
        soap(null, CITIZEN, CITIZEN);
        keepSoap(post("/services/exchange", "text/xml; charset=UTF-8", envelope(null, "<e:parameter name=\"citizenId\"><id"
                + CITIZEN + "></e:parameter>"), Map.of("Authorization", portal)));
        keepSoap(post("/services/exchange", "text/xml; charset=UTF-8", envelope(null, "<e:parameter name=\"citizenId\">"
                + CITIZEN + "</e:parameter").replace("</s:Envelope>", ""), Map.of("Authorization", portal)));

        // auditors, the citizen's own view, operators
        keep(get("/api/v1/audit/records?subject=" + CITIZEN, Map.of("Authorization", auditor)));
        keep(get("/api/v1/audit/records?subject=1103000123456", Map.of("Authorization", auditor)));
        keep(get("/api/v1/audit/records?subject=" + CITIZEN, Map.of("Authorization", portal)));
        keep(get("/api/v1/audit/records?officer=" + OFFICER + "&from=" + CITIZEN, Map.of("Authorization", auditor)));
        keep(get("/api/v1/audit/verify", Map.of("Authorization", auditor)));
        keep(get("/api/v1/subjects/" + CITIZEN + "/access-log", Map.of("Authorization", citizenPortal)));
        keep(get("/api/v1/subjects/1103000123456/access-log", Map.of("Authorization", citizenPortal)));
        keep(get("/api/v1/usage?from=2026-01-01T00:00:00Z&to=2030-01-01T00:00:00Z", Map.of("Authorization", operator)));
        keep(get("/api/v1/providers/health", Map.of("Authorization", operator)));

        // mistyped paths that hold an ID
        keep(get("/api/v1/subjects/" + CITIZEN + "/access-logs", Map.of("Authorization", citizenPortal)));
        keep(get("/api/v1/exchange/DOPA/citizen-profile/v1/" + CITIZEN, Map.of("Authorization", portal)));
        keep(post("/api/v1/consents/" + CITIZEN + "/renew", "application/json", "", Map.of("Authorization", citizenPortal)));
        keep(get("/ws/dopa/citizen-profile/v1/" + CITIZEN, Map.of("Consumer-Key", GDX_KEY, "Token", gdxToken)));
        keep(post("/ws/dopa/citizen-profile/v1", "application/x-www-form-urlencoded", "CitizenID=" + CITIZEN,
                Map.of("Consumer-Key", GDX_KEY, "Token", gdxToken)));
    }

    /** A SOAP exchange of DOPA's citizen profile, with the bearer token in HTTP or {@code accessToken} in the SOAP header. */
    private HttpResponse<String> soap(String authorization, String headerToken, String citizen) {
        Map<String, String> http = authorization == null ? Map.of() : Map.of("Authorization", authorization);
        return keepSoap(post("/services/exchange", "text/xml; charset=UTF-8",
                envelope(headerToken, "<e:parameter name=\"citizenId\">" + citizen + "</e:parameter>"), http));
    }

    private static String envelope(String headerToken, String parameters) {
        return "<s:Envelope xmlns:s=\"http://schemas.xmlsoap.org/soap/envelope/\" xmlns:e=\"" + SOAP_NS + "\"><s:Header>"
                + "<e:exchangeHeader>" + (headerToken == null ? "" : "<e:accessToken>" + headerToken + "</e:accessToken>")
                + "<e:purpose>welfare-eligibility</e:purpose><e:legalBasis>pdpa-24-4</e:legalBasis><e:officerId>" + OFFICER
                + "</e:officerId><e:requestId>" + java.util.UUID.randomUUID() + "</e:requestId></e:exchangeHeader></s:Header>"
                + "<s:Body><e:exchangeRequest><e:service>" + PROFILE + "</e:service>" + parameters
                + "</e:exchangeRequest></s:Body></s:Envelope>";
    }

    /** {@link #keep}, counting the SOAP faults among the error bodies. */
    private HttpResponse<String> keepSoap(HttpResponse<String> response) {
        if (response.statusCode() >= 400) {
            assertThat(response.body()).as("a SOAP fault").contains("<faultcode>");
            soapFaults++;
        }
        return keep(response);
    }

    private void call(String service, String citizen, Map<String, String> headers) {
        keep(exchange(service, "{\"citizenId\":\"" + citizen + "\"}", headers));
    }

    private HttpResponse<String> keep(HttpResponse<String> response) {
        if (response.statusCode() >= 400) {
            errorBodies.add(response.statusCode() + " " + response.body());
        }
        return response;
    }

    private String remember(String bearer) {
        credentials.add(bearer.substring("Bearer ".length()));
        return bearer;
    }

    private static Map<String, String> with(Map<String, String> headers, String name, String value) {
        headers.put(name, value);
        return headers;
    }

    private static String consentBody(String citizenId) {
        return "{\"citizenId\":\"" + citizenId + "\",\"consumerAgency\":\"MSDHS\",\"purposes\":[\"welfare-eligibility\"],"
                + "\"services\":[\"" + DISABILITY + "\"],\"explicit\":true,\"expiresAt\":\""
                + Instant.now().plusSeconds(86_400) + "\",\"collectionMethod\":\"citizen-portal-web\","
                + "\"noticeReference\":\"https://portal.example/privacy/welfare\",\"noticeVersion\":\"2026-01\"}";
    }

    /** What must never appear, by a label that names the kind of value and whose it is (never the value). */
    private Map<String, String> needles() {
        Map<String, String> needles = new LinkedHashMap<>();
        SyntheticPopulation population = SyntheticPopulation.standard();
        for (String id : CITIZENS) {
            Person p = population.find(id).orElseThrow();
            needles.put("citizen ID " + id, id);
            needles.put("first name (Thai) of " + id, p.firstNameTh());
            needles.put("last name (Thai) of " + id, p.lastNameTh());
            needles.put("first name (English) of " + id, p.firstNameEn());
            needles.put("last name (English) of " + id, p.lastNameEn());
            needles.put("first name (capitalised) of " + id, capitalised(p.firstNameEn()));
            needles.put("last name (capitalised) of " + id, capitalised(p.lastNameEn()));
            needles.put("birth date of " + id, p.birthDate().toString());
            needles.put("birth date (Buddhist era) of " + id, BuddhistEra.format(p.birthDate()));
            needles.put("birth date (Buddhist era, ISO form) of " + id,
                    BuddhistEra.toBuddhistYear(p.birthDate().getYear()) + p.birthDate().toString().substring(4));
            needles.put("house registration number of " + id, p.houseRegistrationNo());
            p.disability().ifPresent(d -> needles.put("disability card number of " + id, d.cardNumber()));
        }
        needles.put("unknown citizen ID", UNKNOWN_CITIZEN);
        needles.put("officer ID", OFFICER);
        SECRETS.forEach(s -> needles.put("client secret " + s.substring(0, 8) + "...", s));
        int n = 0;
        for (String credential : credentials) {
            needles.put("token #" + ++n, credential);
        }
        needles.put("signing keystore password", keystorePassword());
        needles.values().removeIf(v -> v == null || v.length() < 4); // too short to tell from other text
        return needles;
    }

    private String keystorePassword() {
        try (Stream<Path> files = Files.list(dataDir.resolve("keys"))) {
            Path file = files.filter(f -> f.toString().endsWith(".password")).findFirst().orElseThrow();
            return Files.readString(file).trim();
        } catch (IOException e) {
            throw new AssertionError("no generated keystore password", e);
        }
    }

    private String logText() {
        StringBuilder text = new StringBuilder();
        for (ILoggingEvent event : List.copyOf(events.list)) {
            text.append(event.getFormattedMessage()).append(' ').append(event.getMDCPropertyMap()).append(' ');
            if (event.getKeyValuePairs() != null) {
                text.append(event.getKeyValuePairs()).append(' ');
            }
            for (IThrowableProxy t = event.getThrowableProxy(); t != null; t = t.getCause()) {
                text.append(t.getClassName()).append(": ").append(t.getMessage()).append(' ');
            }
            text.append('\n');
        }
        return text.toString();
    }

    private static String capitalised(String upper) {
        return upper.isEmpty() ? upper : upper.charAt(0) + upper.substring(1).toLowerCase(Locale.ROOT);
    }

    private static Logger rootLogger() {
        return ((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    }

    /** The scan itself: which place holds which needle, reported by label only, so a failure leaks nothing either. */
    static final class PrivacyScan {

        private PrivacyScan() {
        }

        static List<String> findings(Map<String, String> places, Map<String, String> needles) {
            List<String> found = new ArrayList<>();
            places.forEach((place, text) -> needles.forEach((label, value) -> {
                if (text != null && text.contains(value)) {
                    found.add(place + " holds " + label);
                }
            }));
            return found;
        }
    }
}
