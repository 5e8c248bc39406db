package dev.shifu.platform.housekeeping.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Resubmission of incomplete event publications ({@code shifu.events.*}).
 * @param resubmitInterval how often the resubmission runs
 * @param resubmitAfter a publication is resubmitted once it is this old (its listener normally runs within seconds,
 * so anything older failed); also the first backoff step
 * @param backoffMax the longest wait between two resubmissions of one publication (the wait doubles per attempt)
 * @param alertAge the health indicator goes DOWN while a publication older than this is pending
 */
@ConfigurationProperties("shifu.events")
record EventProperties(@DefaultValue("PT30S") Duration resubmitInterval, @DefaultValue("PT1M") Duration resubmitAfter,
		@DefaultValue("PT1H") Duration backoffMax, @DefaultValue("PT15M") Duration alertAge) {
}
