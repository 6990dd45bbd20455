package org.saphan.simulators.http;

import java.util.Locale;

/** How a simulated agency misbehaves, to exercise the hub's timeouts, retries and circuit breakers. */
public enum FaultMode {
    /** Answer normally. */
    NONE,
    /** Answer normally, but only after the configured delay. */
    SLOW,
    /** Answer HTTP 500 with the agency's own legacy error body. */
    FAIL,
    /** Close the TCP connection without sending any response. */
    DROP;

    /** {@code none|slow|fail|drop}, any case. */
    public static FaultMode parse(String value) {
        if (value == null) {
            throw new IllegalArgumentException("mode missing");
        }
        for (FaultMode mode : values()) {
            if (mode.name().equals(value.trim().toUpperCase(Locale.ROOT))) {
                return mode;
            }
        }
        throw new IllegalArgumentException("mode must be one of none, slow, fail, drop");
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
