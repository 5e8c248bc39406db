package dev.shifu.platform.dispatch;

import java.util.List;
import java.util.Optional;

/** Who did an order's visits: for ratings, complaints and rework credited per installer. */
public interface VisitRecords {

	/** The order's visits, oldest first. */
	List<VisitRecord> visits(long orderId);

	/** The visit under way: the latest one not released. */
	Optional<VisitRecord> current(long orderId);

	/**
	 * Records who does the visit under way (the crew, lead first) and where that came from.
	 * @return whether this changed the record
	 */
	boolean served(long orderId, List<Long> installerIds, VisitRecord.Source source);

	/** The last visit of the given kind whose installer is known. */
	Optional<VisitRecord> lastServed(long orderId, VisitRecord.Kind kind);

}
