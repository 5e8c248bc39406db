package dev.shifu.platform.dispatch.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.shifu.platform.catalog.ServiceType;
import dev.shifu.platform.dispatch.VisitRecord;
import dev.shifu.platform.dispatch.VisitRecords;
import dev.shifu.platform.workflow.WorkflowEvents.BookingReleased;
import dev.shifu.platform.workflow.WorkflowEvents.JobToSchedule;

/**
 * The visits dispatch assigned: created when a provider accepts (or a dispatcher assigns) and for each rework,
 * moved with the booking, released on rebooking or cancellation. They are what a provider's daily capacity counts,
 * and they record which installer did each visit.
 */
@Service
@Transactional
class Visits implements VisitRecords {

	private final VisitRepository visits;

	private final Clock clock;

	Visits(VisitRepository visits, Optional<Clock> clock) {
		this.visits = visits;
		this.clock = clock.orElse(Clock.systemUTC());
	}

	/** The order's regular visit is now the provider's; a repeated call (a retried accept) changes nothing. */
	void assigned(long orderId, long providerId, ServiceType type, LocalDate date) {
		Optional<Visit> open = visits.findFirstByOrderIdAndReleasedFalseOrderByIdDesc(orderId)
			.filter(v -> v.getKind() == VisitRecord.Kind.INSTALLATION);
		if (open.isPresent() && open.get().getProviderId() == providerId) {
			open.get().movedTo(date);
			return;
		}
		open.ifPresent(Visit::release);
		visits.save(new Visit(orderId, VisitRecord.Kind.INSTALLATION, providerId, type, date, clock.instant()));
	}

	/** Jobs the provider already has of this type on that day. */
	@Transactional(readOnly = true)
	long countOnDay(long providerId, LocalDate date, ServiceType type) {
		return date == null ? 0 : visits.countByProviderIdAndVisitDateAndServiceTypeAndReleasedFalse(providerId, date, type);
	}

	/** The visit under way: the latest one not released. */
	@Override
	@Transactional(readOnly = true)
	public Optional<VisitRecord> current(long orderId) {
		return visits.findFirstByOrderIdAndReleasedFalseOrderByIdDesc(orderId).map(Visit::record);
	}

	/** @return whether this changed the record */
	@Override
	public boolean served(long orderId, List<Long> installers, VisitRecord.Source source) {
		return visits.findFirstByOrderIdAndReleasedFalseOrderByIdDesc(orderId)
			.map(v -> v.served(installers, source))
			.orElse(false);
	}

	@Override
	@Transactional(readOnly = true)
	public List<VisitRecord> visits(long orderId) {
		return visits.findByOrderIdOrderById(orderId).stream().map(Visit::record).toList();
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<VisitRecord> lastServed(long orderId, VisitRecord.Kind kind) {
		return visits.findByOrderIdOrderById(orderId)
			.stream()
			.sorted(Comparator.comparing(Visit::getId).reversed())
			.filter(v -> v.getKind() == kind && v.hasInstaller())
			.map(Visit::record)
			.findFirst();
	}

	/** The booked day of the regular visit moved, or a rework visit was booked for the same provider. */
	@ApplicationModuleListener
	void on(JobToSchedule job) {
		if (job.providerId() == null) {
			return;
		}
		Optional<Visit> open = visits.findFirstByOrderIdAndReleasedFalseOrderByIdDesc(job.orderId());
		if ("REWORK".equals(job.visitType())) {
			boolean known = open.map(v -> v.getKind() == VisitRecord.Kind.REWORK && v.record().date() != null
					&& v.record().date().equals(job.bookedDate())).orElse(false);
			if (!known) {
				// The rework repeats the order's service, so it takes capacity of the same type.
				ServiceType type = visits.findByOrderIdOrderById(job.orderId())
					.stream()
					.findFirst()
					.map(Visit::getServiceType)
					.orElse(ServiceType.INSTALLATION);
				visits.save(new Visit(job.orderId(), VisitRecord.Kind.REWORK, job.providerId(), type, job.bookedDate(),
						clock.instant()));
			}
			return;
		}
		open.filter(v -> v.getKind() == VisitRecord.Kind.INSTALLATION).ifPresent(v -> v.movedTo(job.bookedDate()));
	}

	/** Rebooking or cancellation: the visit no longer takes the provider's capacity. */
	@ApplicationModuleListener
	void on(BookingReleased released) {
		visits.findFirstByOrderIdAndReleasedFalseOrderByIdDesc(released.orderId()).ifPresent(Visit::release);
	}

}
