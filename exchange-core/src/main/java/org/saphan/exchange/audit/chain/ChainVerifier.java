package org.saphan.exchange.audit.chain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.jwk.JWKSet;
import org.saphan.security.signing.JwsReceipts;
import org.saphan.security.verify.JwsVerificationException;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Recomputes the access-log chains and checks the signed checkpoints, one record at a time so a
 * chain of any length fits in memory. The hub's {@code /api/v1/audit/verify} and the offline
 * {@code verify-audit} command both use this class. Plain Java: no Spring, no database.
 *
 * <p>Feed anchors and checkpoints first, then each node's records in ascending seq (nodes may
 * interleave), then call {@link #finish()}. Each node reports at most its first break.
 */
public final class ChainVerifier {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final JWKSet jwks;
    private final boolean fromFirstRecord;
    private final Map<String, ChainAnchor> anchors = new HashMap<>();
    private final Map<String, TreeMap<Long, Checkpoint>> checkpoints = new HashMap<>();
    private final Map<String, NodeState> nodes = new LinkedHashMap<>();
    private final List<ChainBreak> breaks = new ArrayList<>();
    private long records;
    private int checkpointsSeen;

    /**
     * @param jwks            the hub's public keys (a saved JWKS for offline use)
     * @param fromFirstRecord true for a time-range export: each node's chain is checked from its first
     *                        record in the file rather than from seq 1 or its anchor
     */
    public ChainVerifier(JWKSet jwks, boolean fromFirstRecord) {
        this.jwks = Objects.requireNonNull(jwks, "jwks");
        this.fromFirstRecord = fromFirstRecord;
    }

    public void anchor(ChainAnchor anchor) {
        anchors.put(anchor.node(), anchor);
    }

    /** Verifies the checkpoint's signature now; a valid one is then matched against the chain. */
    public void checkpoint(Checkpoint c) {
        checkpointsSeen++;
        JsonNode payload;
        try {
            payload = JSON.readTree(JwsReceipts.verifyCompact(c.jws(), jwks, Checkpoint.TYP));
        } catch (JwsVerificationException e) {
            breaks.add(new ChainBreak(ChainBreak.Kind.FORGED_CHECKPOINT, c.node(), c.seq(), null, c.id(),
                    "signature does not verify: " + e.reason()));
            return;
        } catch (IOException | RuntimeException e) {
            breaks.add(new ChainBreak(ChainBreak.Kind.FORGED_CHECKPOINT, c.node(), c.seq(), null, c.id(),
                    "payload is not a checkpoint"));
            return;
        }
        String node = payload.path("node").asText(null);
        long seq = payload.path("seq").asLong(-1);
        String hash = payload.path("hash").asText(null);
        if (!Objects.equals(node, c.node()) || seq != c.seq() || !Objects.equals(hash, c.hash())) {
            breaks.add(new ChainBreak(ChainBreak.Kind.FORGED_CHECKPOINT, c.node(), c.seq(), null, c.id(),
                    "stored columns differ from the signed payload (node " + node + ", seq " + seq + ")"));
            return;
        }
        checkpoints.computeIfAbsent(node, n -> new TreeMap<>()).put(seq, c);
    }

    /** @return false once this entry's node is broken (later entries of that node are not checked) */
    public boolean accept(ChainEntry e) {
        records++;
        NodeState state = nodes.computeIfAbsent(e.hubNode(), n -> start(n, e));
        if (state.broken) {
            return false;
        }
        ChainBreak found = check(state, e);
        if (found != null) {
            state.broken = true;
            breaks.add(found);
            return false;
        }
        state.expectedSeq = e.nodeSeq() + 1;
        state.prevHash = e.recordHash();
        state.lastSeq = e.nodeSeq();
        if (state.firstSeq < 0) {
            state.firstSeq = e.nodeSeq();
        }
        return true;
    }

    private NodeState start(String node, ChainEntry first) {
        ChainAnchor anchor = anchors.get(node);
        if (fromFirstRecord) {
            return new NodeState(first.nodeSeq(), first.prevHash());
        }
        if (anchor != null) {
            return new NodeState(anchor.seq() + 1, anchor.hash());
        }
        return new NodeState(1, CanonicalForm.GENESIS);
    }

    private ChainBreak check(NodeState state, ChainEntry e) {
        String node = e.hubNode();
        String id = e.record().exchangeId();
        String recomputed = CanonicalForm.hash(e.record(), e.nodeSeq(), e.prevHash());
        if (!recomputed.equals(e.recordHash())) {
            return new ChainBreak(ChainBreak.Kind.EDITED_RECORD, node, e.nodeSeq(), id, -1,
                    "the record's fields do not hash to its stored hash");
        }
        if (e.nodeSeq() > state.expectedSeq) {
            return new ChainBreak(ChainBreak.Kind.MISSING_RECORD, node, state.expectedSeq, null, -1,
                    "seq " + state.expectedSeq + (e.nodeSeq() - 1 > state.expectedSeq ? " to " + (e.nodeSeq() - 1) : "")
                            + " missing before " + e.nodeSeq());
        }
        if (e.nodeSeq() < state.expectedSeq) {
            return new ChainBreak(ChainBreak.Kind.BROKEN_LINK, node, e.nodeSeq(), id, -1,
                    "seq " + e.nodeSeq() + " appears again or out of order (expected " + state.expectedSeq + ")");
        }
        if (!e.prevHash().equals(state.prevHash)) {
            return new ChainBreak(ChainBreak.Kind.BROKEN_LINK, node, e.nodeSeq(), id, -1,
                    "previous hash is not the hash of seq " + (e.nodeSeq() - 1));
        }
        Checkpoint c = checkpointsOf(node).get(e.nodeSeq());
        if (c != null && !c.hash().equals(e.recordHash())) {
            return new ChainBreak(ChainBreak.Kind.CHECKPOINT_MISMATCH, node, e.nodeSeq(), id, c.id(),
                    "checkpoint " + c.id() + " signed another hash at this seq: the chain was rewritten");
        }
        return null;
    }

    private TreeMap<Long, Checkpoint> checkpointsOf(String node) {
        return checkpoints.getOrDefault(node, new TreeMap<>());
    }

    public Report finish() {
        Map<String, NodeSummary> summaries = new LinkedHashMap<>();
        for (Map.Entry<String, NodeState> n : nodes.entrySet()) {
            NodeState s = n.getValue();
            summaries.put(n.getKey(), new NodeSummary(s.firstSeq, s.lastSeq, s.prevHash, s.broken));
            if (s.broken || fromFirstRecord) {
                continue;
            }
            var later = checkpointsOf(n.getKey()).tailMap(s.lastSeq, false);
            if (!later.isEmpty()) {
                Checkpoint c = later.firstEntry().getValue();
                breaks.add(new ChainBreak(ChainBreak.Kind.MISSING_RECORD, n.getKey(), s.lastSeq + 1, null, c.id(),
                        "checkpoint " + c.id() + " signed seq " + c.seq() + " but the chain ends at " + s.lastSeq));
            }
        }
        if (!fromFirstRecord) {
            for (Map.Entry<String, TreeMap<Long, Checkpoint>> c : checkpoints.entrySet()) {
                ChainAnchor anchor = anchors.get(c.getKey());
                long archived = anchor == null ? 0 : anchor.seq();
                var beyond = c.getValue().tailMap(archived, false);
                if (!nodes.containsKey(c.getKey()) && !beyond.isEmpty()) {
                    Checkpoint first = beyond.firstEntry().getValue();
                    breaks.add(new ChainBreak(ChainBreak.Kind.MISSING_RECORD, c.getKey(), archived + 1, null, first.id(),
                            "checkpoint " + first.id() + " signed seq " + first.seq() + " but the node has no records"));
                }
            }
        }
        return new Report(breaks.isEmpty(), records, checkpointsSeen, summaries, List.copyOf(breaks));
    }

    /** The outcome: {@code ok} when no chain breaks and every checkpoint verifies and matches. */
    public record Report(boolean ok, long records, int checkpoints, Map<String, NodeSummary> nodes, List<ChainBreak> breaks) {
    }

    /** @param headHash the hash of the last record that verified */
    public record NodeSummary(long fromSeq, long toSeq, String headHash, boolean broken) {
    }

    private static final class NodeState {
        long expectedSeq;
        String prevHash;
        long firstSeq = -1;
        long lastSeq;
        boolean broken;

        NodeState(long expectedSeq, String prevHash) {
            this.expectedSeq = expectedSeq;
            this.prevHash = prevHash;
            this.lastSeq = expectedSeq - 1;
        }
    }
}
