package org.saphan.schemas;

import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The stable, machine-readable error codes of the Data Exchange Standard and their HTTP statuses.
 * The wire form is {@link #code()}; the enum name is only Java's.
 */
public enum ProblemCode {
    INVALID_REQUEST("invalid-request", 400, "Invalid request"),
    INVALID_CITIZEN_ID("invalid-citizen-id", 400, "Invalid citizen ID"),
    UNAUTHENTICATED("unauthenticated", 401, "Unauthenticated"),
    ACCESS_DENIED("access-denied", 403, "Access denied"),
    PURPOSE_NOT_ALLOWED("purpose-not-allowed", 403, "Purpose not allowed"),
    LEGAL_BASIS_NOT_ALLOWED("legal-basis-not-allowed", 403, "Legal basis not allowed"),
    CONSENT_REQUIRED("consent-required", 403, "Consent required"),
    CONSENT_INVALID("consent-invalid", 403, "Consent invalid"),
    EXPLICIT_CONSENT_REQUIRED("explicit-consent-required", 403, "Explicit consent required"),
    UNKNOWN_SERVICE("unknown-service", 404, "Unknown service"),
    /** The provider holds no record for the requested subject (a hub addition to the standard's minimum). */
    SUBJECT_NOT_FOUND("subject-not-found", 404, "Subject not found"),
    /** No such path on the hub (not an exchange; the framework's 404 in the standard's shape). */
    NOT_FOUND("not-found", 404, "Not found"),
    METHOD_NOT_ALLOWED("method-not-allowed", 405, "Method not allowed"),
    NOT_ACCEPTABLE("not-acceptable", 406, "Not acceptable"),
    REPLAYED_REQUEST("replayed-request", 409, "Replayed request"),
    PAYLOAD_TOO_LARGE("payload-too-large", 413, "Payload too large"),
    UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", 415, "Unsupported media type"),
    QUOTA_EXCEEDED("quota-exceeded", 429, "Quota exceeded"),
    /** Too many failed authentication attempts for a client or an address (a hub addition); see Retry-After. */
    TOO_MANY_ATTEMPTS("too-many-attempts", 429, "Too many attempts"),
    PROVIDER_ERROR("provider-error", 502, "Provider error"),
    PROVIDER_UNAVAILABLE("provider-unavailable", 503, "Provider unavailable"),
    PROVIDER_TIMEOUT("provider-timeout", 504, "Provider timeout"),
    HUB_UNAVAILABLE("hub-unavailable", 503, "Hub unavailable");

    /** Problem type URIs are relative to this base; they name the code, so clients may switch on either. */
    public static final String TYPE_BASE = "https://saphan.example/problems/";

    private static final Map<String, ProblemCode> BY_CODE =
            Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(ProblemCode::code, Function.identity()));

    private final String code;
    private final int status;
    private final String title;

    ProblemCode(String code, int status, String title) {
        this.code = code;
        this.status = status;
        this.title = title;
    }

    public String code() {
        return code;
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public String type() {
        return TYPE_BASE + code;
    }

    public static ProblemCode fromCode(String code) {
        ProblemCode found = BY_CODE.get(code);
        if (found == null) {
            throw new IllegalArgumentException("unknown problem code");
        }
        return found;
    }
}
