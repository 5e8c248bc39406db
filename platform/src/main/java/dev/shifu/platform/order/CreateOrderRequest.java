package dev.shifu.platform.order;

import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import dev.shifu.platform.catalog.ProductCategory;
import dev.shifu.platform.catalog.ServiceType;
import dev.shifu.platform.shared.GeoPoint;

/** A brand's service order as posted to the API or read from a CSV row. */
@Schema(description = "A brand's service order")
public record CreateOrderRequest(
		@NotBlank @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9._:/-]+", message = "may hold letters, digits and . _ : / -")
		@Schema(example = "MULAN-2026-000123") String externalOrderId,
		@NotNull @Valid Consumer consumer,
		@NotEmpty @Size(max = 50, message = "must hold 1 to 50 items") List<@NotNull @Valid Item> items,
		@NotNull @Schema(example = "DELIVERY_AND_INSTALLATION") ServiceType serviceType,
		@Schema(example = "GOLD", defaultValue = "NORMAL") MemberTier memberTier,
		@NotNull @Valid Goods goods,
		@Schema(example = "2026-12-10") LocalDate promisedBy,
		// Optional and absent from older requests: left out of the idempotency hash when null (STACK 44).
		@JsonInclude(JsonInclude.Include.NON_NULL) @Size(max = 1000)
		@Schema(example = "Door frame already fitted; call 30 min ahead", description = "Optional notes for the installer, shown as the job's special notes") String installationNotes) {

	/** An order without installation notes. */
	public CreateOrderRequest(String externalOrderId, Consumer consumer, List<Item> items, ServiceType serviceType,
			MemberTier memberTier, Goods goods, LocalDate promisedBy) {
		this(externalOrderId, consumer, items, serviceType, memberTier, goods, promisedBy, null);
	}

	public record Consumer(@NotBlank @Size(max = 100) @Schema(example = "李娜") String name,
			@NotBlank @Size(max = 30) @Schema(example = "13812345678") String phone,
			@NotBlank @Size(max = 300) @Schema(example = "浙江省杭州市西湖区文三路 90 号 3 幢 501") String address,
			@NotBlank @Pattern(regexp = "\\d{6}", message = "must be a 6-digit administrative division code")
			@Schema(example = "330106") String regionCode,
			@NotNull @Valid @Schema(example = "{\"lat\": 30.2765, \"lng\": 120.1229}") GeoPoint location,
			@Pattern(regexp = "zh-CN|en", message = "must be zh-CN or en")
			@Schema(example = "zh-CN", description = "The consumer's language for the link and messages; without it the consumer's browser decides") String locale,
			@jakarta.validation.constraints.Email @Size(max = 200)
			@Schema(example = "li.na@example.com", description = "Optional; messages also go by email when the platform sends email") String email) {

		public Consumer(String name, String phone, String address, String regionCode, GeoPoint location) {
			this(name, phone, address, regionCode, location, null, null);
		}
	}

	public record Item(@NotBlank @Size(max = 64) @Schema(example = "WD-2400-OAK") String sku,
			@NotBlank @Size(max = 200) @Schema(example = "2.4 m oak wardrobe") String name,
			@NotNull @Schema(example = "WARDROBE") ProductCategory category,
			@NotNull @Min(1) @Max(999) Integer quantity,
			@Schema(description = "Whether the installer must record a serial number") boolean serialNumberRequired) {
	}

	public record Goods(@NotNull @Schema(example = "SHIPPED") GoodsStatus status,
			@Schema(example = "2026-12-03", description = "Required when SHIPPED") LocalDate expectedArrival) {
	}

	public MemberTier tierOrDefault() {
		return memberTier == null ? MemberTier.NORMAL : memberTier;
	}

}
