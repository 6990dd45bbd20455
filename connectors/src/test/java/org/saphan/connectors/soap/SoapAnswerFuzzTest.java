package org.saphan.connectors.soap;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.JsonNode;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.saphan.connectors.mapping.AnswerMapping;
import org.saphan.exchange.route.ExchangeRefusal;
import org.saphan.schemas.DataSetSchema;
import org.saphan.schemas.ProblemCode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A provider's SOAP answer is outside input too: whatever a SOAP agency sends (a broken envelope, a recorded
 * answer with any value in any element), reading and mapping it gives the standard's data set or a clean refusal
 * ({@code provider-error}, {@code subject-not-found}), and the mapped data set can always be checked against the
 * service's response schema. Never another exception, which the route would turn into {@code hub-unavailable}.
 */
class SoapAnswerFuzzTest {

    private record Provider(AnswerMapping mapping, DataSetSchema schema, List<String> samples) {
    }

    private static final List<Provider> PROVIDERS = List.of(
            new Provider(NewProviderSamplesTest.HOUSE, schema("DOPA/house-registration"), List.of(
                    "DOPA/house-registration/found-house-owner.xml", "DOPA/house-registration/found-newborn-resident.xml",
                    "DOPA/house-registration/found-deceased-struck-off.xml", "DOPA/house-registration/fault-not-found.xml")),
            new Provider(NewProviderSamplesTest.CGD, schema("CGD/welfare-payments"), List.of(
                    "CGD/found-elderly.xml", "CGD/found-newborn.xml", "CGD/found-no-payments.xml",
                    "CGD/fault-not-found.xml", "CGD/fault-system-error.xml")));
    private static final Pattern TEXT = Pattern.compile(">([^<]*)<");
    private static final Set<ProblemCode> REFUSALS = Set.of(ProblemCode.PROVIDER_ERROR, ProblemCode.SUBJECT_NOT_FOUND);
    private static final CamelContext CAMEL = new DefaultCamelContext();

    @FuzzTest(maxDuration = "10s")
    void anySoapAnswerMapsOrIsRefusedCleanly(FuzzedDataProvider data) {
        Provider provider = PROVIDERS.get(data.consumeInt(0, PROVIDERS.size() - 1));
        String sample = NewProviderSamplesTest.sample(provider.samples().get(data.consumeInt(0, provider.samples().size() - 1)));
        String xml = switch (data.consumeInt(0, 2)) {
            case 0 -> data.consumeRemainingAsString(); // anything at all
            case 1 -> withFuzzedValue(sample, data); // a real answer with one value changed
            default -> sample.substring(0, data.consumeInt(0, sample.length())) + data.consumeRemainingAsString();
        };
        JsonNode tree;
        try {
            tree = XmlTree.parse(xml);
        } catch (IllegalArgumentException notXml) {
            return; // CXF refuses such an envelope before the mapping: provider-error
        }
        Exchange exchange = new DefaultExchange(CAMEL);
        exchange.getMessage().setBody(tree);
        exchange.setProperty(SoapCall.FAULT, xml.contains("Fault>"));
        try {
            new SoapAnswer(provider.mapping()).process(exchange);
        } catch (ExchangeRefusal refused) {
            assertThat(refused.code()).isIn(REFUSALS);
            return;
        }
        // what the validate-answer step does next must not throw either
        provider.schema().violations(exchange.getMessage().getBody(JsonNode.class));
    }

    private static String withFuzzedValue(String sample, FuzzedDataProvider data) {
        Matcher texts = TEXT.matcher(sample);
        int wanted = data.consumeInt(0, 40);
        int seen = 0;
        while (texts.find()) {
            if (seen++ == wanted) {
                return sample.substring(0, texts.start(1)) + data.consumeString(40) + sample.substring(texts.end(1));
            }
        }
        return sample;
    }

    private static DataSetSchema schema(String service) {
        String path = "saphan/schemas/" + service + "/v1/response.schema.json";
        try (InputStream in = SoapAnswerFuzzTest.class.getClassLoader().getResourceAsStream(path)) {
            return DataSetSchema.compile(path, NewProviderSamplesTest.JSON.readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
