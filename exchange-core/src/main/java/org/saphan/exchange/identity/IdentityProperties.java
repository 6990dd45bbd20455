package org.saphan.exchange.identity;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.Min;
import java.time.Duration;

/**
 * Identity settings ({@code saphan.identity.*}), documented in the README's configuration table.
 *
 * @param replayWindow how long a client's X-Request-Id stays used ({@code replayed-request} on a repeat)
 * @param attempts     limits on failed authentication attempts
 * @param gdx          the GDX face
 */
@Validated
@ConfigurationProperties(prefix = "saphan.identity")
public record IdentityProperties(
        @DefaultValue("10m") Duration replayWindow,
        @DefaultValue Attempts attempts,
        @DefaultValue Gdx gdx) {

    /**
     * @param maxPerClient  failures allowed per client id in one window
     * @param maxPerAddress failures allowed per caller address in one window
     * @param window        the window; once a limit is reached, attempts wait until it ends (429 with Retry-After)
     */
    public record Attempts(@DefaultValue("10") @Min(1) int maxPerClient, @DefaultValue("50") @Min(1) int maxPerAddress,
                           @DefaultValue("15m") Duration window) {
    }

    /** @param tokenIdle a GDX token dies after this long without use (sliding) */
    public record Gdx(@DefaultValue("60m") Duration tokenIdle) {
    }
}
