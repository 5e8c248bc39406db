package dev.shifu.platform.network;

public final class NetworkEvents {

	private NetworkEvents() {
	}

	/** An installer was added, changed (skills, shifts, leave) or suspended. */
	public record InstallerChanged(long installerId, long providerId) {
	}

}
