package org.saphan.exchange.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.saphan.schemas.ProblemCode;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Errors raised before Spring MVC sees the request (the servlet container's own 400s and 404s) are
 * forwarded to {@code /error}; this answers them in problem+json instead of the container's HTML page (in GDX's
 * form when the failed request was below {@code /ws}).
 */
@RestController
public class HubErrorController implements ErrorController {

    @RequestMapping("/error")
    public ResponseEntity<byte[]> error(HttpServletRequest request) {
        Object status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int code = status instanceof Integer i ? i : 503;
        ProblemCode problem = switch (code) {
            case 400 -> ProblemCode.INVALID_REQUEST;
            case 401 -> ProblemCode.UNAUTHENTICATED;
            case 403 -> ProblemCode.ACCESS_DENIED;
            case 404 -> ProblemCode.NOT_FOUND;
            case 405 -> ProblemCode.METHOD_NOT_ALLOWED;
            case 413 -> ProblemCode.PAYLOAD_TOO_LARGE;
            case 415 -> ProblemCode.UNSUPPORTED_MEDIA_TYPE;
            default -> ProblemCode.HUB_UNAVAILABLE;
        };
        return ProblemAdvice.answer(request, problem, problem == ProblemCode.HUB_UNAVAILABLE
                ? "The hub could not answer. Try again later." : "The request could not be handled.");
    }
}
