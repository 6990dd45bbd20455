package org.saphan.connectors.composite;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * The answer of {@code HUB/welfare-eligibility/v1}: age, life status and address from DOPA's citizen profile,
 * disability status from MSDHS, current payments from CGD, and an eligibility summary for three schemes.
 * Only what each part's own agreement released is used; a part that was not released makes the schemes that
 * need it {@code unknown}, never eligible. The rules (deliberately simple, a first screening, not a decision):
 * <ul>
 *   <li>elderly allowance: alive and 60 or older (DOPA);</li>
 *   <li>disability allowance: registered with a valid disability card (MSDHS), and alive when DOPA is known;</li>
 *   <li>newborn child support: alive and under 6 years old (DOPA).</li>
 * </ul>
 */
final class WelfareEligibility {

    static final String NAME = "welfare-eligibility";
    static final String PROFILE = "DOPA/citizen-profile/v1";
    static final String DISABILITY = "MSDHS/disability-status/v1";
    static final String PAYMENTS = "CGD/welfare-payments/v1";

    static final String ELIGIBLE = "eligible";
    static final String NOT_ELIGIBLE = "not-eligible";
    static final String UNKNOWN = "unknown";

    ObjectNode compose(String citizenId, List<PartOutcome> outcomes, LocalDate today) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode out = f.objectNode();
        out.put("citizenId", citizenId);
        JsonNode profile = released(outcomes, PROFILE);
        JsonNode disability = released(outcomes, DISABILITY);
        JsonNode payments = released(outcomes, PAYMENTS);

        Integer age = null;
        Boolean alive = null;
        if (profile != null) {
            age = age(profile.path("birthDate").asText(null), today);
            if (age != null) {
                out.put("ageYears", age);
            }
            if (profile.hasNonNull("lifeStatus")) {
                alive = "alive".equals(profile.path("lifeStatus").asText());
                out.put("lifeStatus", profile.path("lifeStatus").asText());
            }
            if (profile.path("address").isObject()) {
                out.set("address", profile.path("address").deepCopy());
            }
        }
        if (disability != null) {
            out.set("disability", withoutCitizenId(disability));
        }
        if (payments != null) {
            out.set("welfarePayments", withoutCitizenId(payments));
        }

        ObjectNode eligibility = out.putObject("eligibility");
        eligibility.put("elderlyAllowance", age == null || alive == null ? UNKNOWN : verdict(alive && age >= 60));
        eligibility.put("newbornChildSupport", age == null || alive == null ? UNKNOWN : verdict(alive && age < 6));
        if (disability == null || Boolean.FALSE.equals(alive)) {
            eligibility.put("disabilityAllowance", disability == null ? UNKNOWN : NOT_ELIGIBLE);
        } else {
            eligibility.put("disabilityAllowance", verdict("registered".equals(disability.path("registration").asText())
                    && "valid".equals(disability.path("cardStatus").asText())));
        }

        ArrayNode parts = out.putArray("parts");
        for (PartOutcome o : outcomes) {
            parts.addObject().put("service", o.service()).put("exchangeId", o.exchangeId())
                    .put("released", o.released()).put("code", o.code());
        }
        return out;
    }

    private static JsonNode released(List<PartOutcome> outcomes, String service) {
        return outcomes.stream().filter(o -> o.service().equals(service) && o.released())
                .map(PartOutcome::data).findFirst().orElse(null);
    }

    private static ObjectNode withoutCitizenId(JsonNode data) {
        ObjectNode copy = data.deepCopy();
        copy.remove("citizenId");
        return copy;
    }

    private static Integer age(String birthDate, LocalDate today) {
        if (birthDate == null) {
            return null;
        }
        try {
            return Period.between(LocalDate.parse(birthDate), today).getYears();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String verdict(boolean eligible) {
        return eligible ? ELIGIBLE : NOT_ELIGIBLE;
    }
}
