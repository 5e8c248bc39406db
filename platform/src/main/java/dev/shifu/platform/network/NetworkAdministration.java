package dev.shifu.platform.network;

import dev.shifu.platform.identity.Actor;

/** Writes to the network on behalf of an actor (platform admin, or a provider admin for its own installers). */
public interface NetworkAdministration {

	ProviderView createProvider(Actor actor, ProviderRequest request);

	InstallerView createInstaller(Actor actor, long providerId, InstallerRequest request);

	/**
	 * A consumer rated a job the installer did: folds the stars into the installer's running average, and so into its
	 * provider's rating.
	 */
	void recordRating(long installerId, int stars);

	/** A complaint (low rating, return visit) was credited to the installer. */
	void recordComplaint(long installerId);

	/** A rework visit was counted against the installer. */
	void recordRework(long installerId);

}
