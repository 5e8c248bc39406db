package dev.shifu.platform.dispatch.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import dev.shifu.platform.catalog.ServiceType;
import dev.shifu.platform.dispatch.VisitRecord;

/**
 * One visit of an order assigned to a provider: it takes one unit of the provider's daily capacity for its service
 * type on its day until it is released (rebooking, cancellation), and records which installer or crew did it.
 */
@Entity
@Table(name = "job_visit")
class Visit {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private Long orderId;

	@Enumerated(EnumType.STRING)
	private VisitRecord.Kind kind;

	private Long providerId;

	@Enumerated(EnumType.STRING)
	private ServiceType serviceType;

	private LocalDate visitDate;

	private String installerIds;

	@Enumerated(EnumType.STRING)
	private VisitRecord.Source installerSource;

	private boolean released;

	private Instant createdAt;

	@Version
	private long version;

	protected Visit() {
	}

	Visit(long orderId, VisitRecord.Kind kind, long providerId, ServiceType serviceType, LocalDate visitDate,
			Instant now) {
		this.orderId = orderId;
		this.kind = kind;
		this.providerId = providerId;
		this.serviceType = serviceType;
		this.visitDate = visitDate;
		this.installerSource = VisitRecord.Source.NONE;
		this.createdAt = now;
	}

	/** A reported installer overrides the plan's; the plan's never overrides a report. */
	boolean served(List<Long> installers, VisitRecord.Source source) {
		if (installers.isEmpty() || (installerSource == VisitRecord.Source.REPORTED && source == VisitRecord.Source.PLAN)) {
			return false;
		}
		String ids = installers.stream().map(String::valueOf).collect(Collectors.joining(","));
		if (ids.equals(installerIds) && source == installerSource) {
			return false;
		}
		installerIds = ids;
		installerSource = source;
		return true;
	}

	void movedTo(LocalDate date) {
		if (date != null) {
			visitDate = date;
		}
	}

	void release() {
		released = true;
	}

	boolean hasInstaller() {
		return installerIds != null && !installerIds.isBlank();
	}

	VisitRecord record() {
		List<Long> ids = hasInstaller() ? Arrays.stream(installerIds.split(",")).map(Long::valueOf).toList() : List.of();
		return new VisitRecord(orderId, kind, providerId, visitDate, ids, installerSource);
	}

	Long getId() {
		return id;
	}

	Long getProviderId() {
		return providerId;
	}

	ServiceType getServiceType() {
		return serviceType;
	}

	VisitRecord.Kind getKind() {
		return kind;
	}

	boolean isReleased() {
		return released;
	}

}
