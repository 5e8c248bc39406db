package dev.shifu.platform.schedule.internal;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import dev.shifu.platform.network.NetworkEvents.InstallerChanged;
import dev.shifu.platform.network.NetworkEvents.ProviderChanged;
import dev.shifu.platform.order.OrderEvents.OrderStatusChanged;
import dev.shifu.platform.order.OrderStatus;
import dev.shifu.platform.workflow.WorkflowEvents.BookingReleased;

/** What frees a held window or changes the network's shift days behind the capacity view. */
@Component
class CapacityEvents {

	private final CapacityView view;

	private final WindowCapacityService windows;

	CapacityEvents(CapacityView view, WindowCapacityService windows) {
		this.view = view;
		this.windows = windows;
	}

	@ApplicationModuleListener
	void on(InstallerChanged changed) {
		view.networkChanged();
	}

	@ApplicationModuleListener
	void on(ProviderChanged changed) {
		view.networkChanged();
	}

	@ApplicationModuleListener
	void on(BookingReleased released) {
		windows.release(released.orderId(), released.bookedDate());
	}

	@ApplicationModuleListener
	void on(OrderStatusChanged change) {
		if (change.to() == OrderStatus.CANCELLED) {
			windows.release(change.orderId());
		}
	}

}
