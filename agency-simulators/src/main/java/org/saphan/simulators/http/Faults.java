package org.saphan.simulators.http;

import java.time.Duration;

/** The fault a simulator currently injects; thread-safe, switchable while requests are in flight. */
public final class Faults {

    /** The delay {@link FaultMode#SLOW} uses when none is given. */
    public static final long DEFAULT_DELAY_MS = 1_000;

    /** A fault mode with its delay (the delay matters only for {@link FaultMode#SLOW}). */
    public record Setting(FaultMode mode, long delayMs) {

        public Setting {
            if (mode == null) {
                throw new IllegalArgumentException("mode missing");
            }
            if (delayMs < 0) {
                throw new IllegalArgumentException("delayMs must not be negative");
            }
        }
    }

    private volatile Setting current = new Setting(FaultMode.NONE, DEFAULT_DELAY_MS);

    /** Switches to {@code mode}, keeping the current delay. */
    public void set(FaultMode mode) {
        set(mode, current.delayMs());
    }

    public void set(FaultMode mode, long delayMs) {
        current = new Setting(mode, delayMs);
    }

    public void set(FaultMode mode, Duration delay) {
        set(mode, delay.toMillis());
    }

    /** Back to normal answers. */
    public void clear() {
        set(FaultMode.NONE);
    }

    public Setting current() {
        return current;
    }

    public FaultMode mode() {
        return current.mode();
    }

    public long delayMs() {
        return current.delayMs();
    }
}
