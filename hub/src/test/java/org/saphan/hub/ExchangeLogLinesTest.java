package org.saphan.hub;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.saphan.exchange.route.ExchangeEntry;
import org.saphan.simulators.http.FaultMode;
import org.slf4j.LoggerFactory;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 8, item 7: every log line of an exchange names its exchange id (MDC {@code exchangeId}), also the lines
 * written on another thread than the caller's: here a composite's part, which runs on the composite's own pool
 * and times out at its provider. No line carries a citizen ID.
 */
class ExchangeLogLinesTest extends HubTestSupport {

    private static final String WELFARE_ONE_STOP = "HUB/welfare-eligibility/v1";
    private static final String PAYMENTS = "CGD/welfare-payments/v1";
    private static final String ELDERLY = "3301500012345";
    /**
     * Who does an exchange's work: the hub, Camel, the provider clients and the resilience library. Lines of the
     * servlet container or Spring about the server itself (a first request, a pool starting) belong to no exchange.
     */
    private static final List<String> EXCHANGE_WORK = List.of("org.saphan.", "org.apache.camel.", "org.apache.cxf.",
            "org.apache.hc.", "io.github.resilience4j.");
    private static final Pattern CITIZEN_LIKE = Pattern.compile("(?<!\\d)\\d{13}(?!\\d)");

    @Test
    void everyLineOfATimedOutExchangeNamesItOnEveryThreadAndNoneHoldsACitizenId() throws Exception {
        String portal = bearer(PORTAL, PORTAL_SECRET); // the servlet's first-request lines come before, not during
        ListAppender<ILoggingEvent> captured = new ListAppender<>();
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        captured.start();
        root.addAppender(captured);
        Set<String> exchangeIds = new HashSet<>();
        String partId;
        try {
            // DOPA answers after 2 s; the hub waits 700 ms: provider-timeout on the caller's thread
            SIMULATORS.dopa().faults().set(FaultMode.SLOW, 2000);
            HttpResponse<String> direct = exchange(PROFILE, "{\"citizenId\":\"" + CITIZEN + "\"}",
                    exchangeHeaders(portal));
            assertThat(direct.statusCode()).as(direct.body()).isEqualTo(504);
            exchangeIds.add(direct.headers().firstValue("X-Exchange-Id").orElseThrow());
            SIMULATORS.dopa().faults().clear();

            // CGD answers after 3 s, its timeout is 1 s: the composite's part times out on a pool thread
            SIMULATORS.cgd().faults().set(FaultMode.SLOW, 3000);
            Map<String, String> headers = exchangeHeaders(portal);
            headers.put("X-Legal-Basis", "pdpa-26-5");
            HttpResponse<String> composite = exchange(WELFARE_ONE_STOP, "{\"citizenId\":\"" + ELDERLY + "\"}", headers);
            assertThat(composite.statusCode()).as(composite.body()).isEqualTo(200);
            JsonNode data = read(composite.body()).path("data");
            exchangeIds.add(composite.headers().firstValue("X-Exchange-Id").orElseThrow());
            String timedOut = null;
            for (JsonNode part : data.path("parts")) {
                exchangeIds.add(part.path("exchangeId").asText());
                if (PAYMENTS.equals(part.path("service").asText())) {
                    assertThat(part.path("code").asText()).isEqualTo("provider-timeout");
                    timedOut = part.path("exchangeId").asText();
                }
            }
            partId = timedOut;
            assertThat(partId).isNotNull();
        } finally {
            root.detachAppender(captured);
            SIMULATORS.dopa().faults().clear();
            SIMULATORS.cgd().faults().clear();
        }

        List<ILoggingEvent> lines = new ArrayList<>();
        for (ILoggingEvent e : captured.list) {
            if (EXCHANGE_WORK.stream().anyMatch(e.getLoggerName()::startsWith)
                    && !e.getLoggerName().startsWith("org.saphan.simulators")) { // the provider's lines, not the hub's
                lines.add(e);
            }
        }
        String callerThread = null;
        boolean partLineSeen = false;
        for (ILoggingEvent line : lines) {
            String id = line.getMDCPropertyMap().get(ExchangeEntry.MDC_EXCHANGE_ID);
            String text = line.getThreadName() + " " + line.getLoggerName() + " " + line.getFormattedMessage();
            assertThat(id).as("exchange id of: " + text).isNotNull();
            assertThat(Set.of(id.split(","))).as(text).containsAnyElementsOf(exchangeIds);
            assertThat(CITIZEN_LIKE.matcher(line.getFormattedMessage()).find()).as(text).isFalse();
            assertThat(line.getMDCPropertyMap().toString()).as(text).doesNotContain(CITIZEN).doesNotContain(ELDERLY)
                    .doesNotContain(OFFICER);
            if (line.getFormattedMessage().contains("provider call failed") && line.getFormattedMessage().contains(partId)) {
                // the line names the part's own id, not the composite's, although the composite waits for it
                assertThat(id).isEqualTo(partId);
                partLineSeen = true;
            } else if (line.getFormattedMessage().contains("provider call failed")) {
                callerThread = line.getThreadName();
            }
        }
        assertThat(partLineSeen).as("the timed-out part's line was logged: %s", lines).isTrue();
        assertThat(callerThread).as("the direct timeout's line was logged").isNotNull();
    }
}
