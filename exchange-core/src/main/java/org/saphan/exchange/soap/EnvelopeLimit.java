package org.saphan.exchange.soap;

import jakarta.servlet.http.HttpServletRequest;
import org.apache.cxf.interceptor.AttachmentInInterceptor;
import org.apache.cxf.interceptor.Fault;
import org.apache.cxf.message.Message;
import org.apache.cxf.phase.AbstractPhaseInterceptor;
import org.apache.cxf.phase.Phase;
import org.apache.cxf.transport.http.AbstractHTTPDestination;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * The SOAP face reads at most as many bytes as the REST face accepts ({@code saphan.exchange.max-body-bytes}),
 * with or without a Content-Length: reading past the limit fails, and {@link SoapRefusals} answers
 * {@code payload-too-large}.
 */
final class EnvelopeLimit extends AbstractPhaseInterceptor<Message> {

    /** Set on the CXF exchange once the limit is passed (the XML parser's error that follows may not keep the cause). */
    static final String EXCEEDED = "saphan.soap.envelope-too-large";

    private final long maxBytes;

    EnvelopeLimit(long maxBytes) {
        super(Phase.RECEIVE);
        addBefore(AttachmentInInterceptor.class.getName());
        this.maxBytes = maxBytes;
    }

    @Override
    public void handleMessage(Message message) {
        if (message.get(AbstractHTTPDestination.HTTP_REQUEST) instanceof HttpServletRequest http
                && http.getContentLengthLong() > maxBytes) {
            message.getExchange().put(EXCEEDED, Boolean.TRUE);
            throw new Fault(new EnvelopeTooLarge()); // declared too large: not read at all
        }
        InputStream in = message.getContent(InputStream.class);
        if (in != null) {
            message.setContent(InputStream.class,
                    new Bounded(in, maxBytes, () -> message.getExchange().put(EXCEEDED, Boolean.TRUE)));
        }
    }

    private static final class EnvelopeTooLarge extends IOException {
        EnvelopeTooLarge() {
            super("envelope too large");
        }
    }

    private static final class Bounded extends FilterInputStream {

        private final long max;
        private final Runnable exceeded;
        private long read;

        Bounded(InputStream in, long max, Runnable exceeded) {
            super(in);
            this.max = max;
            this.exceeded = exceeded;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) throws EnvelopeTooLarge {
            read += n;
            if (read > max) {
                exceeded.run();
                throw new EnvelopeTooLarge();
            }
        }
    }
}
