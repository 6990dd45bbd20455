package org.saphan.exchange.metering.web;

import jakarta.servlet.http.HttpServletRequest;
import org.saphan.exchange.catalog.Role;
import org.saphan.exchange.metering.ExchangeMeter;
import org.saphan.exchange.metering.LiveTraffic;
import org.saphan.exchange.web.RoleGuard;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code GET /api/v1/traffic} for operators (the console's live view): per service, the calls and errors this node
 * has counted and its recent p50/p99 time to answer. {@code at} lets a poller turn two readings into a rate.
 */
@RestController
public class TrafficController {

    private final RoleGuard guard;
    private final ExchangeMeter meter;
    private final Clock clock;

    public TrafficController(RoleGuard guard, ExchangeMeter meter, Clock clock) {
        this.guard = guard;
        this.meter = meter;
        this.clock = clock;
    }

    @GetMapping("/api/v1/traffic")
    public Map<String, Object> traffic(HttpServletRequest request) {
        guard.require(request, Role.OPERATOR);
        Map<String, LiveTraffic.ServiceTraffic> services = meter.liveTraffic().byService();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("at", clock.instant().toString());
        body.put("calls", services.values().stream().mapToLong(LiveTraffic.ServiceTraffic::calls).sum());
        body.put("services", services);
        return body;
    }
}
