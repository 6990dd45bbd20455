package org.saphan.exchange.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.saphan.schemas.ProblemCode;

/**
 * The one error format of the hub: RFC 9457 problem+json with the standard's stable {@code code}
 * and the {@code exchangeId}. Every face (REST, GDX, the framework's own errors) writes it here.
 */
public final class Problems {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Problems() {
    }

    public static ObjectNode document(ProblemCode code, String detail, String exchangeId) {
        ObjectNode problem = JSON.createObjectNode();
        problem.put("type", code.type());
        problem.put("title", code.title());
        problem.put("status", code.status());
        problem.put("detail", detail);
        problem.put("code", code.code());
        if (exchangeId != null) {
            problem.put("exchangeId", exchangeId);
        }
        return problem;
    }

    public static byte[] body(ProblemCode code, String detail, String exchangeId) {
        try {
            return JSON.writeValueAsBytes(document(code, detail, exchangeId));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("problem document not writable", e);
        }
    }
}
