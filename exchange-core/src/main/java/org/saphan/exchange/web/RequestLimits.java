package org.saphan.exchange.web;

import com.fasterxml.jackson.core.StreamReadConstraints;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.saphan.exchange.gdx.GdxErrors;
import org.saphan.exchange.problem.Problems;
import org.saphan.schemas.ProblemCode;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * Bounds on everything a caller sends, on every endpoint: the body size ({@code saphan.exchange.max-body-bytes},
 * {@code payload-too-large} above it) and the shape of JSON bodies (nesting depth, string, number and name length),
 * so no request makes the hub allocate or recurse without bound. Header sizes are Tomcat's
 * ({@code server.max-http-request-header-size}). The exchange endpoint reads its body itself, bounded, so that an
 * oversized exchange is refused inside the route and recorded in the access log.
 */
@Configuration(proxyBeanMethods = false)
public class RequestLimits {

    /** JSON read by Spring MVC (consents, and any JSON body of the hub's own API) and by the hub's own mapper. */
    static final StreamReadConstraints JSON_LIMITS = StreamReadConstraints.builder()
            .maxNestingDepth(32)
            .maxStringLength(16_384)
            .maxNumberLength(64)
            .maxNameLength(256)
            .build();

    private static final String EXCHANGE_PATH = "/api/v1/exchange/";
    /** The SOAP face bounds its own envelope (soap/EnvelopeLimit) so that an oversized one is a SOAP fault. */
    private static final String SOAP_FACE_PATH = "/services/";

    @Bean
    Jackson2ObjectMapperBuilderCustomizer boundedJson() {
        return builder -> builder.postConfigurer(mapper -> mapper.getFactory().setStreamReadConstraints(JSON_LIMITS));
    }

    @Bean
    BodySizeLimit bodySizeLimit(HubProperties properties) {
        return new BodySizeLimit(properties.exchange().maxBodyBytes());
    }

    /** A body longer than the limit: answered {@code payload-too-large} by {@link ProblemAdvice}. */
    public static final class BodyTooLargeException extends IOException {
        BodyTooLargeException() {
            super("request body over the limit");
        }
    }

    /** Refuses a declared oversize body at once and stops reading an undeclared (chunked) one at the limit. */
    static final class BodySizeLimit extends OncePerRequestFilter {

        private final long maxBytes;

        BodySizeLimit(long maxBytes) {
            this.maxBytes = maxBytes;
        }

        @Override
        protected boolean shouldNotFilter(HttpServletRequest request) {
            String path = request.getRequestURI();
            return path.startsWith(EXCHANGE_PATH) || path.startsWith(SOAP_FACE_PATH);
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            if (request.getContentLengthLong() > maxBytes) {
                String detail = "The request body is larger than the hub accepts.";
                boolean gdx = GdxErrors.isGdxRequest(request); // GDX clients read only GDX's form
                response.setStatus(ProblemCode.PAYLOAD_TOO_LARGE.status());
                response.setContentType(gdx ? MediaType.APPLICATION_JSON_VALUE : MediaType.APPLICATION_PROBLEM_JSON_VALUE);
                response.setHeader("Connection", "close"); // the rest of the body is not read
                response.getOutputStream().write(gdx ? GdxErrors.body(ProblemCode.PAYLOAD_TOO_LARGE.code(), detail)
                        : Problems.body(ProblemCode.PAYLOAD_TOO_LARGE, detail, null));
                return;
            }
            chain.doFilter(new BoundedRequest(request, maxBytes), response);
        }
    }

    private static final class BoundedRequest extends HttpServletRequestWrapper {

        private final long maxBytes;
        private ServletInputStream stream;

        BoundedRequest(HttpServletRequest request, long maxBytes) {
            super(request);
            this.maxBytes = maxBytes;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new BoundedStream(super.getInputStream(), maxBytes);
            }
            return stream;
        }

        @Override
        public BufferedReader getReader() throws IOException {
            String encoding = getCharacterEncoding();
            Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
            return new BufferedReader(new InputStreamReader(getInputStream(), charset));
        }
    }

    private static final class BoundedStream extends ServletInputStream {

        private final ServletInputStream in;
        private final long maxBytes;
        private long read;

        BoundedStream(ServletInputStream in, long maxBytes) {
            this.in = in;
            this.maxBytes = maxBytes;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) throws BodyTooLargeException {
            read += n;
            if (read > maxBytes) {
                throw new BodyTooLargeException();
            }
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }
}
