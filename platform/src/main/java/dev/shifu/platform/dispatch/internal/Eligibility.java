package dev.shifu.platform.dispatch.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

import dev.shifu.planner.domain.AssignmentRule;

import dev.shifu.platform.network.NetworkDirectory;
import dev.shifu.platform.network.PartnerStatus;
import dev.shifu.platform.network.ProviderView;
import dev.shifu.platform.order.OrderSnapshot;

/**
 * Whether a provider may take an order at all, the same rules for offers and manual assignment: active, covering
 * the address (the network's coverage rule), serving the brand (its own dealer or a third party), offering the
 * service, and with an active installer who has every skill the order needs. Offers also need room in the daily
 * capacity ({@link #hasRoom}); a dispatcher sees the count and decides.
 */
@Component
class Eligibility {

	private final NetworkDirectory network;

	private final Visits visits;

	Eligibility(NetworkDirectory network, Visits visits) {
		this.network = network;
		this.visits = visits;
	}

	/** Why the provider cannot take the order; empty when it can. */
	List<String> problems(ProviderView provider, OrderSnapshot order) {
		List<String> problems = new ArrayList<>();
		if (provider.status() != PartnerStatus.ACTIVE) {
			problems.add("is not active");
		}
		if (!provider.covers(order.regionCode(), order.location())) {
			problems.add("does not cover region " + order.regionCode());
		}
		if (!provider.mayServe(order.brandId())) {
			problems.add("may not serve this brand (another brand's dealer)");
		}
		if (provider.dailyCapacity().getOrDefault(order.serviceType(), 0) <= 0) {
			problems.add("does not offer " + order.serviceType());
		}
		boolean skilled = network.activeInstallers(provider.id())
			.stream()
			.anyMatch(i -> i.skills().containsAll(order.requiredSkills()));
		if (!skilled) {
			problems.add("has no active installer with the skills " + order.requiredSkills());
		}
		return problems;
	}

	/**
	 * Whether the provider has an active installer with the order's skills whom a premium booking allows (the
	 * planner's rating rule, {@link AssignmentRule#ratedEnough}); any provider when {@code minInstallerRating} is null.
	 */
	boolean hasInstallerRated(ProviderView provider, OrderSnapshot order, Double minInstallerRating) {
		return minInstallerRating == null || network.activeInstallers(provider.id())
			.stream()
			.anyMatch(i -> i.skills().containsAll(order.requiredSkills())
					&& AssignmentRule.ratedEnough(minInstallerRating, i.rating()));
	}

	boolean eligible(ProviderView provider, OrderSnapshot order) {
		return problems(provider, order).isEmpty();
	}

	/** Jobs of the order's type the provider already has on the day. */
	long assignedOnDay(ProviderView provider, OrderSnapshot order, LocalDate day) {
		return visits.countOnDay(provider.id(), day, order.serviceType());
	}

	/** Room left in the provider's daily capacity for the order's type on the day (an unbooked day has room). */
	boolean hasRoom(ProviderView provider, OrderSnapshot order, LocalDate day) {
		return day == null
				|| assignedOnDay(provider, order, day) < provider.dailyCapacity().getOrDefault(order.serviceType(), 0);
	}

}
