package org.saphan.hub;

import org.saphan.simulators.AgencySimulators;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The demo set-up: the simulated agencies run in the hub's process, on their own ports, and the hub
 * reaches them over real HTTP like any provider. Off in production ({@code saphan.simulators.enabled=false}).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "saphan.simulators.enabled", havingValue = "true")
public class SimulatorsConfiguration {

    @Bean(destroyMethod = "close")
    AgencySimulators agencySimulators(@Value("${saphan.simulators.dopa-port}") int dopaPort,
                                      @Value("${saphan.simulators.msdhs-port}") int msdhsPort,
                                      @Value("${saphan.simulators.dopa-house-port}") int dopaHousePort,
                                      @Value("${saphan.simulators.dbd-port}") int dbdPort,
                                      @Value("${saphan.simulators.rd-port}") int rdPort,
                                      @Value("${saphan.simulators.cgd-port}") int cgdPort) {
        return AgencySimulators.startAll(
                new AgencySimulators.Ports(dopaPort, msdhsPort, dopaHousePort, dbdPort, rdPort, cgdPort));
    }
}
