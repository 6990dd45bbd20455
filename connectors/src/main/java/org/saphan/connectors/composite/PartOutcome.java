package org.saphan.connectors.composite;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What one part (a sub-exchange) of a composite service gave: its own exchange id, and either the data the
 * part's agreement released, or the standard's code it was refused or failed with.
 */
record PartOutcome(String service, String exchangeId, String code, JsonNode data) {

    static final String OK = "ok";

    boolean released() {
        return data != null;
    }
}
