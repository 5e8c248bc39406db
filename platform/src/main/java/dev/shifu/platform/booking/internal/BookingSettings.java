package dev.shifu.platform.booking.internal;

import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.Configuration;

import dev.shifu.platform.order.MemberTier;

/**
 * The consumer's booking: windows, tier rights, reschedules and cancellation ({@code shifu.booking.*}).
 *
 * @param windowDays how many days ahead windows are offered
 * @param goodsMarginDays for SHIPPED goods, days after the expected arrival before the first window
 * @param maxReschedules how often a consumer may move a booked window; then the page offers a call-back
 * @param approvalBefore a reschedule closer than this to the booked window needs a dispatcher's approval
 * @param windows the default window catalogue (region's local time)
 * @param catalogues per brand code, then per service type (or {@code "*"}): that brand's own catalogue
 * @param tiers per brand code (or {@code "default"}): member tier rights
 * @param cancel per brand code (or {@code "default"}): when a consumer may cancel
 * @param horizons per brand code: that brand's own {@code windowDays}
 */
@ConfigurationProperties("shifu.booking")
record BookingSettings(@DefaultValue("14") int windowDays, @DefaultValue("1") int goodsMarginDays,
		@DefaultValue("2") int maxReschedules, @DefaultValue("24h") Duration approvalBefore, List<WindowDef> windows,
		Map<String, Map<String, List<WindowDef>>> catalogues, Map<String, TierRights> tiers,
		Map<String, CancelRule> cancel, Map<String, Integer> horizons) {

	static final String EVENING = "EVENING";

	static final List<WindowDef> DEFAULT_WINDOWS = List.of(new WindowDef("MORNING", LocalTime.of(9, 0), LocalTime.of(12, 0)),
			new WindowDef("AFTERNOON", LocalTime.of(13, 0), LocalTime.of(17, 0)),
			new WindowDef(EVENING, LocalTime.of(18, 0), LocalTime.of(21, 0)));

	static final TierRights DEFAULT_TIERS = new TierRights(
			Map.of(MemberTier.PLATINUM, 1, MemberTier.GOLD, 1, MemberTier.SILVER, 2, MemberTier.NORMAL, 2),
			Set.of(MemberTier.PLATINUM), Set.of(MemberTier.PLATINUM), 4.8);

	/** A window of the catalogue: {@code EVENING} is the evening window of the tier rights. */
	record WindowDef(String code, LocalTime start, LocalTime end) {
	}

	/**
	 * @param firstDay days after today of a tier's first window
	 * @param evening tiers that see the evening window
	 * @param premium tiers that may ask for a premium installer
	 * @param premiumRating a premium installer's rating at least
	 */
	record TierRights(Map<MemberTier, Integer> firstDay, Set<MemberTier> evening, Set<MemberTier> premium,
			Double premiumRating) {

		int firstDayOf(MemberTier tier) {
			// A brand that names some tiers keeps the defaults for the others (GOLD stays next-day).
			Integer own = firstDay == null ? null : firstDay.get(tier);
			return own != null ? own : DEFAULT_TIERS.firstDay().getOrDefault(tier, 2);
		}

		boolean evening(MemberTier tier) {
			return (evening == null ? DEFAULT_TIERS.evening() : evening).contains(tier);
		}

		boolean premium(MemberTier tier) {
			return (premium == null ? DEFAULT_TIERS.premium() : premium).contains(tier);
		}

		double rating() {
			return premiumRating == null ? 4.8 : premiumRating;
		}

	}

	/** When a consumer may cancel from the link. */
	enum CancelRule {
		/** Until a provider is assigned. */
		BEFORE_DISPATCH,
		/** Until the day before the visit (in the region's zone). */
		BEFORE_DAY,
		/** Never: the consumer calls the brand. */
		NEVER
	}

	List<WindowDef> catalogue(String brandCode, String serviceType) {
		Map<String, List<WindowDef>> brand = catalogues == null ? null : catalogues.get(brandCode);
		if (brand != null) {
			List<WindowDef> own = brand.getOrDefault(serviceType, brand.get("*"));
			if (own != null && !own.isEmpty()) {
				return own;
			}
		}
		return windows == null || windows.isEmpty() ? DEFAULT_WINDOWS : windows;
	}

	TierRights tiersOf(String brandCode) {
		TierRights rights = tiers == null ? null : tiers.getOrDefault(brandCode, tiers.get("default"));
		return rights == null ? DEFAULT_TIERS : rights;
	}

	/** How many days ahead the brand's consumers are offered windows. */
	int windowDaysOf(String brandCode) {
		Integer own = horizons == null ? null : horizons.get(brandCode);
		return own != null && own > 0 ? own : windowDays;
	}

	CancelRule cancelOf(String brandCode) {
		CancelRule rule = cancel == null ? null : cancel.getOrDefault(brandCode, cancel.get("default"));
		return rule == null ? CancelRule.BEFORE_DAY : rule;
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(BookingSettings.class)
	static class Config {

	}

}
