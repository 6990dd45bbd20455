package org.saphan.exchange.policy;

import org.saphan.exchange.consent.ConsentRecord;

/** What looking up the request's consent record gave: nothing asked, found, not found, or an unreadable store. */
public record ConsentLookup(Outcome outcome, ConsentRecord record) {

    public enum Outcome { NOT_ASKED, FOUND, NOT_FOUND, STORE_UNAVAILABLE }

    public static ConsentLookup notAsked() {
        return new ConsentLookup(Outcome.NOT_ASKED, null);
    }

    public static ConsentLookup found(ConsentRecord record) {
        return new ConsentLookup(Outcome.FOUND, record);
    }

    public static ConsentLookup notFound() {
        return new ConsentLookup(Outcome.NOT_FOUND, null);
    }

    public static ConsentLookup storeUnavailable() {
        return new ConsentLookup(Outcome.STORE_UNAVAILABLE, null);
    }
}
