package dev.shifu.platform.network;

import java.util.List;
import java.util.Optional;

/** Read access to the network for other contexts (dispatch candidates, schedules). */
public interface NetworkDirectory {

	Optional<ProviderView> provider(long providerId);

	List<ProviderView> activeProviders();

	List<InstallerView> activeInstallers(long providerId);

	java.util.Optional<InstallerView> installer(long installerId);

}
