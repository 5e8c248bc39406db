package dev.shifu.platform.installer.internal;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Rules for what installers report ({@code shifu.installer.*}).
 * @param geofenceRadiusMeters how far from the job's coordinates an arrival still counts as on site
 * @param minCompletionPhotos photos a completion needs (for example before, after, packaging removed)
 * @param maxClockSkew how far in the future an event's time may lie (phone clocks drift)
 * @param shortVisitRatio time on site under this share of the planned duration is flagged
 * @param photos upload limits and the local store's directory
 */
@ConfigurationProperties("shifu.installer")
record InstallerSettings(@DefaultValue("300") double geofenceRadiusMeters, @DefaultValue("2") int minCompletionPhotos,
		@DefaultValue("PT10M") Duration maxClockSkew, @DefaultValue("0.3") double shortVisitRatio,
		@DefaultValue Photos photos) {

	/**
	 * @param maxBytes largest photo accepted
	 * @param directory where the local-disk store keeps the files
	 */
	record Photos(@DefaultValue("4194304") long maxBytes, @DefaultValue("./data/photos") Path directory) {
	}

}
