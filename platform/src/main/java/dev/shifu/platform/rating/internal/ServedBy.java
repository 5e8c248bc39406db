package dev.shifu.platform.rating.internal;

import java.util.List;

import org.springframework.stereotype.Component;

import dev.shifu.platform.dispatch.VisitRecord;
import dev.shifu.platform.dispatch.VisitRecords;

/**
 * Who did the order's regular visit, as dispatch recorded it from the plan and the job events; the process's
 * {@code assignedInstallerId} only when no visit record names anyone.
 */
@Component
class ServedBy {

	private final VisitRecords visits;

	ServedBy(VisitRecords visits) {
		this.visits = visits;
	}

	List<Long> crew(long orderId, Long fromProcess) {
		List<Long> recorded = visits.lastServed(orderId, VisitRecord.Kind.INSTALLATION)
			.map(VisitRecord::installerIds)
			.orElse(List.of());
		if (!recorded.isEmpty()) {
			return recorded;
		}
		return fromProcess == null ? List.of() : List.of(fromProcess);
	}

	Long lead(long orderId, Long fromProcess) {
		List<Long> crew = crew(orderId, fromProcess);
		return crew.isEmpty() ? null : crew.get(0);
	}

}
