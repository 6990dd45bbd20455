package org.saphan.exchange.audit;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;

/**
 * The access log's settings ({@code saphan.audit.*}; the subject key file is in HubProperties).
 *
 * @param queueCapacity      records waiting for the writer; beyond it requests get {@code hub-unavailable} at once
 * @param maxBatch           records per transaction at most
 * @param writeTimeout       how long a request waits for its batch to commit
 * @param checkpointInterval how often the chain head is signed when there are new records
 * @param retention          records older than this are archived to signed files and removed
 * @param archiveInterval    how often the retention job runs
 */
@Validated
@ConfigurationProperties(prefix = "saphan.audit")
public record AuditProperties(
        @DefaultValue("10000") @Min(1) @Max(1000000) int queueCapacity,
        @DefaultValue("500") @Min(1) @Max(10000) int maxBatch,
        @DefaultValue("2s") Duration writeTimeout,
        @DefaultValue("60s") Duration checkpointInterval,
        @DefaultValue("400d") Duration retention,
        @DefaultValue("6h") Duration archiveInterval) {
}
