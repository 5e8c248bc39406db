package dev.shifu.platform.network;

public final class NetworkEvents {

	private NetworkEvents() {
	}

	/** An installer was added, changed (skills, shifts, leave) or suspended. */
	public record InstallerChanged(long installerId, long providerId) {
	}

	/** A provider was suspended or activated: its installers' shifts go out of or back into the plans. */
	public record ProviderChanged(long providerId) {
	}

}
