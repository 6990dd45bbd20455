package org.saphan.exchange.metering.web;

import jakarta.servlet.http.HttpServletRequest;
import org.saphan.exchange.catalog.Role;
import org.saphan.exchange.metering.ExchangeMeter;
import org.saphan.exchange.metering.ProviderHealth;
import org.saphan.exchange.web.RoleGuard;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.Map;

/** {@code GET /api/v1/providers/health} for operators: per service, the provider's last success, last failure and recent error rate on this node. */
@RestController
public class ProviderHealthController {

    private final RoleGuard guard;
    private final ExchangeMeter meter;

    public ProviderHealthController(RoleGuard guard, ExchangeMeter meter) {
        this.guard = guard;
        this.meter = meter;
    }

    @GetMapping("/api/v1/providers/health")
    public Map<String, ProviderHealth.ServiceHealth> health(HttpServletRequest request) {
        guard.require(request, Role.OPERATOR);
        return meter.providerHealth().byService();
    }
}
