package dev.shifu.platform.booking.internal;

import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

import dev.shifu.platform.booking.AppointmentEvents;
import dev.shifu.platform.schedule.VisitProgress;

/**
 * Late reschedules (改约审批) and call-back requests on the dispatcher's board as they happen: once a request or its
 * decision is committed, the region's boards read their approvals and call-backs again (an {@code approval} event on
 * the board's stream).
 */
@Component
class ApprovalsToBoard {

	private final VisitProgress boards;

	ApprovalsToBoard(VisitProgress boards) {
		this.boards = boards;
	}

	@TransactionalEventListener(fallbackExecution = true)
	void on(AppointmentEvents.RescheduleRequested requested) {
		boards.approvalListChanged(requested.orderId());
	}

	@TransactionalEventListener(fallbackExecution = true)
	void on(AppointmentEvents.RescheduleDecided decided) {
		boards.approvalListChanged(decided.orderId());
	}

	@TransactionalEventListener(fallbackExecution = true)
	void on(AppointmentEvents.CallbackRequested requested) {
		boards.approvalListChanged(requested.orderId());
	}

	@TransactionalEventListener(fallbackExecution = true)
	void on(AppointmentEvents.CallbackDone done) {
		boards.approvalListChanged(done.orderId());
	}

}
