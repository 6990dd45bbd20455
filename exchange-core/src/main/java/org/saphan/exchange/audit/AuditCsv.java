package org.saphan.exchange.audit;

import org.saphan.exchange.audit.chain.CanonicalForm;
import org.saphan.exchange.audit.chain.ChainEntry;

import java.io.IOException;
import java.io.Writer;

/** The CSV export (RFC 4180): a header row, then one row per record, fields quoted when they need it. */
final class AuditCsv {

    static final String HEADER = "hub_node,node_seq,exchange_id,request_id,recorded_at,consumer,officer,service,subject_ref,"
            + "purpose,legal_basis,legal_reference,consent_id,decision,reason_code,http_status,fields_released,"
            + "provider_latency_ms,correlation_id,prev_hash,record_hash\r\n";

    private AuditCsv() {
    }

    static void row(Writer out, ChainEntry e) throws IOException {
        AuditRecord r = e.record();
        String[] cells = {r.hubNode(), Long.toString(e.nodeSeq()), r.exchangeId(), r.requestId(),
                CanonicalForm.formatTime(r.recordedAt()), r.consumer(), r.officer(), r.service(), r.subjectRef(),
                r.purpose(), r.legalBasis(), r.legalReference(), r.consentId(), r.decision(), r.reasonCode(),
                Integer.toString(r.httpStatus()), String.join(" ", r.fieldsReleased()),
                Integer.toString(r.providerLatencyMs()), r.correlationId(), e.prevHash(), e.recordHash()};
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                out.write(',');
            }
            out.write(cell(cells[i]));
        }
        out.write("\r\n");
    }

    static String cell(String v) {
        if (v == null) {
            return "";
        }
        if (v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0) {
            return '"' + v.replace("\"", "\"\"") + '"';
        }
        return v;
    }
}
