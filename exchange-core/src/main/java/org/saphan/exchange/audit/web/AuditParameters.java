package org.saphan.exchange.audit.web;

import org.saphan.exchange.audit.AuditCursor;
import org.saphan.exchange.web.ProblemException;
import org.saphan.schemas.CitizenId;
import org.saphan.schemas.ProblemCode;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/** Reads the audit endpoints' query parameters; anything malformed is {@code invalid-request}. */
final class AuditParameters {

    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9._/:-]{1,80}");
    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 500;

    private AuditParameters() {
    }

    static Instant time(String name, String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw invalid("'" + name + "' must be an RFC 3339 date-time, e.g. 2026-11-21T00:00:00Z.");
        }
    }

    static String code(String name, String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        if (!CODE.matcher(value).matches()) {
            throw invalid("'" + name + "' is not a valid identifier.");
        }
        return value;
    }

    static String decision(String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        if (!value.equals("permit") && !value.equals("deny")) {
            throw invalid("'decision' is permit or deny.");
        }
        return value;
    }

    /** The citizen ID's digits; the message never repeats the value. */
    static String citizenId(String value) {
        if (value == null || !CitizenId.isValid(value)) {
            throw invalid("The citizen ID is not 13 digits with a valid check digit.");
        }
        return value;
    }

    static int limit(Integer value) {
        if (value == null) {
            return DEFAULT_LIMIT;
        }
        if (value < 1 || value > MAX_LIMIT) {
            throw invalid("'limit' is between 1 and " + MAX_LIMIT + ".");
        }
        return value;
    }

    static AuditCursor cursor(String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        try {
            return AuditCursor.decode(value);
        } catch (IllegalArgumentException e) {
            throw invalid("'cursor' is not a cursor from a previous page.");
        }
    }

    static void range(Instant from, Instant to) {
        if (from != null && to != null && !from.isBefore(to)) {
            throw invalid("'from' must be before 'to'.");
        }
    }

    static ProblemException invalid(String detail) {
        return new ProblemException(ProblemCode.INVALID_REQUEST, detail);
    }
}
