package dev.shifu.platform.dispatch.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Component;

import dev.shifu.platform.network.InstallerView;
import dev.shifu.platform.network.NetworkDirectory;
import dev.shifu.platform.network.PartnerStatus;
import dev.shifu.platform.network.ProviderType;
import dev.shifu.platform.network.ProviderView;
import dev.shifu.platform.order.OrderSnapshot;

/**
 * Providers that may take an order, in offer order: channel by channel as the dispatch policy says (the brand's own
 * dealers, then third parties), each {@link Eligibility eligible}, rated high enough and with room in its daily
 * capacity on the booked day; within a channel the better rated first. A revisit's preferred installer's provider
 * goes first.
 */
@Component
class Candidates {

	private final NetworkDirectory network;

	private final Eligibility eligibility;

	Candidates(NetworkDirectory network, Eligibility eligibility) {
		this.network = network;
		this.eligibility = eligibility;
	}

	List<Long> forOrder(OrderSnapshot order, List<String> channels, double minRating, Long preferredInstallerId,
			LocalDate bookedDate) {
		return forOrder(order, channels, minRating, preferredInstallerId, bookedDate, null);
	}

	/**
	 * As {@link #forOrder(OrderSnapshot, List, double, Long, LocalDate)}, and with {@code minInstallerRating} (a
	 * premium booking's promise; null: none) only providers with an active installer rated that high who has the
	 * skills.
	 */
	List<Long> forOrder(OrderSnapshot order, List<String> channels, double minRating, Long preferredInstallerId,
			LocalDate bookedDate, Double minInstallerRating) {
		Set<Long> ordered = new LinkedHashSet<>();
		List<ProviderView> active = network.activeProviders();
		if (preferredInstallerId != null) {
			network.installer(preferredInstallerId)
				.filter(i -> i.status() == PartnerStatus.ACTIVE)
				.map(InstallerView::providerId)
				.flatMap(id -> active.stream().filter(p -> p.id() == id).findFirst())
				.filter(p -> fits(p, order, bookedDate, minInstallerRating))
				.ifPresent(p -> ordered.add(p.id()));
		}
		for (String channel : channels) {
			ProviderType type = ProviderType.valueOf(channel.trim());
			List<ProviderView> inChannel = new ArrayList<>();
			for (ProviderView p : active) {
				if (p.type() == type && p.rating() >= minRating && fits(p, order, bookedDate, minInstallerRating)) {
					inChannel.add(p);
				}
			}
			inChannel.sort(Comparator.comparingDouble(ProviderView::rating).reversed().thenComparing(ProviderView::id));
			inChannel.forEach(p -> ordered.add(p.id()));
		}
		return List.copyOf(ordered);
	}

	private boolean fits(ProviderView provider, OrderSnapshot order, LocalDate day, Double minInstallerRating) {
		return eligibility.eligible(provider, order) && eligibility.hasRoom(provider, order, day)
				&& eligibility.hasInstallerRated(provider, order, minInstallerRating);
	}

}
