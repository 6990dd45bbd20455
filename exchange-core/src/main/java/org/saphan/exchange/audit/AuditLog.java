package org.saphan.exchange.audit;

/**
 * The access log. {@link #record} returns only once the record is durable: the exchange route calls
 * it before the answer leaves the hub, so nothing is released that was not recorded.
 */
public interface AuditLog {

    /**
     * Makes the record durable.
     *
     * @throws AuditUnavailableException when it cannot; the caller must then refuse with {@code hub-unavailable}
     */
    void record(AuditRecord record);

    final class AuditUnavailableException extends RuntimeException {
        public AuditUnavailableException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
