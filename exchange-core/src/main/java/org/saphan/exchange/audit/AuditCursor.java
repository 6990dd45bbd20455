package org.saphan.exchange.audit;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

/**
 * Where a newest-first page ended: the last row's time and row id. Stable under new writes, because
 * new rows sort before it. Opaque to clients (base64url); a cursor that does not parse is refused.
 */
public record AuditCursor(Instant recordedAt, long rowId) {

    public String encode() {
        long micros = recordedAt.getEpochSecond() * 1_000_000L + recordedAt.getNano() / 1000;
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(("a1:" + micros + ":" + rowId).getBytes(StandardCharsets.US_ASCII));
    }

    /** @throws IllegalArgumentException when it is not a cursor this hub made */
    public static AuditCursor decode(String cursor) {
        String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII);
        String[] parts = text.split(":");
        if (parts.length != 3 || !parts[0].equals("a1")) {
            throw new IllegalArgumentException("not a cursor");
        }
        long micros = Long.parseLong(parts[1]);
        return new AuditCursor(Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1000),
                Long.parseLong(parts[2]));
    }
}
