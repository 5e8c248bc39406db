package dev.shifu.platform.installer.internal;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import dev.shifu.platform.dispatch.VisitRecord;
import dev.shifu.platform.dispatch.VisitRecords;
import dev.shifu.platform.network.NetworkDirectory;
import dev.shifu.platform.order.OrderLifecycle;
import dev.shifu.platform.order.OrderSnapshot;
import dev.shifu.platform.schedule.PlannedVisits;
import dev.shifu.platform.shared.NotFoundException;
import dev.shifu.platform.workflow.OrderProcess;

/**
 * Whose job an order is: the accepted provider's, and of its installers the one the provider reported for the
 * visit, else the crew the stored plan sends. Anyone else gets a 404, as if the job did not exist; an installer whose
 * job it was gets {@link Reassigned} (still a 404), which offline replay keeps for review.
 */
@Component
class JobAccess {

	/** A job that was the reporter's (their provider had it, or they reported on it) and is now someone else's. */
	static class Reassigned extends NotFoundException {

		Reassigned(long orderId) {
			super("job", orderId);
		}

	}

	private final OrderLifecycle orders;

	private final OrderProcess process;

	private final VisitRecords visits;

	private final PlannedVisits plan;

	private final JobEventLog log;

	private final RouteSightings seen;

	private final NetworkDirectory network;

	JobAccess(OrderLifecycle orders, OrderProcess process, VisitRecords visits, PlannedVisits plan, JobEventLog log,
			RouteSightings seen, NetworkDirectory network) {
		this.seen = seen;
		this.network = network;
		this.orders = orders;
		this.process = process;
		this.visits = visits;
		this.plan = plan;
		this.log = log;
	}

	OrderSnapshot job(Reporter reporter, long orderId) {
		OrderSnapshot order = orders.find(orderId).orElseThrow(() -> new NotFoundException("job", orderId));
		boolean providerHasIt = process.assignedProviderId(orderId).map(p -> p == reporter.providerId()).orElse(false);
		boolean providerHadIt = visits.visits(orderId).stream().anyMatch(v -> v.providerId() == reporter.providerId());
		if (!reporter.onSite()) {
			if (!providerHasIt) {
				throw providerHadIt ? new Reassigned(orderId) : new NotFoundException("job", orderId);
			}
			return order;
		}
		if (providerHasIt && crew(orderId).contains(reporter.installerId())) {
			return order;
		}
		// Only a job that really was this installer's (shown on their route, reported on, or a visit naming them) is
		// "reassigned"; a colleague's job of the same provider is simply not theirs.
		long installerId = reporter.installerId();
		boolean hadIt = seen.wasShown(installerId, orderId) || log.reported(orderId, installerId)
				|| visits.visits(orderId).stream().anyMatch(v -> v.installerIds().contains(installerId));
		throw hadIt ? new Reassigned(orderId) : new NotFoundException("job", orderId);
	}

	/**
	 * The plan's crew, when it is the accepted provider's: a plan published before the accept reached the solver may
	 * still have the job pencilled in on another provider's installer, who must never be recorded for the visit.
	 */
	List<Long> plannedCrew(long orderId) {
		List<Long> crew = plan.crewOf(orderId);
		Optional<Long> provider = process.assignedProviderId(orderId);
		if (crew.isEmpty() || provider.isEmpty()) {
			return crew;
		}
		boolean theirs = crew.stream().allMatch(id -> network.installer(id).map(i -> i.providerId() == provider.get()).orElse(false));
		if (theirs) {
			return crew;
		}
		// The plan has not caught up with the accept yet: a provider with one active installer can only mean them.
		List<dev.shifu.platform.network.InstallerView> own = network.activeInstallers(provider.get());
		return own.size() == 1 ? List.of(own.get(0).id()) : List.of();
	}

	/** Who does the visit under way: the installer the provider reported, else the plan's crew. */
	List<Long> crew(long orderId) {
		return visits.current(orderId)
			.filter(v -> v.source() == VisitRecord.Source.REPORTED && !v.installerIds().isEmpty())
			.map(VisitRecord::installerIds)
			.orElseGet(() -> plannedCrew(orderId));
	}

}
