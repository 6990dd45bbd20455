package org.saphan.connectors.composite;

import org.saphan.exchange.provider.ConnectorKind;
import org.saphan.schemas.ServiceId;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code composite} connector kind: a service the hub itself provides by asking other catalog services
 * (its parts) in parallel, each as its own sub-exchange through the normal exchange route, and composing
 * their released data into one answer.
 *
 * <pre>
 * connector:
 *   kind: composite
 *   timeout: 5s                 # how long the hub waits for all parts
 *   settings:
 *     parts: [DOPA/citizen-profile/v1, MSDHS/disability-status/v1, CGD/welfare-payments/v1]
 *     answer: welfare-eligibility   # how the parts are composed (see WelfareEligibility)
 * </pre>
 */
public final class CompositeConnector implements ConnectorKind {

    public static final String KIND = "composite";
    /** The compositions this module knows; each is code, because each applies its own rules. */
    static final Set<String> ANSWERS = Set.of(WelfareEligibility.NAME);

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public void check(String serviceId, Map<String, Object> settings, List<String> problems) {
        if (settings == null) {
            problems.add("settings are missing");
            return;
        }
        List<ServiceId> parts = parts(settings, problems);
        if (parts.isEmpty()) {
            problems.add("parts must list at least one service");
        }
        Object answer = settings.get("answer");
        if (!(answer instanceof String name) || !ANSWERS.contains(name)) {
            problems.add("answer must be one of " + ANSWERS);
        }
    }

    static List<ServiceId> parts(Map<String, Object> settings, List<String> problems) {
        if (!(settings.get("parts") instanceof List<?> list)) {
            problems.add("parts must be a list of service ids");
            return List.of();
        }
        List<ServiceId> parts = new java.util.ArrayList<>();
        for (Object item : list) {
            try {
                parts.add(ServiceId.parse(String.valueOf(item)));
            } catch (IllegalArgumentException e) {
                problems.add("part '" + item + "' is not a service id (PROVIDER/service/vN)");
            }
        }
        return parts;
    }
}
