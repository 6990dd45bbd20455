package org.saphan.exchange.soap;

import com.code_intelligence.jazzer.api.BugDetectors;
import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.api.SilentCloseable;
import com.code_intelligence.jazzer.junit.FuzzTest;
import ch.qos.logback.classic.Level;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.ServletConfig;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.catalina.Context;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.Tomcat;
import org.apache.cxf.transport.servlet.CXFNonSpringServlet;
import org.saphan.exchange.problem.Problems;
import org.saphan.exchange.route.ComposeAnswer;
import org.saphan.exchange.route.ExchangeAnswer;
import org.saphan.exchange.route.ExchangeRoute;
import org.saphan.exchange.route.ExchangeState;
import org.saphan.schemas.ProblemCode;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Clock;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Whatever envelope arrives at the SOAP face, the answer is a SOAP envelope: a response, or a fault with the
 * standard's problem code; never a 500, never a stack trace or an exception's text. The face runs on CXF's
 * servlet in an embedded Tomcat as in the hub; the exchange route behind it is a stand-in that answers or
 * refuses (the route itself is tested elsewhere), so this fuzzes the envelope handling alone.
 */
class SoapFaceFuzzTest {

    private static final int LIMIT = 4096;
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final URI FACE = start();

    @FuzzTest(maxDuration = "10s")
    void anyEnvelopeGetsAnAnswerOrAFaultWithACode(FuzzedDataProvider data) throws Exception {
        byte[] envelope = data.consumeBoolean() ? data.consumeRemainingAsBytes() : envelope(data);
        HttpResponse<String> answer;
        // the one connection this test makes on purpose: to the face under test
        try (SilentCloseable face = BugDetectors.allowNetworkConnections(
                (host, port) -> ("127.0.0.1".equals(host) || "localhost".equals(host)) && port == FACE.getPort())) {
            answer = HTTP.send(HttpRequest.newBuilder(FACE).header("Content-Type", "text/xml; charset=UTF-8")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(envelope)).build(), HttpResponse.BodyHandlers.ofString());
        }
        assertThat(answer.statusCode()).isNotEqualTo(500).isLessThan(600);
        assertThat(answer.body()).doesNotContain("Exception", "\tat ", "at org.", "at java.");
        if (answer.statusCode() == 200) {
            assertThat(answer.body()).contains("<exchangeResponse", "<signature>");
        } else {
            assertThat(answer.body()).contains("<faultcode>", "<code>", "<status>" + answer.statusCode() + "</status>");
        }
    }

    /** A plausible envelope with fuzzed text, unescaped, in each slot: the structure itself may break. */
    private static byte[] envelope(FuzzedDataProvider data) {
        String xml = """
                <s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/" xmlns:x="https://saphan.example/exchange/soap/v1">\
                <s:Header><x:exchangeHeader><x:purpose>%s</x:purpose><x:legalBasis>%s</x:legalBasis>\
                <x:officerId>%s</x:officerId><x:requestId>%s</x:requestId></x:exchangeHeader></s:Header>\
                <s:Body><x:exchangeRequest><x:service>%s</x:service><x:parameter name="%s">%s</x:parameter>\
                </x:exchangeRequest></s:Body></s:Envelope>""".formatted(data.consumeString(40), data.consumeString(20),
                data.consumeString(20), data.consumeString(40), data.consumeString(60), data.consumeString(20),
                data.consumeRemainingAsString());
        return xml.getBytes(StandardCharsets.UTF_8);
    }

    /** Stands in for the exchange route: citizen-profile answers (unsigned, which the face does not check), the rest is refused. */
    private static final class StandInRoute extends RouteBuilder {
        @Override
        public void configure() {
            from(ExchangeRoute.ENTRY).routeId("stand-in").process(exchange -> {
                ExchangeState state = exchange.getProperty(ExchangeState.PROPERTY, ExchangeState.class);
                Map<String, String> headers = Map.of(ComposeAnswer.EXCHANGE_ID_HEADER, state.exchangeId(), "X-Exchange-Signature", "x..y");
                state.setAnswer("DOPA/citizen-profile/v1".equals(state.inbound().servicePath())
                        ? new ExchangeAnswer(200, ExchangeAnswer.JSON, headers, state.inbound().body())
                        : new ExchangeAnswer(403, ExchangeAnswer.PROBLEM_JSON, headers,
                        Problems.body(ProblemCode.ACCESS_DENIED, "No agreement.", state.exchangeId())));
            });
        }
    }

    private static URI start() {
        // as in the hub (application.yml): CXF's WARN per unreadable envelope repeats the parser's message
        ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger("org.apache.cxf")).setLevel(Level.ERROR);
        try {
            CamelContext camel = new DefaultCamelContext();
            camel.addRoutes(new StandInRoute());
            camel.start();
            SoapExchangeFace face = new SoapExchangeFace(camel.createProducerTemplate(), new ObjectMapper(), Clock.systemUTC());
            Tomcat tomcat = new Tomcat();
            tomcat.setBaseDir(Files.createTempDirectory("soap-face-fuzz").toString());
            Connector connector = new Connector();
            connector.setPort(0);
            connector.setProperty("address", "127.0.0.1");
            tomcat.setConnector(connector);
            Context context = tomcat.addContext("", null);
            Tomcat.addServlet(context, "cxf", new CXFNonSpringServlet() {
                @Override
                protected void loadBus(ServletConfig config) {
                    super.loadBus(config);
                    SoapFaceConfiguration.publish(getBus(), face, LIMIT);
                }
            }).setLoadOnStartup(1);
            context.addServletMappingDecoded("/services/*", "cxf");
            tomcat.start();
            return URI.create("http://127.0.0.1:" + connector.getLocalPort() + "/services" + SoapFaceConfiguration.ADDRESS);
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the SOAP face", e);
        }
    }
}
