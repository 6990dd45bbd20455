package org.saphan.simulators.http;

import java.util.LinkedHashMap;
import java.util.Map;

/** The {@code /_sim/} control endpoints every simulator shares. */
final class FaultControl implements Endpoint {

    static final String FAULTS_PATH = SimulatorServer.CONTROL_PREFIX + "faults";
    static final String HEALTH_PATH = SimulatorServer.CONTROL_PREFIX + "health";

    private final Faults faults;

    FaultControl(Faults faults) {
        this.faults = faults;
    }

    @Override
    public SimulatorResponse answer(SimulatorRequest request) {
        if (HEALTH_PATH.equals(request.path()) && "GET".equals(request.method())) {
            return SimulatorResponse.json(200, Map.of("status", "UP"));
        }
        if (!FAULTS_PATH.equals(request.path())) {
            return SimulatorResponse.text(404, "no such path");
        }
        return switch (request.method()) {
            case "GET" -> current();
            case "POST", "PUT" -> change(request.formAndQuery());
            default -> SimulatorResponse.text(405, "method not allowed");
        };
    }

    private SimulatorResponse change(Map<String, String> params) {
        try {
            FaultMode mode = FaultMode.parse(params.get("mode"));
            String delay = params.get("delayMs");
            if (delay == null || delay.isBlank()) {
                faults.set(mode);
            } else {
                faults.set(mode, parseDelay(delay));
            }
            return current();
        } catch (IllegalArgumentException e) {
            Map<String, Object> error = new LinkedHashMap<>();
            error.put("error", e.getMessage());
            return SimulatorResponse.json(400, error);
        }
    }

    private static long parseDelay(String delay) {
        try {
            long millis = Long.parseLong(delay.trim());
            if (millis < 0) {
                throw new IllegalArgumentException("delayMs must not be negative");
            }
            return millis;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("delayMs must be a whole number of milliseconds");
        }
    }

    private SimulatorResponse current() {
        Faults.Setting setting = faults.current();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("mode", setting.mode().wireName());
        body.put("delayMs", setting.delayMs());
        return SimulatorResponse.json(200, body);
    }
}
