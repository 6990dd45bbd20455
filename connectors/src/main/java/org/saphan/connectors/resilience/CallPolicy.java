package org.saphan.connectors.resilience;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

/**
 * How a service's provider is called, beside its timeout: retries with exponential backoff (only for idempotent
 * reads: a retried write could act twice at the provider) and the bulkhead, the most calls that may wait on this
 * service's provider at once. Read from the service's connector settings:
 *
 * <pre>
 * settings:
 *   retries: 2            # extra attempts after a failure; 0 (the default) for none
 *   retryBackoff: 100ms   # wait before the first retry, doubled before each next one
 *   idempotent: true      # the call only reads; the default for GET and SOAP inquiries, false for POST
 *   maxConcurrentCalls: 20
 * </pre>
 */
public record CallPolicy(int retries, Duration retryBackoff, boolean idempotent, int maxConcurrentCalls) {

    public static final int DEFAULT_MAX_CONCURRENT_CALLS = 20;
    public static final Duration DEFAULT_BACKOFF = Duration.ofMillis(100);
    static final int MAX_RETRIES = 5;

    /** Adds one message per bad setting to {@code problems}. */
    public static void check(Map<String, Object> settings, boolean idempotentByDefault, List<String> problems) {
        Integer retries = integer(settings, "retries", 0, MAX_RETRIES, problems);
        integer(settings, "maxConcurrentCalls", 1, 1000, problems);
        Object backoff = settings.get("retryBackoff");
        if (backoff != null && duration(backoff) == null) {
            problems.add("retryBackoff must be a duration such as 100ms or 1s");
        }
        Object idempotent = settings.get("idempotent");
        if (idempotent != null && !(idempotent instanceof Boolean) && !"true".equals(idempotent) && !"false".equals(idempotent)) {
            problems.add("idempotent must be true or false");
        }
        boolean isIdempotent = idempotent == null ? idempotentByDefault : Boolean.parseBoolean(String.valueOf(idempotent));
        if (retries != null && retries > 0 && !isIdempotent) {
            problems.add("retries are only allowed for idempotent reads (set idempotent: true if the call only reads)");
        }
    }

    /** The policy of settings that {@link #check} accepted. */
    public static CallPolicy of(Map<String, Object> settings, boolean idempotentByDefault) {
        Object idempotent = settings.get("idempotent");
        boolean isIdempotent = idempotent == null ? idempotentByDefault : Boolean.parseBoolean(String.valueOf(idempotent));
        Object retries = settings.get("retries");
        Object max = settings.get("maxConcurrentCalls");
        Object backoff = settings.get("retryBackoff");
        return new CallPolicy(
                isIdempotent && retries != null ? Integer.parseInt(String.valueOf(retries)) : 0,
                backoff == null ? DEFAULT_BACKOFF : duration(backoff),
                isIdempotent,
                max == null ? DEFAULT_MAX_CONCURRENT_CALLS : Integer.parseInt(String.valueOf(max)));
    }

    /** The wait before retry number {@code retry} (1 for the first): the backoff, doubled each time. */
    public Duration backoffBefore(int retry) {
        return retryBackoff.multipliedBy(1L << Math.min(Math.max(retry - 1, 0), 10));
    }

    private static Integer integer(Map<String, Object> settings, String key, int min, int max, List<String> problems) {
        Object v = settings.get(key);
        if (v == null) {
            return null;
        }
        try {
            int n = Integer.parseInt(String.valueOf(v));
            if (n < min || n > max) {
                problems.add(key + " must be between " + min + " and " + max);
                return null;
            }
            return n;
        } catch (NumberFormatException e) {
            problems.add(key + " must be a whole number");
            return null;
        }
    }

    /** {@code 250ms}, {@code 2s}, or an ISO-8601 duration; null when not a duration. */
    static Duration duration(Object value) {
        String s = String.valueOf(value).trim();
        try {
            if (s.matches("[0-9]{1,6}ms")) {
                return Duration.ofMillis(Long.parseLong(s.substring(0, s.length() - 2)));
            }
            if (s.matches("[0-9]{1,5}s")) {
                return Duration.ofSeconds(Long.parseLong(s.substring(0, s.length() - 1)));
            }
            return Duration.parse(s);
        } catch (DateTimeParseException | NumberFormatException e) {
            return null;
        }
    }
}
