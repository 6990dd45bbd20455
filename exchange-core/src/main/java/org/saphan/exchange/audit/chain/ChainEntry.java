package org.saphan.exchange.audit.chain;

import org.saphan.exchange.audit.AuditRecord;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * An access-log record as stored: the record's fields plus its place in its node's chain.
 *
 * @param nodeSeq    1, 2, 3... per hub node, without gaps
 * @param prevHash   the {@code recordHash} of the node's previous record ({@link CanonicalForm#GENESIS} for the first)
 * @param recordHash SHA-256 (hex) of {@link CanonicalForm#of}
 */
public record ChainEntry(AuditRecord record, long nodeSeq, String prevHash, String recordHash) {

    /** Databases keep microseconds; the hash is taken over what is stored. */
    public static Instant storable(Instant at) {
        return at.truncatedTo(ChronoUnit.MICROS);
    }

    public String hubNode() {
        return record.hubNode();
    }

    public static ChainEntry link(AuditRecord record, long nodeSeq, String prevHash) {
        return new ChainEntry(record, nodeSeq, prevHash, CanonicalForm.hash(record, nodeSeq, prevHash));
    }
}
