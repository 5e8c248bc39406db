package dev.shifu.platform.network;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.http.MediaType;

import dev.shifu.platform.identity.BrandAccounts.IssuedBrand;
import dev.shifu.platform.identity.Role;
import dev.shifu.platform.support.Api;
import dev.shifu.platform.support.PlatformIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

abstract class NetworkApiContract extends PlatformIntegrationTest {

	private Api admin;

	private IssuedBrand brand;

	@BeforeEach
	void setUp() {
		admin = asNewUser(Role.ADMIN, null);
		brand = newBrand();
	}

	static Map<String, Object> dealer(long brandId) {
		return Map.of("name", "Xihu dealer", "type", "DEALER", "brandId", brandId, "contactPhone", "0571-88001234",
				"coverage", Map.of("regionCodes", List.of("330106", "330105"), "centre", Map.of("lat", 30.27, "lng", 120.13),
						"radiusKm", 15),
				"dailyCapacity", Map.of("INSTALLATION", 20, "DELIVERY", 40));
	}

	static Map<String, Object> installer(String phone) {
		return Map.of("name", "王师傅", "phone", phone, "skills", List.of("DOOR", "WARDROBE"),
				"certificates", List.of(Map.of("skill", "WARDROBE", "number", "ZJ-1", "expiresOn", "2027-06-30")),
				"homeBase", Map.of("lat", 30.28, "lng", 120.11),
				"shifts", List.of(Map.of("day", "MONDAY", "start", "08:00", "end", "18:00")),
				"leaveDays", List.of("2026-12-24"), "crewSize", 2);
	}

	@Test
	void adminCreatesADealerWithNormalisedPhoneAndCoverage() {
		Api.Reply reply = admin.post("/api/v1/providers", dealer(brand.brandId()));

		assertThat(reply.status()).isEqualTo(201);
		JsonNode provider = reply.json();
		assertThat(provider.get("contactPhone").asText()).isEqualTo("+8657188001234");
		assertThat(provider.get("regionCodes").toString()).contains("330106", "330105");
		assertThat(provider.get("status").asText()).isEqualTo("ACTIVE");
		assertThat(provider.at("/dailyCapacity/INSTALLATION").asInt()).isEqualTo(20);
	}

	@Test
	void dealerWithoutBrandAndUnknownRegionAreRejectedByField() {
		Map<String, Object> body = new java.util.HashMap<>(dealer(brand.brandId()));
		body.remove("brandId");
		body.put("coverage", Map.of("regionCodes", List.of("330106", "123456")));

		Api.Reply reply = admin.post("/api/v1/providers", body);

		assertThat(reply.status()).isEqualTo(400);
		assertThat(reply.json().get("errors").findValuesAsText("field")).contains("brandId", "coverage.regionCodes[1]");
	}

	@Test
	void suspendingTwiceIsAConflict() {
		long id = admin.post("/api/v1/providers", dealer(brand.brandId())).json().get("id").asLong();

		Api.Reply first = admin.post("/api/v1/providers/" + id + "/suspend", null);
		Api.Reply second = admin.post("/api/v1/providers/" + id + "/suspend", null);

		assertThat(first.json().get("status").asText()).isEqualTo("SUSPENDED");
		assertThat(second.status()).isEqualTo(409);
	}

	@Test
	void providerAdminManagesOnlyItsOwnInstallers() {
		long own = admin.post("/api/v1/providers", dealer(brand.brandId())).json().get("id").asLong();
		long other = admin.post("/api/v1/providers", dealer(brand.brandId())).json().get("id").asLong();
		Api providerAdmin = asNewUser(Role.PROVIDER_ADMIN, own);

		Api.Reply created = providerAdmin.post("/api/v1/providers/" + own + "/installers", installer("13900001111"));
		Api.Reply foreign = providerAdmin.post("/api/v1/providers/" + other + "/installers", installer("13900002222"));

		assertThat(created.status()).isEqualTo(201);
		assertThat(created.json().get("crewSize").asInt()).isEqualTo(2);
		assertThat(foreign.status()).isEqualTo(404);
		assertThat(providerAdmin.get("/api/v1/providers/" + other + "/installers").status()).isEqualTo(404);
		assertThat(providerAdmin.get("/api/v1/providers").json().findValuesAsText("id")).containsExactly(String.valueOf(own));
		assertThat(providerAdmin.post("/api/v1/providers", dealer(brand.brandId())).status()).isEqualTo(403);
		assertThat(admin.get("/api/v1/providers/" + other + "/installers").json()).isEmpty();
	}

	@Test
	void installerImportReportsCountsAndRowErrorsAndSkipsDuplicates() {
		long provider = admin.post("/api/v1/providers", dealer(brand.brandId())).json().get("id").asLong();
		String csv = """
				name,phone,skills,crewSize,homeLat,homeLng,shifts,certificates,leaveDays
				张师傅,13711112222,DOOR;WARDROBE,1,30.27,120.13,MON-SAT 08:00-18:00,WARDROBE:ZJ-9:2027-01-31,2026-12-25
				李师傅,13711113333,DOOR;TELEPORT,3,95,120.13,MONDAY 8-18,,
				赵师傅,13711114444,SOFA,2,30.30,120.15,TUE-SUN 09:00-17:30,,
				""";

		JsonNode report = admin.postRaw("/api/v1/providers/" + provider + "/installers:import", csv,
				MediaType.parseMediaType("text/csv")).json();
		JsonNode again = admin.postRaw("/api/v1/providers/" + provider + "/installers:import", csv,
				MediaType.parseMediaType("text/csv")).json();

		assertThat(report.get("accepted").asInt()).isEqualTo(2);
		assertThat(report.get("rejected").asInt()).isEqualTo(1);
		assertThat(report.at("/rejectedRows/0/line").asInt()).isEqualTo(3);
		assertThat(report.at("/rejectedRows/0/errors").findValuesAsText("field")).contains("skills[1]", "shifts[0]",
				"crewSize", "homeBase.lat");
		assertThat(again.get("duplicates").asInt()).isEqualTo(2);
		JsonNode installers = admin.get("/api/v1/providers/" + provider + "/installers").json();
		assertThat(installers).hasSize(2);
		assertThat(installers.get(0).get("shifts")).hasSize(6);
	}

}
