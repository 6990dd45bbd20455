package org.saphan.schemas;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The legal bases of the Personal Data Protection Act B.E. 2562 that a request may claim. */
public enum LegalBasis {
    CONSENT("consent", "s.19", "the data subject's consent", false),
    PDPA_24_1("pdpa-24-1", "s.24(1)", "archives in the public interest, research or statistics", false),
    PDPA_24_2("pdpa-24-2", "s.24(2)", "preventing or suppressing a danger to life, body or health", false),
    PDPA_24_3("pdpa-24-3", "s.24(3)", "performing a contract with the data subject", false),
    PDPA_24_4("pdpa-24-4", "s.24(4)", "a public task or the official authority of the controller", false),
    PDPA_24_5("pdpa-24-5", "s.24(5)", "legitimate interests", false),
    PDPA_24_6("pdpa-24-6", "s.24(6)", "compliance with a law", false),
    EXPLICIT_CONSENT("explicit-consent", "s.26", "the data subject's explicit consent", true),
    PDPA_26_1("pdpa-26-1", "s.26(1)", "preventing a danger to life, body or health when consent cannot be given", true),
    PDPA_26_2("pdpa-26-2", "s.26(2)", "legitimate activities of a foundation, association or non-profit body", true),
    PDPA_26_3("pdpa-26-3", "s.26(3)", "data the subject has disclosed publicly with explicit consent", true),
    PDPA_26_4("pdpa-26-4", "s.26(4)", "establishing, exercising or defending legal claims", true),
    PDPA_26_5("pdpa-26-5", "s.26(5)", "a law in the public interest (health, social protection, research)", true);

    private static final Map<String, LegalBasis> BY_CODE =
            Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(LegalBasis::code, Function.identity()));

    private final String code;
    private final String section;
    private final String meaning;
    private final boolean coversSensitiveData;

    LegalBasis(String code, String section, String meaning, boolean coversSensitiveData) {
        this.code = code;
        this.section = section;
        this.meaning = meaning;
        this.coversSensitiveData = coversSensitiveData;
    }

    public String code() {
        return code;
    }

    public String section() {
        return section;
    }

    public String meaning() {
        return meaning;
    }

    /** True for the bases of s.26 (explicit consent and its exceptions), the only ones that may release sensitive data. */
    public boolean coversSensitiveData() {
        return coversSensitiveData;
    }

    /** True for the bases that need a consent record ({@code X-Consent-Id}). */
    public boolean needsConsentRecord() {
        return this == CONSENT || this == EXPLICIT_CONSENT;
    }

    public static Optional<LegalBasis> fromCode(String code) {
        return Optional.ofNullable(code == null ? null : BY_CODE.get(code));
    }
}
