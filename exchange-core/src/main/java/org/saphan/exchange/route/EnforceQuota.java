package org.saphan.exchange.route;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.saphan.exchange.catalog.Agreement;
import org.saphan.schemas.ProblemCode;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Step 4b: the agreement's quotas (calls per minute, per day, UTC windows), counted for all nodes sharing
 * the database. Over quota is {@code quota-exceeded} with Retry-After to the window's end; a count that
 * cannot be made is {@code hub-unavailable} (fail closed: an unmetered hub would let any consumer flood a provider).
 */
public final class EnforceQuota implements Processor {

    /** Shared counters of calls per agreement and window. */
    @FunctionalInterface
    public interface QuotaUse {
        /** Counts one call in this window and answers the window's count including it. */
        long countCall(String agreementId, Window window, Instant windowStart);
    }

    public enum Window {
        MINUTE(ChronoUnit.MINUTES), DAY(ChronoUnit.DAYS);

        private final ChronoUnit unit;

        Window(ChronoUnit unit) {
            this.unit = unit;
        }

        public Instant start(Instant at) {
            return at.truncatedTo(unit);
        }

        public Instant end(Instant at) {
            return start(at).plus(unit.getDuration());
        }

        public String code() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** Told every counted call (for the quota-use gauge); may be a no-op. */
    @FunctionalInterface
    public interface UseListener {
        void used(Agreement agreement, Window window, long uses, int limit);
    }

    private final QuotaUse use;
    private final Clock clock;
    private final UseListener listener;

    public EnforceQuota(QuotaUse use, Clock clock) {
        this(use, clock, (a, w, u, l) -> { });
    }

    public EnforceQuota(QuotaUse use, Clock clock, UseListener listener) {
        this.use = use;
        this.clock = clock;
        this.listener = listener;
    }

    @Override
    public void process(Exchange exchange) {
        Agreement agreement = ExchangeSteps.state(exchange).agreement;
        if (agreement == null || agreement.quota() == null) {
            return;
        }
        Instant now = clock.instant();
        enforce(agreement, Window.MINUTE, agreement.quota().perMinute(), now);
        enforce(agreement, Window.DAY, agreement.quota().perDay(), now);
    }

    private void enforce(Agreement agreement, Window window, Integer limit, Instant now) {
        if (limit == null) {
            return;
        }
        long uses;
        try {
            uses = use.countCall(agreement.id(), window, window.start(now));
        } catch (RuntimeException e) {
            throw new ExchangeRefusal(ProblemCode.HUB_UNAVAILABLE,
                    "The hub cannot check this agreement's quota now. Try again later.");
        }
        listener.used(agreement, window, uses, limit);
        if (uses > limit) {
            long seconds = Math.max(1, (Duration.between(now, window.end(now)).toMillis() + 999) / 1000);
            throw new ExchangeRefusal(ProblemCode.QUOTA_EXCEEDED, window == Window.MINUTE
                    ? "The agreement's calls per minute are used up. Try again after the time in Retry-After."
                    : "The agreement's calls per day are used up. Try again after the time in Retry-After.", seconds);
        }
    }
}
