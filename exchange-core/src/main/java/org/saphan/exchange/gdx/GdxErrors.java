package org.saphan.exchange.gdx;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.saphan.exchange.route.ComposeAnswer;
import org.saphan.schemas.ProblemCode;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * GDX's error form, {@code {"Code": "...", "Message": "..."}}, and which requests get it: every request below
 * {@code /ws}, whoever answers it (the GDX face itself, or the hub's handlers for unknown paths, wrong methods,
 * oversized bodies and unexpected failures). Existing GDX clients read only this form, so no answer on their
 * paths may fall back to the hub's problem+json.
 */
public final class GdxErrors {

    /** The GDX face's path prefix. */
    public static final String PATH = "/ws";
    private static final ObjectMapper JSON = new ObjectMapper();

    private GdxErrors() {
    }

    /** Whether the caller asked for a GDX path; on an error dispatch, the path that failed (not {@code /error}). */
    public static boolean isGdxRequest(HttpServletRequest request) {
        Object failed = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String uri = failed instanceof String s ? s : request.getRequestURI();
        String path = uri == null ? "" : uri.substring(Math.min(uri.length(), request.getContextPath().length()));
        return path.equals(PATH) || path.startsWith(PATH + "/");
    }

    /** A refusal in GDX's form; the code is the standard's (or GDX's own two), the status the standard's. */
    public static ResponseEntity<byte[]> answer(int status, String code, String message, String exchangeId) {
        ResponseEntity.BodyBuilder out = ResponseEntity.status(status).cacheControl(CacheControl.noStore())
                .contentType(MediaType.APPLICATION_JSON);
        if (exchangeId != null) {
            out.header(ComposeAnswer.EXCHANGE_ID_HEADER, exchangeId);
        }
        return out.body(body(code, message));
    }

    /** {@link #answer} for one of the standard's codes. */
    public static ResponseEntity<byte[]> answer(ProblemCode code, String message) {
        return answer(code.status(), code.code(), message, null);
    }

    /** The body alone, for the few places that write the response themselves (servlet filters). */
    public static byte[] body(String code, String message) {
        ObjectNode body = JSON.createObjectNode();
        body.put("Code", code);
        body.put("Message", message);
        try {
            return JSON.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("GDX error not writable", e);
        }
    }
}
