package dev.shifu.platform.booking.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The consumer link's life and limits ({@code shifu.consumer-link.*}).
 *
 * @param expireAfter how long a closed or cancelled order's link still shows the outcome
 * @param perToken requests one link may make per {@code period}
 * @param perIp requests one client address may make per {@code period}, across links (guessing tokens)
 * @param period the refill period of both limits
 */
@ConfigurationProperties("shifu.consumer-link")
record ConsumerLinkProperties(@DefaultValue("P30D") Duration expireAfter, @DefaultValue("120") int perToken,
		@DefaultValue("300") int perIp, @DefaultValue("PT1M") Duration period) {
}
