package org.saphan.exchange.metering.web;

import jakarta.servlet.http.HttpServletRequest;
import org.saphan.exchange.catalog.Role;
import org.saphan.exchange.metering.UsageReport;
import org.saphan.exchange.web.ProblemException;
import org.saphan.exchange.web.RoleGuard;
import org.saphan.schemas.ProblemCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code GET /api/v1/usage?from=&to=&format=csv|json} for operators: what each agency is billed or reported for. */
@RestController
public class UsageController {

    private static final MediaType CSV = MediaType.parseMediaType("text/csv;charset=UTF-8");

    private final RoleGuard guard;
    private final UsageReport report;

    public UsageController(RoleGuard guard, UsageReport report) {
        this.guard = guard;
        this.report = report;
    }

    @GetMapping("/api/v1/usage")
    public ResponseEntity<?> usage(HttpServletRequest request, @RequestParam(required = false) String from,
                                   @RequestParam(required = false) String to,
                                   @RequestParam(required = false, defaultValue = "json") String format) {
        guard.require(request, Role.OPERATOR);
        Instant start = time("from", from);
        Instant end = time("to", to);
        if (!end.isAfter(start)) {
            throw new ProblemException(ProblemCode.INVALID_REQUEST, "'to' must be after 'from'.");
        }
        if (!format.equals("json") && !format.equals("csv")) {
            throw new ProblemException(ProblemCode.INVALID_REQUEST, "'format' is json or csv.");
        }
        List<UsageReport.Line> lines = report.between(start, end);
        if (format.equals("csv")) {
            return ResponseEntity.ok().contentType(CSV).body(UsageReport.csv(lines));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("from", start.toString());
        body.put("to", end.toString());
        body.put("usage", lines);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(body);
    }

    private static Instant time(String name, String value) {
        if (value == null || value.isEmpty()) {
            throw new ProblemException(ProblemCode.INVALID_REQUEST, "'" + name + "' is required (RFC 3339, e.g. 2026-11-21T00:00:00Z).");
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw new ProblemException(ProblemCode.INVALID_REQUEST, "'" + name + "' must be an RFC 3339 date-time, e.g. 2026-11-21T00:00:00Z.");
        }
    }
}
