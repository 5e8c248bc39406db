package dev.shifu.platform.catalog.internal;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import dev.shifu.platform.catalog.ServiceType;

@Entity
@Table(name = "region_fee")
class RegionFee {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Enumerated(EnumType.STRING)
	private ServiceType serviceType;

	private String regionCode;

	private long feeCents;

	protected RegionFee() {
	}

	RegionFee(ServiceType serviceType, String regionCode, long feeCents) {
		this.serviceType = serviceType;
		this.regionCode = regionCode;
		this.feeCents = feeCents;
	}

	void setFeeCents(long feeCents) {
		this.feeCents = feeCents;
	}

	ServiceType getServiceType() {
		return serviceType;
	}

	String getRegionCode() {
		return regionCode;
	}

	long getFeeCents() {
		return feeCents;
	}

}
