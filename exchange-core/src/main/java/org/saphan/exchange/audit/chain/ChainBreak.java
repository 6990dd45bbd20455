package org.saphan.exchange.audit.chain;

/**
 * The first place a chain does not hold.
 *
 * @param node     the hub node whose chain breaks
 * @param seq      the record's place in that chain (for a checkpoint break, the checkpointed seq)
 * @param exchangeId the record at that place, when there is one
 * @param checkpointId the checkpoint concerned, or -1
 */
public record ChainBreak(Kind kind, String node, long seq, String exchangeId, long checkpointId, String detail) {

    public enum Kind {
        /** the record's stored hash is not the hash of its fields: a field was edited */
        EDITED_RECORD,
        /** a seq is missing: a record was deleted (or the chain does not start where it should) */
        MISSING_RECORD,
        /** the record does not point at its predecessor's hash: records were moved or replaced */
        BROKEN_LINK,
        /** a checkpoint's signature does not verify against the JWKS, or its payload disagrees with its columns */
        FORGED_CHECKPOINT,
        /** a checkpoint is valid, but the chain does not hold the hash it signed at its seq */
        CHECKPOINT_MISMATCH;

        public String code() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }
}
