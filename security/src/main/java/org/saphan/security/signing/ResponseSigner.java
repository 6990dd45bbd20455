package org.saphan.security.signing;

/**
 * What the exchange pipeline needs to sign a response: the {@code X-Exchange-Signature} value
 * for the exact body bytes.
 *
 * <p>{@link ExchangeSigner} signs each response on its own (one ECDSA or EdDSA signature per
 * response). This interface is the seam for a later batch signer: collect the responses of a
 * few milliseconds, sign one Merkle root over their hashes, and give each response a header
 * carrying the root's signature plus its inclusion path (e.g. through
 * {@link ExchangeSigner#sign(byte[], String, java.util.Map)} extra header members), so one
 * signature serves many responses. Not implemented: measured single signatures are cheap enough
 * for now (see docs/signing.md).
 */
public interface ResponseSigner {

    /**
     * @param body       the exact response body bytes that will be sent
     * @param exchangeId the hub's id of this exchange, carried in the protected header
     * @return a compact detached JWS: {@code header..signature}
     */
    String sign(byte[] body, String exchangeId);
}
