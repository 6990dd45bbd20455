package org.saphan.simulators.http;

/** One agency operation: turns a request into a response. Must not log the request (it carries personal data). */
@FunctionalInterface
public interface Endpoint {

    SimulatorResponse answer(SimulatorRequest request);
}
