package dev.shifu.platform.catalog.internal;

import java.util.List;
import java.util.Set;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import dev.shifu.platform.catalog.Regions.Region;
import dev.shifu.platform.catalog.ServiceType;
import dev.shifu.platform.catalog.Skill;

@RestController
@RequestMapping("/api/v1/catalog")
@Tag(name = "Catalog", description = "Service types, fees and regions")
class CatalogController {

	private final CatalogService catalog;

	CatalogController(CatalogService catalog) {
		this.catalog = catalog;
	}

	record Fee(String regionCode, long feeCents) {
	}

	record ServiceTypeView(ServiceType code, String nameZh, String nameEn, int defaultDurationMinutes, int crewSize,
			Set<Skill> requiredSkills, List<Fee> fees) {
	}

	record UpdateServiceType(@NotNull @Min(5) @Max(1440) Integer defaultDurationMinutes,
			@NotNull @Min(1) @Max(2) Integer crewSize, @NotNull Set<@NotNull Skill> requiredSkills) {
	}

	record SetFee(@NotNull @Min(0) Long feeCents) {
	}

	@GetMapping("/service-types")
	@Operation(summary = "Service types with durations, skills, crew sizes and per-region fees")
	List<ServiceTypeView> serviceTypes() {
		return catalog.definitions().stream().map(this::view).toList();
	}

	@PutMapping("/service-types/{type}")
	@Operation(summary = "Change a service type's defaults (platform admin)")
	ServiceTypeView update(@PathVariable ServiceType type, @Valid @RequestBody UpdateServiceType request) {
		return view(catalog.update(type, request.defaultDurationMinutes(), request.crewSize(), request.requiredSkills()));
	}

	@PutMapping("/service-types/{type}/fees/{regionCode}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Set the settlement fee of a service type in a region (platform admin)")
	void setFee(@PathVariable ServiceType type, @PathVariable String regionCode, @Valid @RequestBody SetFee request) {
		catalog.setFee(type, regionCode, request.feeCents());
	}

	@GetMapping("/regions")
	@Operation(summary = "Known administrative regions (GB/T 2260 codes)")
	List<Region> regions() {
		return catalog.all();
	}

	private ServiceTypeView view(ServiceTypeDefinition d) {
		List<Fee> fees = catalog.feesOf(d.getCode()).stream().map(f -> new Fee(f.getRegionCode(), f.getFeeCents())).toList();
		return new ServiceTypeView(d.getCode(), d.getNameZh(), d.getNameEn(), d.getDefaultDurationMinutes(),
				d.getCrewSize(), Set.copyOf(d.getRequiredSkills()), fees);
	}

}
