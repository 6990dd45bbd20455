package org.saphan.exchange.consent;

import java.time.Instant;

/** One state change of a consent record, as kept in its history. */
public record ConsentEvent(String event, ConsentStatus status, Instant at, String actor) {
}
