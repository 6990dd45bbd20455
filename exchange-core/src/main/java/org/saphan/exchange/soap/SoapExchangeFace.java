package org.saphan.exchange.soap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.annotation.Resource;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.xml.ws.WebServiceContext;
import jakarta.xml.ws.handler.MessageContext;
import org.apache.camel.ProducerTemplate;
import org.saphan.exchange.route.AnswerRefusal;
import org.saphan.exchange.route.ComposeAnswer;
import org.saphan.exchange.route.ExchangeAnswer;
import org.saphan.exchange.route.ExchangeEntry;
import org.saphan.exchange.route.ExchangeIds;
import org.saphan.exchange.route.ExchangeState;
import org.saphan.exchange.route.InboundRequest;
import org.saphan.exchange.route.SignAnswer;
import org.saphan.exchange.soap.contract.ExchangeHeader;
import org.saphan.exchange.soap.contract.ExchangePort;
import org.saphan.exchange.soap.contract.ExchangeRefusal;
import org.saphan.exchange.soap.contract.ExchangeRefusalFault;
import org.saphan.exchange.soap.contract.ExchangeRequest;
import org.saphan.exchange.soap.contract.ExchangeResponse;
import org.saphan.exchange.soap.contract.Parameter;
import org.saphan.exchange.web.RoleGuard;
import org.saphan.schemas.ProblemCode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

/**
 * The SOAP face, {@code /services/exchange} (contract: {@code wsdl/saphan-exchange.wsdl}). Like the REST
 * and GDX faces it only translates: the SOAP header becomes the standard's request headers, the body's
 * parameters become the service's request JSON, and the exchange route makes every decision. The answer
 * is the route's signed JSON, carried as text so the signature covers exactly its UTF-8 bytes; a refusal
 * (already audited and signed by the route) becomes a SOAP fault with the standard's problem code.
 */
public class SoapExchangeFace implements ExchangePort {

    private final ProducerTemplate camel;
    private final ObjectMapper json;
    private final Clock clock;

    @Resource
    private WebServiceContext context;

    public SoapExchangeFace(ProducerTemplate camel, ObjectMapper json, Clock clock) {
        this.camel = camel;
        this.json = json;
        this.clock = clock;
    }

    @Override
    public ExchangeResponse exchange(ExchangeHeader header, ExchangeRequest request) throws ExchangeRefusalFault {
        HttpServletRequest http = (HttpServletRequest) context.getMessageContext().get(MessageContext.SERVLET_REQUEST);
        InboundRequest inbound = new InboundRequest(request == null || request.getService() == null ? "" : request.getService(),
                headers(header, http), body(request), false, ExchangeAnswer.JSON, RoleGuard.clientCertificates(http));
        ExchangeState state = new ExchangeState(ExchangeIds.next(), clock.instant(), System.nanoTime(), inbound);
        ExchangeEntry.send(camel, state);
        if (context.getMessageContext().get(MessageContext.SERVLET_RESPONSE) instanceof HttpServletResponse out) {
            // as on the REST face: personal data is never cached, and operators see the exchange id on the wire
            out.setHeader("Cache-Control", "no-store");
            out.setHeader(ComposeAnswer.EXCHANGE_ID_HEADER, state.exchangeId());
        }
        ExchangeAnswer answer = state.answer();
        if (answer == null) {
            // the route always answers; if it did not, release nothing
            throw SoapRefusals.fault(SoapRefusals.refusal(ProblemCode.HUB_UNAVAILABLE,
                    "The hub could not complete the exchange. Try again later.", state.exchangeId()));
        }
        String payload = new String(answer.body(), StandardCharsets.UTF_8);
        String signature = answer.headers().get(SignAnswer.SIGNATURE_HEADER);
        if (answer.status() != 200) {
            throw SoapRefusals.fault(refusal(answer, payload, signature));
        }
        ExchangeResponse response = new ExchangeResponse();
        response.setExchangeId(answer.headers().get(ComposeAnswer.EXCHANGE_ID_HEADER));
        response.setPayload(payload);
        response.setSignature(signature);
        return response;
    }

    /** The SOAP header as the standard's request headers; a token in the header wins over HTTP's Authorization. */
    private static Map<String, String> headers(ExchangeHeader header, HttpServletRequest http) {
        Map<String, String> headers = new HashMap<>();
        String authorization = http == null ? null : http.getHeader("Authorization");
        if (header != null) {
            if (header.getAccessToken() != null) {
                authorization = "Bearer " + header.getAccessToken().strip();
            }
            putIfPresent(headers, InboundRequest.PURPOSE, header.getPurpose());
            putIfPresent(headers, InboundRequest.LEGAL_BASIS, header.getLegalBasis());
            putIfPresent(headers, InboundRequest.CONSENT_ID, header.getConsentId());
            putIfPresent(headers, InboundRequest.OFFICER_ID, header.getOfficerId());
            putIfPresent(headers, InboundRequest.REQUEST_ID, header.getRequestId());
        }
        putIfPresent(headers, InboundRequest.AUTHORIZATION, authorization);
        return headers;
    }

    private static void putIfPresent(Map<String, String> headers, String name, String value) {
        if (value != null) {
            headers.put(name, value);
        }
    }

    /**
     * The parameters as the service's request JSON, each a string member. A repeated name becomes an array,
     * which the route's schema check refuses (and audits) like any other malformed request.
     */
    private byte[] body(ExchangeRequest request) {
        ObjectNode body = json.createObjectNode();
        if (request != null) {
            for (Parameter parameter : request.getParameter()) {
                String name = parameter.getName() == null ? "" : parameter.getName();
                JsonNode earlier = body.get(name);
                if (earlier == null) {
                    body.put(name, parameter.getValue());
                } else {
                    ArrayNode values = earlier.isArray() ? (ArrayNode) earlier : json.createArrayNode().add(earlier);
                    values.add(parameter.getValue());
                    body.set(name, values);
                }
            }
        }
        try {
            return json.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }

    /** The route's problem+json refusal as the fault detail, with the signed document itself. */
    private ExchangeRefusal refusal(ExchangeAnswer answer, String payload, String signature) {
        JsonNode problem;
        try {
            problem = json.readTree(payload);
        } catch (IOException e) {
            problem = json.createObjectNode();
        }
        ExchangeRefusal refusal = new ExchangeRefusal();
        refusal.setCode(problem.path("code").asText(ProblemCode.HUB_UNAVAILABLE.code()));
        refusal.setTitle(problem.path("title").asText(ProblemCode.HUB_UNAVAILABLE.title()));
        refusal.setStatus(answer.status());
        refusal.setDetail(problem.path("detail").asText(""));
        refusal.setExchangeId(answer.headers().get(ComposeAnswer.EXCHANGE_ID_HEADER));
        String retryAfter = answer.headers().get(AnswerRefusal.RETRY_AFTER);
        if (retryAfter != null) {
            refusal.setRetryAfterSeconds(Long.valueOf(retryAfter));
        }
        refusal.setPayload(payload);
        refusal.setSignature(signature);
        return refusal;
    }
}
