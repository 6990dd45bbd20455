package org.saphan.security.signing;

/**
 * The hub's signing keystore cannot be opened, created or written: wrong password, damaged or
 * unreadable file, no permission. The message names the file, never the password.
 */
public class SigningKeyUnavailableException extends RuntimeException {

    public SigningKeyUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }

    public SigningKeyUnavailableException(String message) {
        super(message);
    }
}
