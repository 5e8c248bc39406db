package dev.shifu.platform.booking.internal;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.springframework.data.jpa.repository.JpaRepository;

/** Where the installer on the way to this visit last was, as the provider reported it. */
@Entity
@Table(name = "installer_position")
class InstallerPosition {

	@Id
	private Long orderId;

	private double lat;

	private double lng;

	private Instant reportedAt;

	protected InstallerPosition() {
	}

	InstallerPosition(long orderId) {
		this.orderId = orderId;
	}

	void report(double lat, double lng, Instant at) {
		this.lat = lat;
		this.lng = lng;
		this.reportedAt = at;
	}

	double getLat() {
		return lat;
	}

	double getLng() {
		return lng;
	}

	Instant getReportedAt() {
		return reportedAt;
	}

}

interface InstallerPositionRepository extends JpaRepository<InstallerPosition, Long> {

}
