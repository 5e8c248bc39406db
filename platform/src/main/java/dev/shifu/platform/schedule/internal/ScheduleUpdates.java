package dev.shifu.platform.schedule.internal;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import dev.shifu.platform.booking.BookingEvents.VisitBooked;
import dev.shifu.platform.network.InstallerView;
import dev.shifu.platform.network.NetworkDirectory;
import dev.shifu.platform.network.NetworkEvents.InstallerChanged;
import dev.shifu.platform.network.PartnerStatus;
import dev.shifu.platform.order.OrderEvents.OrderAccepted;
import dev.shifu.platform.order.OrderEvents.OrderStatusChanged;
import dev.shifu.platform.order.OrderStatus;
import dev.shifu.platform.workflow.WorkflowEvents.BookingReleased;
import dev.shifu.platform.workflow.WorkflowEvents.JobToSchedule;

/**
 * Keeps the schedule's view of each visit and turns every change into a problem change for the region's live
 * solver: new orders, bookings, accepted offers, releases, progress (pins) and the end of a job.
 */
@Component
class ScheduleUpdates {

	/** Once the installer is on the way the job stays on its route. */
	private static final Set<OrderStatus> UNDER_WAY = EnumSet.of(OrderStatus.EN_ROUTE, OrderStatus.ARRIVED,
			OrderStatus.STARTED);

	private final ScheduleJobRepository jobs;

	private final ProblemFactory problems;

	private final SchedulePlanner planner;

	private final NetworkDirectory network;

	ScheduleUpdates(ScheduleJobRepository jobs, ProblemFactory problems, SchedulePlanner planner,
			NetworkDirectory network) {
		this.jobs = jobs;
		this.problems = problems;
		this.planner = planner;
		this.network = network;
	}

	@ApplicationModuleListener
	void on(OrderAccepted order) {
		ScheduleJob row = jobs.findById(order.orderId())
			.orElseGet(() -> jobs.save(new ScheduleJob(order.orderId(), ProblemFactory.regionOf(order.regionCode()))));
		replan(row);
	}

	@ApplicationModuleListener
	void on(VisitBooked booked) {
		jobs.findById(booked.orderId()).ifPresent(row -> {
			row.booked(booked.date());
			replan(row);
		});
	}

	/** Also a rework visit after a low rating, for an order the schedule had already finished with. */
	@ApplicationModuleListener
	void on(JobToSchedule job) {
		ScheduleJob row = jobs.findById(job.orderId())
			.orElseGet(() -> problems.regionOfOrder(job.orderId())
				.map(region -> jobs.save(new ScheduleJob(job.orderId(), region)))
				.orElse(null));
		if (row != null) {
			row.assigned(job.providerId(), job.bookedDate(), job.preferredInstallerId());
			row.rework(job.isRework(), job.avoidedInstallerId());
			replan(jobs.save(row));
		}
	}

	@ApplicationModuleListener
	void on(BookingReleased released) {
		jobs.findById(released.orderId()).ifPresent(row -> {
			row.released();
			replan(row);
		});
	}

	@ApplicationModuleListener
	void on(OrderStatusChanged change) {
		jobs.findById(change.orderId()).ifPresent(row -> {
			if (UNDER_WAY.contains(change.to()) && !row.isPinned()) {
				row.pin();
				planner.pin(row.getRegion(), row.jobId());
			}
			else if (change.to() == OrderStatus.REWORK_SCHEDULED) {
				replan(row);
			}
			else if (!change.to().isCancellable()) {
				// Completed, closed or cancelled: nothing left to plan.
				jobs.delete(row);
				planner.replace(row.getRegion(), row.jobId(), null);
			}
		});
	}

	/** Leave and suspension take the installer's shifts out at once; other edits count from the next re-plan. */
	@ApplicationModuleListener
	void on(InstallerChanged changed) {
		InstallerView installer = network.installer(changed.installerId()).orElse(null);
		if (installer == null) {
			return;
		}
		List<LocalDate> days = problems.horizon();
		for (String region : planner.planners().keySet()) {
			String shiftPrefix = "I" + installer.id() + "@";
			List<dev.shifu.planner.domain.Shift> joined = problems.shifts(region, days)
				.stream()
				.filter(shift -> shift.getId().startsWith(shiftPrefix))
				.toList();
			if (!joined.isEmpty()) {
				planner.submit(region, PlanChanges.addShifts(joined));
			}
			for (LocalDate day : days) {
				if (installer.status() == PartnerStatus.SUSPENDED || installer.leaveDays().contains(day)) {
					planner.submit(region, PlanChanges.leave(installer.id(), day, day));
				}
			}
		}
	}

	private void replan(ScheduleJob row) {
		planner.replace(row.getRegion(), row.jobId(), problems.job(row, problems.horizon()).orElse(null));
	}

}
