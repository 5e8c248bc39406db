package dev.shifu.platform.installer.internal;

/**
 * Who reports: an installer from the app, or (the stand-in before the app) the accepted provider's admin. The
 * on-site rules (geofence, photos, serial numbers, the order of events) bind what the installer reports; the
 * admin's stand-in reports only skip the photo and position rules, and their completions are flagged.
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
