package org.saphan.exchange.audit.chain;

/**
 * A signed statement of a node's chain head: {@code jws} is a compact JWS (typ {@link #TYP}) over
 * {@code {"node","seq","hash","at"}}. The columns beside it are for queries; only the JWS is trusted.
 *
 * @param id the checkpoint's row id, to name it in a report
 */
public record Checkpoint(long id, String node, long seq, String hash, String jws) {

    public static final String TYP = "saphan-audit-checkpoint+jwt";
}
