package org.saphan.exchange.web;

import jakarta.servlet.http.HttpServletRequest;
import org.apache.camel.ProducerTemplate;
import org.saphan.exchange.route.ExchangeAnswer;
import org.saphan.exchange.route.ExchangeEntry;
import org.saphan.exchange.route.ExchangeIds;
import org.saphan.exchange.route.ExchangeState;
import org.saphan.exchange.route.InboundRequest;
import org.saphan.schemas.ProblemCode;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The REST face: {@code POST /api/v1/exchange/{provider}/{service}/{version}}. It only reads what
 * arrived (bounded) and hands it to the exchange route; every decision is made in the route.
 */
@RestController
public class ExchangeController {

    private static final List<String> EXCHANGE_HEADERS = List.of(InboundRequest.AUTHORIZATION, InboundRequest.PURPOSE,
            InboundRequest.LEGAL_BASIS, InboundRequest.CONSENT_ID, InboundRequest.OFFICER_ID, InboundRequest.REQUEST_ID);

    private final ProducerTemplate camel;
    private final Clock clock;
    private final int maxBodyBytes;

    public ExchangeController(ProducerTemplate camel, Clock clock, HubProperties properties) {
        this.camel = camel;
        this.clock = clock;
        this.maxBodyBytes = properties.exchange().maxBodyBytes();
    }

    @PostMapping("/api/v1/exchange/{provider}/{service}/{version}")
    public ResponseEntity<byte[]> exchange(@PathVariable String provider, @PathVariable String service,
                                           @PathVariable String version, HttpServletRequest http) throws IOException {
        Map<String, String> headers = new HashMap<>();
        for (String name : EXCHANGE_HEADERS) {
            String value = http.getHeader(name);
            if (value != null) {
                headers.put(name, value);
            }
        }
        boolean tooLarge = http.getContentLengthLong() > maxBodyBytes;
        byte[] body = new byte[0];
        if (!tooLarge) {
            try (InputStream in = http.getInputStream()) {
                body = in.readNBytes(maxBodyBytes + 1); // never read more than the limit allows
            }
            tooLarge = body.length > maxBodyBytes;
        }
        InboundRequest inbound = new InboundRequest(provider + "/" + service + "/" + version, headers,
                tooLarge ? new byte[0] : body, tooLarge, http.getContentType(), RoleGuard.clientCertificates(http));
        ExchangeAnswer answer = send(new ExchangeState(ExchangeIds.next(), clock.instant(), System.nanoTime(), inbound));
        return toResponse(answer);
    }

    private ExchangeAnswer send(ExchangeState state) {
        ExchangeEntry.send(camel, state);
        if (state.answer() == null) {
            // the route always answers; if it did not, release nothing
            throw new ProblemException(ProblemCode.HUB_UNAVAILABLE, "The hub could not complete the exchange. Try again later.");
        }
        return state.answer();
    }

    static ResponseEntity<byte[]> toResponse(ExchangeAnswer answer) {
        HttpHeaders headers = new HttpHeaders();
        answer.headers().forEach(headers::add);
        headers.setContentType(MediaType.parseMediaType(answer.contentType()));
        headers.setCacheControl("no-store");
        return ResponseEntity.status(answer.status()).headers(headers).body(answer.body());
    }
}
