package org.saphan.exchange.audit.chain;

/**
 * Where a node's remaining chain starts after older records were archived: the last archived
 * record's seq and hash. Verification of the remaining rows starts from it.
 */
public record ChainAnchor(String node, long seq, String hash, String archiveFile) {
}
