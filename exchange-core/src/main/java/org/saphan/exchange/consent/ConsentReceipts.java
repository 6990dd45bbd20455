package org.saphan.exchange.consent;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.saphan.security.signing.JwsReceipts;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * The receipt a citizen keeps: a compact JWS by the hub over the consent record as it stands. It holds
 * the subject's keyed reference, never the citizen ID, so a leaked receipt names nobody.
 */
public final class ConsentReceipts {

    public static final String TYPE = "saphan-consent-receipt+jwt";

    private final JwsReceipts receipts;
    private final ObjectMapper json;

    public ConsentReceipts(JwsReceipts receipts, ObjectMapper json) {
        this.receipts = receipts;
        this.json = json;
    }

    public String receiptFor(ConsentRecord record, Instant now) {
        try {
            return receipts.signCompact(json.writeValueAsBytes(view(record, now)), TYPE);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("consent receipt cannot be written", e);
        }
    }

    /** The record as the API and the receipt show it. */
    public ObjectNode view(ConsentRecord r, Instant now) {
        ObjectNode node = json.createObjectNode();
        node.put("id", r.id());
        node.put("subjectRef", r.subjectRef());
        node.put("consumerAgency", r.consumerAgency());
        r.purposes().stream().sorted().forEach(node.putArray("purposes")::add);
        r.services().stream().sorted().forEach(node.putArray("services")::add);
        r.dataCategories().stream().sorted().forEach(node.putArray("dataCategories")::add);
        node.put("explicit", r.explicit());
        node.put("givenAt", r.givenAt().toString());
        node.put("expiresAt", r.expiresAt() == null ? null : r.expiresAt().toString());
        node.put("status", r.statusAt(now).code());
        if (r.withdrawnAt() != null) {
            node.put("withdrawnAt", r.withdrawnAt().toString());
        }
        node.put("collectionMethod", r.collectionMethod());
        node.put("noticeReference", r.noticeReference());
        node.put("noticeVersion", r.noticeVersion());
        node.put("useCount", r.useCount());
        return node;
    }
}
