package dev.shifu.platform.booking.internal;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import dev.shifu.platform.workflow.WorkflowEvents;

/** The process released the booking (a revisit needs a new one): the booked window goes with it. */
@Component
class AppointmentReleases {

	private final AppointmentRepository appointments;

	AppointmentReleases(AppointmentRepository appointments) {
		this.appointments = appointments;
	}

	@ApplicationModuleListener
	void on(WorkflowEvents.BookingReleased released) {
		appointments.findById(released.orderId())
			.filter(a -> released.bookedDate() == null || a.day().equals(released.bookedDate()))
			.ifPresent(appointments::delete);
	}

}
