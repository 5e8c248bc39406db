package dev.shifu.platform.booking.internal;

import java.util.Optional;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import dev.shifu.platform.booking.BookedWindows;

@Component
class JpaBookedWindows implements BookedWindows {

	private final AppointmentRepository appointments;

	JpaBookedWindows(AppointmentRepository appointments) {
		this.appointments = appointments;
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<Window> windowOf(long orderId) {
		return appointments.findById(orderId).map(a -> new Window(a.day(), a.windowCode(), a.start(), a.end()));
	}

}
