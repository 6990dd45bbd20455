package org.saphan.exchange.consent;

/** The consent store cannot be read or written: callers fail closed (hub-unavailable), never release. */
public class ConsentStoreUnavailableException extends RuntimeException {

    public ConsentStoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
