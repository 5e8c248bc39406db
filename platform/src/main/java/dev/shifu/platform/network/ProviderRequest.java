package dev.shifu.platform.network;

import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import dev.shifu.platform.catalog.ServiceType;
import dev.shifu.platform.shared.GeoPoint;

/** Create or replace a service provider. */
public record ProviderRequest(
		@NotBlank @Size(max = 200) @Schema(example = "杭州西湖木兰授权服务商") String name,
		@NotNull @Schema(example = "DEALER") ProviderType type,
		@Schema(description = "The authorising brand; required for a DEALER, absent for a THIRD_PARTY") Long brandId,
		@Schema(example = "+8657188001234") String contactPhone,
		@NotNull @Valid Coverage coverage,
		@NotNull Map<ServiceType, @NotNull @PositiveOrZero Integer> dailyCapacity) {

	public record Coverage(
			@NotEmpty @Size(max = 500) @Schema(example = "[\"330106\", \"330102\"]") List<@NotBlank String> regionCodes,
			@Valid GeoPoint centre,
			@DecimalMin(value = "0.1", message = "must be at least 0.1 km")
			@DecimalMax(value = "500", message = "must be at most 500 km") Double radiusKm) {
	}

}
