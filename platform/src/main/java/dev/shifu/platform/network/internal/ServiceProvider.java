package dev.shifu.platform.network.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.MapKeyEnumerated;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import dev.shifu.platform.catalog.ServiceType;
import dev.shifu.platform.network.PartnerStatus;
import dev.shifu.platform.network.ProviderType;
import dev.shifu.platform.shared.ConflictException;
import dev.shifu.platform.shared.GeoPoint;

@Entity
@Table(name = "service_provider")
class ServiceProvider {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private String name;

	@Enumerated(EnumType.STRING)
	private ProviderType type;

	private Long brandId;

	private String contactPhone;

	@ElementCollection(fetch = FetchType.EAGER)
	@CollectionTable(name = "provider_region", joinColumns = @JoinColumn(name = "provider_id"))
	@Column(name = "region_code")
	@OrderColumn(name = "position")
	private List<String> regionCodes = new ArrayList<>();

	private Double centreLat;

	private Double centreLng;

	private Double radiusKm;

	@ElementCollection(fetch = FetchType.EAGER)
	@CollectionTable(name = "provider_capacity", joinColumns = @JoinColumn(name = "provider_id"))
	@MapKeyColumn(name = "service_type")
	@MapKeyEnumerated(EnumType.STRING)
	@Column(name = "daily_capacity")
	private Map<ServiceType, Integer> dailyCapacity = new EnumMap<>(ServiceType.class);

	@Enumerated(EnumType.STRING)
	private PartnerStatus status;

	private Instant createdAt;

	@Version
	private long version;

	protected ServiceProvider() {
	}

	ServiceProvider(String name, ProviderType type, Long brandId) {
		this.name = name;
		this.type = type;
		this.brandId = brandId;
		this.status = PartnerStatus.ACTIVE;
		this.createdAt = Instant.now();
	}

	void describe(String name, String contactPhone, List<String> regionCodes, GeoPoint centre, Double radiusKm,
			Map<ServiceType, Integer> capacity) {
		this.name = name;
		this.contactPhone = contactPhone;
		this.regionCodes.clear();
		this.regionCodes.addAll(regionCodes);
		this.centreLat = centre == null ? null : centre.lat();
		this.centreLng = centre == null ? null : centre.lng();
		this.radiusKm = radiusKm;
		this.dailyCapacity.clear();
		this.dailyCapacity.putAll(capacity);
	}

	void suspend() {
		if (status == PartnerStatus.SUSPENDED) {
			throw new ConflictException("already-suspended", "Provider " + id + " is already suspended");
		}
		status = PartnerStatus.SUSPENDED;
	}

	void activate() {
		if (status == PartnerStatus.ACTIVE) {
			throw new ConflictException("already-active", "Provider " + id + " is already active");
		}
		status = PartnerStatus.ACTIVE;
	}

	Long getId() {
		return id;
	}

	String getName() {
		return name;
	}

	ProviderType getType() {
		return type;
	}

	Long getBrandId() {
		return brandId;
	}

	String getContactPhone() {
		return contactPhone;
	}

	List<String> getRegionCodes() {
		return regionCodes;
	}

	GeoPoint centre() {
		return centreLat == null ? null : new GeoPoint(centreLat, centreLng);
	}

	Double getRadiusKm() {
		return radiusKm;
	}

	Map<ServiceType, Integer> getDailyCapacity() {
		return dailyCapacity;
	}

	PartnerStatus getStatus() {
		return status;
	}

}
