package org.saphan.security.signing;

/**
 * What the exchange pipeline needs to sign a response: the {@code X-Exchange-Signature} value
 * for the exact body bytes.
 *
 * <p>{@link ExchangeSigner} signs each response on its own (one ECDSA or EdDSA signature per
 * response). This interface is the seam for a batch signer (one signature over a Merkle root of
 * the responses of a few milliseconds, each response carrying its inclusion path). Not built: signing
 * is about a seventh of the hub's CPU at steady state, an inclusion path is outside JWS so receivers
 * could no longer verify with any JOSE library, and EdDSA gives most of the saving within the
 * standard (docs/performance.md, "Decisions").
 */
public interface ResponseSigner {

    /**
     * @param body       the exact response body bytes that will be sent
     * @param exchangeId the hub's id of this exchange, carried in the protected header
     * @return a compact detached JWS: {@code header..signature}
     */
    String sign(byte[] body, String exchangeId);
}
