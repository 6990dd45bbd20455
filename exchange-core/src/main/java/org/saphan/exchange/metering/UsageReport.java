package org.saphan.exchange.metering;

import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Calls per consumer agency, provider, service and outcome over a period, counted from the access log
 * itself: durable across restarts and equal to the audit records by construction (every exchange, permitted
 * or refused, has exactly one record). Metrics counters reset with the process; billing must not.
 */
public final class UsageReport {

    public static final String CSV_HEADER = "consumerAgency,provider,service,outcome,calls\n";
    private static final String UNKNOWN = "unknown";

    /** One line of the report; outcome is {@code ok} or a problem code. */
    public record Line(String consumerAgency, String provider, String service, String outcome, long calls) {
    }

    private final JdbcTemplate jdbc;

    public UsageReport(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Records with from &lt;= recorded_at &lt; to, sorted by agency, provider, service, outcome. */
    public List<Line> between(Instant from, Instant to) {
        Map<List<String>, Long> calls = new TreeMap<>((a, b) -> String.join("\u0000", a).compareTo(String.join("\u0000", b)));
        jdbc.query("SELECT consumer, service, reason_code, COUNT(*) AS calls FROM audit_record"
                        + " WHERE recorded_at >= ? AND recorded_at < ? GROUP BY consumer, service, reason_code",
                rs -> {
                    // the consumer is a client system (AGENCY/system), the service PROVIDER/service/version
                    String service = rs.getString("service");
                    List<String> key = List.of(firstPart(rs.getString("consumer")), firstPart(service),
                            service == null ? UNKNOWN : service, rs.getString("reason_code"));
                    calls.merge(key, rs.getLong("calls"), Long::sum);
                }, Timestamp.from(from), Timestamp.from(to));
        List<Line> lines = new ArrayList<>();
        calls.forEach((k, n) -> lines.add(new Line(k.get(0), k.get(1), k.get(2), k.get(3), n)));
        return lines;
    }

    public static String csv(List<Line> lines) {
        StringBuilder out = new StringBuilder(CSV_HEADER);
        for (Line l : lines) {
            // every value is a catalog id or a problem code: no comma, quote or newline to escape
            out.append(l.consumerAgency()).append(',').append(l.provider()).append(',').append(l.service())
                    .append(',').append(l.outcome()).append(',').append(l.calls()).append('\n');
        }
        return out.toString();
    }

    private static String firstPart(String id) {
        if (id == null || id.isEmpty()) {
            return UNKNOWN;
        }
        int slash = id.indexOf('/');
        return slash < 0 ? id : id.substring(0, slash);
    }
}
