package dev.shifu.platform.support;

import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A test that starts just before midnight in a zone our regions or the JVM use would see "today" change under it
 * (a booking for today+2 planned on today+3): it waits until the day has turned, so its fixtures read the new day.
 * The suite crossed Shanghai's midnight at 16:00 UTC and three tests read the day before.
 */
public final class AwayFromMidnight implements BeforeEachCallback {

	private static final List<ZoneId> ZONES = List.of(ZoneId.of("Asia/Shanghai"), ZoneId.of("Pacific/Auckland"),
			ZoneId.of("UTC"), ZoneId.systemDefault());

	/** Longer than a slow test: one that starts this close to midnight waits for it. */
	static final Duration MARGIN = Duration.ofMinutes(4);

	@Override
	public void beforeEach(ExtensionContext context) throws InterruptedException {
		for (ZoneId zone : ZONES) {
			ZonedDateTime now = ZonedDateTime.now(zone);
			ZonedDateTime midnight = now.toLocalDate().plusDays(1).atStartOfDay(zone);
			Duration left = Duration.between(now, midnight);
			if (left.compareTo(MARGIN) < 0 && now.toLocalTime().isAfter(LocalTime.NOON)) {
				System.out.println("[away-from-midnight] " + context.getDisplayName() + " waits " + left.toSeconds()
						+ " s for midnight in " + zone);
				Thread.sleep(left.plusSeconds(2).toMillis());
			}
		}
	}

}
