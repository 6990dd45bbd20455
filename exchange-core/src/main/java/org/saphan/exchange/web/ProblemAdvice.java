package org.saphan.exchange.web;

import jakarta.servlet.http.HttpServletRequest;
import org.saphan.exchange.gdx.GdxErrors;
import org.saphan.exchange.problem.Problems;
import org.saphan.schemas.ProblemCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Every error outside the exchange route leaves as the standard's problem+json: unknown paths,
 * wrong methods, malformed parameters, and anything unexpected (as {@code hub-unavailable}, never a
 * 500 or a stack trace). Below {@code /ws} the same codes leave in GDX's form ({@link GdxErrors}),
 * since GDX clients read nothing else.
 */
@RestControllerAdvice
public class ProblemAdvice {

    private static final Logger LOG = LoggerFactory.getLogger(ProblemAdvice.class);

    @ExceptionHandler(ProblemException.class)
    public ResponseEntity<byte[]> problem(ProblemException e, HttpServletRequest request) {
        ResponseEntity<byte[]> answer = answer(request, e.code(), e.getMessage());
        if (e.retryAfterSeconds() < 0) {
            return answer;
        }
        return ResponseEntity.status(answer.getStatusCode()).headers(answer.getHeaders())
                .header(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfterSeconds())).body(answer.getBody());
    }

    @ExceptionHandler({NoResourceFoundException.class, NoHandlerFoundException.class})
    public ResponseEntity<byte[]> notFound(HttpServletRequest request) {
        return answer(request, ProblemCode.NOT_FOUND, "No such path on this hub; see GET /api/v1/openapi.json.");
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    public ResponseEntity<byte[]> methodNotAllowed(HttpRequestMethodNotSupportedException e, HttpServletRequest request) {
        ResponseEntity<byte[]> answer = answer(request, ProblemCode.METHOD_NOT_ALLOWED, "This path does not accept that method.");
        HttpHeaders headers = new HttpHeaders();
        headers.putAll(answer.getHeaders());
        if (e.getSupportedHttpMethods() != null) {
            headers.setAllow(e.getSupportedHttpMethods());
        }
        return ResponseEntity.status(answer.getStatusCode()).headers(headers).body(answer.getBody());
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    public ResponseEntity<byte[]> unsupportedMediaType(HttpServletRequest request) {
        return answer(request, ProblemCode.UNSUPPORTED_MEDIA_TYPE, "This endpoint does not accept that media type.");
    }

    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    public ResponseEntity<byte[]> notAcceptable(HttpServletRequest request) {
        return answer(request, ProblemCode.NOT_ACCEPTABLE, "This endpoint answers in application/json.");
    }

    @ExceptionHandler({MissingServletRequestParameterException.class, MissingRequestHeaderException.class,
            MethodArgumentTypeMismatchException.class, HttpMessageNotReadableException.class})
    public ResponseEntity<byte[]> badRequest(Exception e, HttpServletRequest request) {
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof RequestLimits.BodyTooLargeException) {
                return tooLarge(request); // a chunked body that ran past the limit while it was read
            }
        }
        return answer(request, ProblemCode.INVALID_REQUEST, "The request is missing a parameter or has one in the wrong form.");
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    public ResponseEntity<byte[]> tooLarge(HttpServletRequest request) {
        return answer(request, ProblemCode.PAYLOAD_TOO_LARGE, "The request body is larger than the hub accepts.");
    }

    @ExceptionHandler(Exception.class)
    public ResponseEntity<byte[]> unexpected(Exception e, HttpServletRequest request) {
        // the mapped pattern, never the path itself: a path can hold a citizen ID (/api/v1/subjects/{citizenId}/...)
        Object pattern = request.getAttribute(org.springframework.web.servlet.HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
        LOG.error("unexpected failure: path={} error={}", pattern == null ? "(unmapped)" : pattern, e.getClass().getName());
        return answer(request, ProblemCode.HUB_UNAVAILABLE, "The hub could not answer. Try again later.");
    }

    /** The standard's problem+json, or GDX's form for a request below {@code /ws}. */
    static ResponseEntity<byte[]> answer(HttpServletRequest request, ProblemCode code, String detail) {
        if (GdxErrors.isGdxRequest(request)) {
            return GdxErrors.answer(code, detail);
        }
        return answer(code, detail);
    }

    static ResponseEntity<byte[]> answer(ProblemCode code, String detail) {
        return ResponseEntity.status(code.status())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(Problems.body(code, detail, null));
    }
}
