package dev.shifu.platform.catalog.internal;

import java.time.ZoneId;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.shifu.platform.catalog.ProductCategory;
import dev.shifu.platform.catalog.Regions;
import dev.shifu.platform.catalog.ServiceCatalog;
import dev.shifu.platform.catalog.ServiceRequirements;
import dev.shifu.platform.catalog.ServiceType;
import dev.shifu.platform.catalog.Skill;
import dev.shifu.platform.shared.InvalidFieldException;
import dev.shifu.platform.shared.NotFoundException;

@Service
@Transactional(readOnly = true)
class CatalogService implements ServiceCatalog, Regions {

	/** Extra on-site time for each item beyond the first, as a share of the default duration. */
	private static final double EXTRA_ITEM_SHARE = 0.25;

	private final ServiceTypeDefinitionRepository types;

	private final RegionFeeRepository fees;

	/** Regions are reference data changed only by migrations, so they are read once. */
	private final Map<String, Region> regions;

	private final ZoneId defaultZone;

	CatalogService(ServiceTypeDefinitionRepository types, RegionFeeRepository fees, RegionRepository regions,
			@Value("${shifu.catalog.default-zone:Asia/Shanghai}") ZoneId defaultZone) {
		this.types = types;
		this.fees = fees;
		this.defaultZone = defaultZone;
		this.regions = regions.findAll()
			.stream()
			.map(RegionEntity::toRegion)
			.collect(Collectors.toUnmodifiableMap(Region::code, Function.identity()));
	}

	@Override
	public ServiceRequirements requirements(ServiceType type, Collection<ProductCategory> categories, int itemCount) {
		ServiceTypeDefinition definition = definition(type);
		Set<Skill> skills = EnumSet.noneOf(Skill.class);
		skills.addAll(definition.getRequiredSkills());
		boolean onSiteWork = type != ServiceType.DELIVERY && type != ServiceType.MEASUREMENT;
		int crew = definition.getCrewSize();
		for (ProductCategory category : categories) {
			if (onSiteWork && category.skill() != null) {
				skills.add(category.skill());
			}
			if (category.heavy() && type != ServiceType.MEASUREMENT && type != ServiceType.REPAIR) {
				crew = 2;
			}
		}
		int minutes = (int) Math.round(definition.getDefaultDurationMinutes()
				* (1 + EXTRA_ITEM_SHARE * Math.max(0, itemCount - 1)));
		return new ServiceRequirements(minutes, skills, crew);
	}

	@Override
	public Optional<Long> feeCents(ServiceType type, String regionCode) {
		for (String code = regionCode; code != null; code = Optional.ofNullable(regions.get(code)).map(Region::parentCode).orElse(null)) {
			Optional<RegionFee> fee = fees.findByServiceTypeAndRegionCode(type, code);
			if (fee.isPresent()) {
				return fee.map(RegionFee::getFeeCents);
			}
		}
		return Optional.empty();
	}

	@Override
	public boolean exists(String code) {
		return code != null && regions.containsKey(code);
	}

	@Override
	public Optional<Region> find(String code) {
		return Optional.ofNullable(regions.get(code));
	}

	@Override
	public ZoneId zoneOf(String regionCode) {
		if (regionCode != null && regionCode.matches("\\d{6}")) {
			for (String code : List.of(regionCode, regionCode.substring(0, 4) + "00", regionCode.substring(0, 2) + "0000")) {
				Region region = regions.get(code);
				if (region != null) {
					return region.zone();
				}
			}
		}
		return defaultZone;
	}

	@Override
	public ZoneId defaultZone() {
		return defaultZone;
	}

	@Override
	public List<Region> all() {
		return regions.values().stream().sorted(java.util.Comparator.comparing(Region::code)).toList();
	}

	List<ServiceTypeDefinition> definitions() {
		return types.findAll(org.springframework.data.domain.Sort.by("code"));
	}

	List<RegionFee> feesOf(ServiceType type) {
		return fees.findByServiceTypeOrderByRegionCode(type);
	}

	@Transactional
	ServiceTypeDefinition update(ServiceType type, int duration, int crewSize, Set<Skill> skills) {
		ServiceTypeDefinition definition = definition(type);
		definition.update(duration, crewSize, skills);
		return definition;
	}

	@Transactional
	void setFee(ServiceType type, String regionCode, long feeCents) {
		if (!exists(regionCode)) {
			throw new InvalidFieldException("regionCode", "is not a known region code");
		}
		if (feeCents < 0) {
			throw new InvalidFieldException("feeCents", "must not be negative");
		}
		fees.findByServiceTypeAndRegionCode(type, regionCode)
			.ifPresentOrElse(f -> f.setFeeCents(feeCents), () -> fees.save(new RegionFee(type, regionCode, feeCents)));
	}

	private ServiceTypeDefinition definition(ServiceType type) {
		return types.findById(type).orElseThrow(() -> new NotFoundException("service type", type));
	}

}
