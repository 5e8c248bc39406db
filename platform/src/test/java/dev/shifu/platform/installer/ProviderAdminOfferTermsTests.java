package dev.shifu.platform.installer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.shifu.mobile.client.api.OffersApi;
import dev.shifu.mobile.client.model.Offer;
import dev.shifu.platform.identity.BrandAccounts.IssuedBrand;
import dev.shifu.platform.identity.Role;
import dev.shifu.platform.support.Api;
import dev.shifu.platform.support.ProcessDriver;

/**
 * A provider admin sees what an offer asks before accepting it, on the provider-admin API as in the app: the service
 * type, the items, the district and the distance from the provider's centre, the booked window and day, and the
 * region's fee. In a test city of its own (992900, V301), with its own fee.
 */
class ProviderAdminOfferTermsTests extends MobileClients {

	static final String DISTRICT = "992901";

	/** The orders' address and the dealer's centre. */
	static final double LAT = 27.50, LNG = 118.50, CENTRE_LAT = 27.53, CENTRE_LNG = 118.53;

	static LocalDate DAY = LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(2);

	@Autowired
	RuntimeService runtime;

	@Autowired
	ManagementService management;

	@Autowired
	HistoryService history;

	@Autowired
	TaskService taskService;

	ProcessDriver driver;

	IssuedBrand brand;

	Api brandApi;

	long dealerId;

	Api dealerAdmin;

	/** The dealer's installer who answers its offers in the app. */
	String appAdmin;

	@BeforeEach
	void dealer() {
		DAY = LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(2);
		driver = new ProcessDriver(runtime, management, history, taskService);
		admin = asNewUser(Role.ADMIN, null);
		brand = newBrand();
		brandApi = asBrand(brand);
		// Covers the district by its code; its centre, about 4.5 km from the address, is its base. Far from every other
		// test's addresses, with a radius too small to reach them, so no other city plans with this dealer.
		Api.Reply dealer = admin.post("/api/v1/providers", Map.of("name", unique("DEALER"), "type", "DEALER",
				"brandId", brand.brandId(), "contactPhone", "0571-88004321",
				"coverage", Map.of("regionCodes", List.of(DISTRICT), "centre", Map.of("lat", CENTRE_LAT, "lng", CENTRE_LNG),
						"radiusKm", 0.3),
				"dailyCapacity", Map.of("INSTALLATION", 20)));
		assertThat(dealer.status()).as(dealer.body()).isEqualTo(201);
		dealerId = dealer.json().get("id").asLong();
		dealerAdmin = asNewUser(Role.PROVIDER_ADMIN, dealerId);
		appAdmin = login(phones.get(newInstaller(dealerId, "师傅甲", true,
				Map.of("crewSize", 1, "homeBase", Map.of("lat", CENTRE_LAT, "lng", CENTRE_LNG))))).getAccessToken();
		Api.Reply fee = admin.put("/api/v1/catalog/service-types/INSTALLATION/fees/992900", Map.of("feeCents", 23400));
		assertThat(fee.status()).as(fee.body()).isEqualTo(204);
	}

	@Test
	void aProviderAdminsOfferListShowsEverythingBeingAcceptedAsTheAppDoes() {
		long order = bookedOrder("AFTERNOON");
		JsonNode offer = null;
		for (JsonNode o : dealerAdmin.get("/api/v1/offers?orderId=" + order).json()) {
			offer = o;
		}
		assertThat(offer).as("the dealer's offer").isNotNull();
		assertThat(offer.get("status").asText()).isEqualTo("OFFERED");
		assertThat(offer.get("serviceType").asText()).isEqualTo("INSTALLATION");
		assertThat(offer.get("items")).hasSize(2);
		JsonNode door = offer.get("items").get(0);
		assertThat(door.get("sku").asText()).isEqualTo("DR-800");
		assertThat(door.get("name").asText()).isEqualTo("Walnut door");
		assertThat(door.get("category").asText()).isEqualTo("DOOR");
		assertThat(door.get("quantity").asInt()).isEqualTo(2);
		assertThat(door.get("serialNumberRequired").asBoolean()).isTrue();
		assertThat(offer.get("items").get(1).get("serialNumberRequired").asBoolean()).isFalse();
		assertThat(offer.get("district").get("code").asText()).isEqualTo(DISTRICT);
		assertThat(offer.get("district").get("name").asText()).isEqualTo("测试报价区");
		assertThat(offer.get("distanceKm").asDouble()).isBetween(4.0, 5.0);
		ZoneId shanghai = ZoneId.of("Asia/Shanghai");
		assertThat(offer.get("bookedWindow").get("date").asText()).isEqualTo(DAY.toString());
		assertThat(java.time.OffsetDateTime.parse(offer.get("bookedWindow").get("start").asText()).toInstant())
			.isEqualTo(DAY.atTime(13, 0).atZone(shanghai).toInstant());
		assertThat(java.time.OffsetDateTime.parse(offer.get("bookedWindow").get("end").asText()).toInstant())
			.isEqualTo(DAY.atTime(17, 0).atZone(shanghai).toInstant());
		assertThat(offer.get("earliestDate").asText()).isEqualTo(DAY.toString());
		assertThat(offer.get("fee").get("amountCents").asLong()).as("the city's fee").isEqualTo(23400L);
		assertThat(offer.get("fee").get("currency").asText()).isEqualTo("CNY");

		// The app shows the provider admin the very same terms.
		long offerId = offer.get("id").asLong();
		Offer inApp = new OffersApi(client(appAdmin)).listOffers().stream().filter(o -> o.getId() == offerId).findFirst()
			.orElseThrow();
		assertThat(inApp.getServiceType().getValue()).isEqualTo(offer.get("serviceType").asText());
		assertThat(inApp.getItems()).extracting(i -> i.getSku() + "x" + i.getQuantity() + ":" + i.getSerialNumberRequired())
			.containsExactly("DR-800x2:true", "HW-KIT-1x1:false");
		assertThat(inApp.getDistrict().getCode()).isEqualTo(DISTRICT);
		assertThat(inApp.getDistanceKm()).isEqualTo(offer.get("distanceKm").asDouble());
		assertThat(inApp.getBookedWindow().getStart().toInstant()).isEqualTo(DAY.atTime(13, 0).atZone(shanghai).toInstant());
		assertThat(inApp.getEarliestDate()).isEqualTo(DAY);
		assertThat(inApp.getFee().getAmountCents()).isEqualTo(23400L);

		// Accepting answers with the same terms, and the order is the dealer's.
		Api.Reply accepted = dealerAdmin.post("/api/v1/offers/" + offerId + "/accept", null);
		assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
		assertThat(accepted.json().get("status").asText()).isEqualTo("ACCEPTED");
		assertThat(accepted.json().get("fee").get("amountCents").asLong()).isEqualTo(23400L);
		driver.drainUntil(order, () -> status(order).equals("SCHEDULED"), "scheduled through the provider admin's accept");
	}

	@Test
	void aDayBookingsOfferShowsTheDayWithoutWindowTimes() {
		long order = bookedOrder(null);
		JsonNode offer = dealerAdmin.get("/api/v1/offers?orderId=" + order).json().get(0);
		assertThat(offer.get("bookedWindow").get("date").asText()).isEqualTo(DAY.toString());
		assertThat(offer.get("bookedWindow").hasNonNull("start")).as("a day booking has no window times").isFalse();
		assertThat(offer.get("bookedWindow").hasNonNull("end")).isFalse();
		assertThat(offer.get("earliestDate").asText()).isEqualTo(DAY.toString());
		assertThat(offer.get("serviceType").asText()).isEqualTo("INSTALLATION");
		assertThat(offer.get("items")).hasSize(2);
		assertThat(offer.get("district").get("code").asText()).isEqualTo(DISTRICT);
		assertThat(offer.get("distanceKm").isNumber()).isTrue();
		assertThat(offer.get("fee").get("amountCents").asLong()).isEqualTo(23400L);
	}

	/** Booked for {@link #DAY}: the whole day by a dispatcher, or the consumer's window of that day; then offered. */
	long bookedOrder(String window) {
		Api.Reply reply = brandApi.post("/api/v1/orders", Map.of("externalOrderId", unique("TERMS"),
				"consumer", Map.of("name", "李娜", "phone", "13812345678", "address", "测试报价区 文三路 90 号",
						"regionCode", DISTRICT, "location", Map.of("lat", LAT, "lng", LNG)),
				"items", List.of(
						Map.of("sku", "DR-800", "name", "Walnut door", "category", "DOOR", "quantity", 2,
								"serialNumberRequired", true),
						Map.of("sku", "HW-KIT-1", "name", "Hinge kit", "category", "DOOR", "quantity", 1,
								"serialNumberRequired", false)),
				"serviceType", "INSTALLATION", "memberTier", "GOLD", "goods", Map.of("status", "ARRIVED"),
				"promisedBy", DAY.plusDays(7).toString()));
		assertThat(reply.status()).as(reply.body()).isEqualTo(201);
		long id = reply.json().get("id").asLong();
		driver.instanceOf(id);
		driver.drainUntil(id, () -> status(id).equals("AWAITING_BOOKING"), "booking link sent");
		Api.Reply booked = window == null ? admin.post("/api/v1/bookings/" + id, Map.of("date", DAY.toString()))
				: anonymous().post("/api/v1/consumer/" + consumerToken(id) + "/appointment",
						Map.of("date", DAY.toString(), "window", window));
		assertThat(booked.status()).as(booked.body()).isEqualTo(200);
		driver.drainUntil(id, () -> dealerAdmin.get("/api/v1/offers?orderId=" + id).json().size() > 0, "an offer");
		return id;
	}

	String status(long orderId) {
		return admin.get("/api/v1/orders/" + orderId).json().get("status").asText();
	}

	String consumerToken(long orderId) {
		String link = brandApi.get("/api/v1/orders/" + orderId).json().path("consumerLink").asText("");
		assertThat(link).contains("/c/");
		return link.substring(link.indexOf("/c/") + 3);
	}

}
