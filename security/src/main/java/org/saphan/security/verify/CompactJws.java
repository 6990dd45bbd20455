package org.saphan.security.verify;

import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jose.util.JSONObjectUtils;

import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** The three parts of a compact JWS and its decoded protected header, read without trusting anything. */
record CompactJws(String headerPart, String payloadPart, String signaturePart, Map<String, Object> header) {

    private static final Pattern B64URL = Pattern.compile("[A-Za-z0-9_-]*");

    static CompactJws parse(String jws, int maxLength) {
        if (jws == null || jws.isEmpty() || jws.length() > maxLength) {
            throw new JwsVerificationException(VerificationResult.MALFORMED, "empty or too long");
        }
        int first = jws.indexOf('.');
        int second = first < 0 ? -1 : jws.indexOf('.', first + 1);
        if (first <= 0 || second < 0 || jws.indexOf('.', second + 1) >= 0) {
            throw new JwsVerificationException(VerificationResult.MALFORMED, "not three dot-separated parts");
        }
        String h = jws.substring(0, first);
        String p = jws.substring(first + 1, second);
        String s = jws.substring(second + 1);
        if (!B64URL.matcher(h).matches() || !B64URL.matcher(p).matches() || !B64URL.matcher(s).matches()) {
            throw new JwsVerificationException(VerificationResult.MALFORMED, "a part is not base64url");
        }
        Map<String, Object> header;
        try {
            header = JSONObjectUtils.parse(new String(new Base64URL(h).decode(), StandardCharsets.UTF_8));
        } catch (ParseException | RuntimeException e) {
            throw new JwsVerificationException(VerificationResult.MALFORMED, "the protected header is not a JSON object");
        }
        return new CompactJws(h, p, s, header);
    }

    String stringMember(String name) {
        Object v = header.get(name);
        if (v == null) {
            return null;
        }
        if (!(v instanceof String str)) {
            throw new JwsVerificationException(VerificationResult.MALFORMED, "\"" + name + "\" is not a string");
        }
        return str;
    }

    Long longMember(String name) {
        Object v = header.get(name);
        if (v == null) {
            return null;
        }
        if (!(v instanceof Number n) || n.doubleValue() != Math.rint(n.doubleValue())) {
            throw new JwsVerificationException(VerificationResult.MALFORMED, "\"" + name + "\" is not an integer");
        }
        return n.longValue();
    }

    /** The {@code crit} names, or null when absent. */
    List<String> crit() {
        Object v = header.get("crit");
        if (v == null) {
            return null;
        }
        if (!(v instanceof List<?> list) || list.isEmpty() || !list.stream().allMatch(String.class::isInstance)) {
            throw new JwsVerificationException(VerificationResult.MALFORMED, "\"crit\" is not a non-empty list of names");
        }
        return list.stream().map(String.class::cast).toList();
    }

    /** {@code ASCII(BASE64URL(header)) || '.' || rest}. */
    byte[] signingInput(byte[] rest) {
        byte[] h = headerPart.getBytes(StandardCharsets.US_ASCII);
        byte[] input = new byte[h.length + 1 + rest.length];
        System.arraycopy(h, 0, input, 0, h.length);
        input[h.length] = '.';
        System.arraycopy(rest, 0, input, h.length + 1, rest.length);
        return input;
    }
}
