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
        /**
         * Counts one call at {@code at}: in its minute window when the quota has a per-minute limit, and in its day
         * window when it has a per-day limit, unless the call is over the minute's limit (a call the minute refuses
         * does not use up the day).
         *
         * @return each window's count including this call; 0 for a window it was not counted in
         */
        Uses countCall(String agreementId, Agreement.Quota quota, Instant at);
    }

    /** The counts of one call's windows, including the call; 0 where it was not counted. */
    public record Uses(long minute, long day) {
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
        Agreement.Quota quota = agreement.quota();
        if (quota.perMinute() == null && quota.perDay() == null) {
            return;
        }
        Instant now = clock.instant();
        Uses uses;
        try {
            uses = use.countCall(agreement.id(), quota, now);
        } catch (RuntimeException e) {
            throw new ExchangeRefusal(ProblemCode.HUB_UNAVAILABLE,
                    "The hub cannot check this agreement's quota now. Try again later.");
        }
        enforce(agreement, Window.MINUTE, quota.perMinute(), uses.minute(), now);
        enforce(agreement, Window.DAY, quota.perDay(), uses.day(), now);
    }

    private void enforce(Agreement agreement, Window window, Integer limit, long uses, Instant now) {
        if (limit == null || uses == 0) {
            return;
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
