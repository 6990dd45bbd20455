package org.saphan.ops;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.camel.CamelContext;
import org.apache.camel.component.micrometer.routepolicy.MicrometerRoutePolicyFactory;
import org.apache.camel.spring.boot.CamelContextConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Camel's per-route timings in the same registry as the hub's own metrics. Route ids name the step
 * of the exchange ({@code exchange}, {@code provider-DOPA-citizen-profile-v1}), so the labels are bounded
 * by the catalog and say what they measure.
 */
@Configuration(proxyBeanMethods = false)
public class CamelRouteMetrics {

    @Bean
    CamelContextConfiguration camelRouteMetricsPolicy(MeterRegistry registry) {
        return new CamelContextConfiguration() {
            @Override
            public void beforeApplicationStart(CamelContext camel) {
                MicrometerRoutePolicyFactory factory = new MicrometerRoutePolicyFactory();
                factory.setMeterRegistry(registry);
                camel.addRoutePolicyFactory(factory);
            }

            @Override
            public void afterApplicationStart(CamelContext camel) {
                // nothing: the policy is in place before the first route starts
            }
        };
    }
}
