package org.saphan.security.verify;

/** A compact JWS that did not verify; {@link #reason()} is one of the codes in {@link VerificationResult}. */
public class JwsVerificationException extends RuntimeException {

    private final String reason;

    public JwsVerificationException(String reason, String message) {
        super(reason + ": " + message);
        this.reason = reason;
    }

    public String reason() {
        return reason;
    }
}
