package dev.shifu.platform.installer.internal;

/**
 * Who reports: an installer from the app, or (the stand-in before the app) the accepted provider's admin. Both go
 * through the same state machine ({@link JobEventType}; the admin, told afterwards, may skip steps forward), the
 * code and the serial numbers, with the same inputs. The admin is not on site and usually has no position or photos
 * (the photo upload is the app's), so the photo minimum cannot bind them: their completions without the photos are
 * flagged MISSING_PHOTOS, and events without a position NO_LOCATION (as the app's), for the dispatcher's review
 * instead of being trusted.
 */
record Reporter(Channel channel, long providerId, Long installerId) {

	enum Channel {
		INSTALLER, PROVIDER_ADMIN
	}

	static Reporter installer(long providerId, long installerId) {
		return new Reporter(Channel.INSTALLER, providerId, installerId);
	}

	static Reporter providerAdmin(long providerId) {
		return new Reporter(Channel.PROVIDER_ADMIN, providerId, null);
	}

	boolean onSite() {
		return channel == Channel.INSTALLER;
	}

	/** Idempotency keys are the reporter's own: two installers may both use "evt-1". */
	String scope() {
		return onSite() ? "installer:" + installerId + ":job-events" : "provider:" + providerId + ":job-events";
	}

}
