package dev.shifu.platform.catalog.internal;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import dev.shifu.platform.catalog.Regions.Region;

@Entity
@Table(name = "region")
class RegionEntity {

	@Id
	private String code;

	private String nameZh;

	private String nameEn;

	private String parentCode;

	private Double lat;

	private Double lng;

	private String zoneId;

	protected RegionEntity() {
	}

	Region toRegion() {
		return new Region(code, nameZh, nameEn, parentCode, lat, lng, zoneId);
	}

}
