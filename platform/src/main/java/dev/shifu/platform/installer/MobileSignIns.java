package dev.shifu.platform.installer;

/**
 * Mobile-app sign-ins of installers, for those who set them up outside the provider API (the demo loader). The
 * caller has checked who may do it; the installer signs in with their own phone.
 */
public interface MobileSignIns {

	/**
	 * Gives the installer a sign-in with this password (null: one-time codes only), replacing any earlier one.
	 * @param providerAdmin the installer may answer the provider's offers in the app
	 */
	void give(long installerId, String password, boolean providerAdmin);

}
