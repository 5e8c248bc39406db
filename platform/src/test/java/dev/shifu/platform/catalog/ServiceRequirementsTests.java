package dev.shifu.platform.catalog;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import dev.shifu.platform.support.PlatformIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

class ServiceRequirementsTests extends PlatformIntegrationTest {

	@Autowired
	private ServiceCatalog catalog;

	@Autowired
	private Regions regions;

	@Test
	void heavyGoodsNeedATwoPersonCrewAndTheirCategorySkill() {
		ServiceRequirements wardrobe = catalog.requirements(ServiceType.DELIVERY_AND_INSTALLATION,
				List.of(ProductCategory.WARDROBE), 1);

		assertThat(wardrobe.crewSize()).isEqualTo(2);
		assertThat(wardrobe.skills()).containsExactlyInAnyOrder(Skill.WARDROBE, Skill.DELIVERY);
	}

	@Test
	void plainDeliveryNeedsNoInstallationSkillAndExtraItemsTakeLonger() {
		ServiceRequirements one = catalog.requirements(ServiceType.DELIVERY, List.of(ProductCategory.DOOR), 1);
		ServiceRequirements three = catalog.requirements(ServiceType.DELIVERY, List.of(ProductCategory.DOOR), 3);

		assertThat(one.skills()).containsExactly(Skill.DELIVERY);
		assertThat(three.durationMinutes()).isGreaterThan(one.durationMinutes());
	}

	@Test
	void feeFallsBackFromDistrictToCity() {
		assertThat(catalog.feeCents(ServiceType.INSTALLATION, "330127")).contains(22000L);
		assertThat(catalog.feeCents(ServiceType.INSTALLATION, "330106")).contains(15000L);
		assertThat(catalog.feeCents(ServiceType.INSTALLATION, "110105")).isEmpty();
	}

	@Test
	void knowsHangzhouDistrictsAndRejectsMadeUpCodes() {
		assertThat(regions.exists("330106")).isTrue();
		assertThat(regions.find("330106").map(Regions.Region::parentCode)).contains("330100");
		assertThat(regions.exists("999999")).isFalse();
	}

}
