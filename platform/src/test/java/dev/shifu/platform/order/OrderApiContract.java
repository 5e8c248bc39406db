package dev.shifu.platform.order;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.http.MediaType;

import dev.shifu.platform.identity.BrandAccounts.IssuedBrand;
import dev.shifu.platform.identity.Role;
import dev.shifu.platform.support.Api;
import dev.shifu.platform.support.PlatformIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/** The brand order API over real HTTP; run once on H2 and once on MariaDB by the two subclasses. */
abstract class OrderApiContract extends PlatformIntegrationTest {

	private IssuedBrand brand;

	private Api api;

	@BeforeEach
	void newBrand_() {
		brand = newBrand();
		api = asBrand(brand);
	}

	@Test
	void createsAnOrderWithRequirementsFromTheCatalog() {
		Api.Reply reply = api.post("/api/v1/orders", OrderJson.wardrobe("EXT-1"));

		assertThat(reply.status()).isEqualTo(201);
		JsonNode order = reply.json();
		assertThat(reply.headers().getLocation()).hasToString("/api/v1/orders/" + order.get("id").asLong());
		assertThat(order.get("status").asText()).isEqualTo("RECEIVED");
		assertThat(order.at("/consumer/phone").asText()).isEqualTo("+8613812345678");
		assertThat(order.at("/requirements/crewSize").asInt()).as("a wardrobe needs two people").isEqualTo(2);
		assertThat(order.at("/requirements/skills").toString()).contains("WARDROBE", "DELIVERY");
		JsonNode detail = api.get("/api/v1/orders/" + order.get("id").asLong()).json();
		assertThat(detail.at("/history/0/to").asText()).isEqualTo("RECEIVED");
	}

	@Test
	void replayWithTheSameIdempotencyKeyReturnsTheFirstOrder() {
		Map<String, Object> body = OrderJson.wardrobe("EXT-2");
		Api.Reply first = api.post("/api/v1/orders", body, h -> h.set("Idempotency-Key", "key-2"));
		Api.Reply second = api.post("/api/v1/orders", body, h -> h.set("Idempotency-Key", "key-2"));

		assertThat(first.status()).isEqualTo(201);
		assertThat(second.status()).isEqualTo(200);
		assertThat(second.headers().getFirst("Idempotent-Replayed")).isEqualTo("true");
		assertThat(second.json().get("id")).isEqualTo(first.json().get("id"));
		assertThat(orderCount()).isEqualTo(1);
	}

	@Test
	void replayOfTheSameExternalOrderIdWithoutKeyCreatesNothingTwice() {
		Api.Reply first = api.post("/api/v1/orders", OrderJson.wardrobe("EXT-3"));
		Api.Reply second = api.post("/api/v1/orders", OrderJson.wardrobe("EXT-3"));

		assertThat(second.status()).isEqualTo(200);
		assertThat(second.json().get("id")).isEqualTo(first.json().get("id"));
		assertThat(orderCount()).isEqualTo(1);
	}

	@Test
	void sameKeyWithADifferentBodyIsAConflictAndWritesNothing() {
		api.post("/api/v1/orders", OrderJson.wardrobe("EXT-4"), h -> h.set("Idempotency-Key", "key-4"));
		Api.Reply reply = api.post("/api/v1/orders", OrderJson.wardrobe("EXT-5"), h -> h.set("Idempotency-Key", "key-4"));

		assertThat(reply.status()).isEqualTo(409);
		assertThat(reply.contentType()).startsWith("application/problem+json");
		assertThat(orderCount()).isEqualTo(1);
	}

	@Test
	void sameExternalOrderIdWithADifferentBodyIsAConflict() {
		api.post("/api/v1/orders", OrderJson.wardrobe("EXT-6"));
		Map<String, Object> changed = OrderJson.wardrobe("EXT-6");
		changed.put("memberTier", "PLATINUM");

		Api.Reply reply = api.post("/api/v1/orders", changed);

		assertThat(reply.status()).isEqualTo(409);
		assertThat(reply.json().get("type").asText()).endsWith("external-order-id-reused");
	}

	@Test
	void anotherBrandCannotSeeListOrChangeTheOrder() {
		long id = api.post("/api/v1/orders", OrderJson.wardrobe("EXT-7")).json().get("id").asLong();
		Api other = asBrand(newBrand());

		assertThat(other.get("/api/v1/orders/" + id).status()).isEqualTo(404);
		assertThat(other.post("/api/v1/orders/" + id + "/cancel", Map.of("reason", "x")).status()).isEqualTo(404);
		assertThat(other.post("/api/v1/orders/" + id + "/goods-status", Map.of("status", "ARRIVED")).status()).isEqualTo(404);
		assertThat(other.get("/api/v1/orders").json().at("/page/totalElements").asInt()).isZero();
		assertThat(api.get("/api/v1/orders/" + id).json().get("status").asText()).isEqualTo("RECEIVED");
	}

	@Test
	void platformStaffSeeTheOrderWithTheConsumerPhoneMasked() {
		long id = api.post("/api/v1/orders", OrderJson.wardrobe("EXT-8")).json().get("id").asLong();

		JsonNode seen = asNewUser(Role.DISPATCHER, null).get("/api/v1/orders/" + id).json();

		assertThat(seen.at("/consumer/phone").asText()).isEqualTo("138****5678");
	}

	@Test
	void cancelMovesTheOrderToCancelledOnceAndRecordsWhy() {
		long id = api.post("/api/v1/orders", OrderJson.wardrobe("EXT-9")).json().get("id").asLong();

		Api.Reply cancelled = api.post("/api/v1/orders/" + id + "/cancel", Map.of("reason", "consumer moved house"));
		Api.Reply retried = api.post("/api/v1/orders/" + id + "/cancel", Map.of("reason", "consumer moved house"));
		Api.Reply different = api.post("/api/v1/orders/" + id + "/cancel", Map.of("reason", "another reason"));

		assertThat(cancelled.status()).isEqualTo(200);
		assertThat(cancelled.json().get("status").asText()).isEqualTo("CANCELLED");
		assertThat(cancelled.json().at("/history/1/reason").asText()).isEqualTo("consumer moved house");
		assertThat(retried.json().get("history")).hasSize(2);
		assertThat(different.status()).isEqualTo(409);
		assertThat(different.json().get("type").asText()).endsWith("illegal-transition");
	}

	@Test
	void goodsStatusOnlyMovesForward() {
		long id = api.post("/api/v1/orders", OrderJson.wardrobe("EXT-10")).json().get("id").asLong();
		String path = "/api/v1/orders/" + id + "/goods-status";

		Api.Reply noDate = api.post(path, Map.of("status", "SHIPPED"));
		Api.Reply arrived = api.post(path, Map.of("status", "ARRIVED"));
		Api.Reply backwards = api.post(path, Map.of("status", "NOT_SHIPPED"));

		assertThat(noDate.status()).isEqualTo(400);
		assertThat(noDate.json().get("field").asText()).isEqualTo("expectedArrival");
		assertThat(arrived.json().at("/goods/status").asText()).isEqualTo("ARRIVED");
		assertThat(backwards.status()).isEqualTo(409);
	}

	@Test
	void listFiltersByStatusRegionAndCreationDate() {
		api.post("/api/v1/orders", OrderJson.wardrobe("EXT-11", "330106"));
		long binjiang = api.post("/api/v1/orders", OrderJson.wardrobe("EXT-12", "330108")).json().get("id").asLong();
		api.post("/api/v1/orders/" + binjiang + "/cancel", Map.of("reason", "duplicate purchase"));

		assertThat(externalIds(api.get("/api/v1/orders?region=330106"))).containsExactly("EXT-11");
		assertThat(externalIds(api.get("/api/v1/orders?region=330100"))).containsExactlyInAnyOrder("EXT-11", "EXT-12");
		assertThat(externalIds(api.get("/api/v1/orders?status=CANCELLED"))).containsExactly("EXT-12");
		assertThat(externalIds(api.get("/api/v1/orders?from=" + OrderJson.today()))).hasSize(2);
		assertThat(externalIds(api.get("/api/v1/orders?from=" + OrderJson.today().plusDays(1)))).isEmpty();
		assertThat(api.get("/api/v1/orders?size=1").json().at("/page/totalPages").asInt()).isEqualTo(2);
	}

	@Test
	void importKeepsValidRowsReportsRejectedOnesAndCreatesNothingTwiceOnResend() {
		String csv = """
				externalOrderId,consumerName,consumerPhone,address,regionCode,lat,lng,serviceType,memberTier,goodsStatus,expectedArrival,promisedBy,items
				CSV-1,王芳,13912345678,"杭州市滨江区江南大道 100 号, 2 幢",330108,30.2084,120.2119,INSTALLATION,SILVER,ARRIVED,,,DR-800|Walnut door|DOOR|2|true
				CSV-2,张伟,12345,杭州市某地,999999,30.2,120.2,INSTALLATION,NORMAL,ARRIVED,,,DR-800|Walnut door|DOOR|1|false
				CSV-3,刘洋,15812345678,杭州市西湖区古墩路 1 号,330106,30.28,120.10,DELIVERY,GOLD,SHIPPED,%s,,SF-3S|Sofa|SOFA|1
				""".formatted(OrderJson.today().plusDays(3));

		JsonNode report = api.postRaw("/api/v1/orders:import", csv, MediaType.parseMediaType("text/csv")).json();
		JsonNode again = api.postRaw("/api/v1/orders:import", csv, MediaType.parseMediaType("text/csv")).json();

		assertThat(report.get("total").asInt()).isEqualTo(3);
		assertThat(report.get("accepted").asInt()).isEqualTo(2);
		assertThat(report.get("rejected").asInt()).isEqualTo(1);
		JsonNode rejected = report.at("/rejectedRows/0");
		assertThat(rejected.get("line").asInt()).isEqualTo(3);
		assertThat(rejected.get("key").asText()).isEqualTo("CSV-2");
		assertThat(rejected.get("errors").findValuesAsText("field")).contains("consumer.regionCode", "consumer.phone");
		assertThat(again.get("accepted").asInt()).isZero();
		assertThat(again.get("duplicates").asInt()).isEqualTo(2);
		assertThat(orderCount()).isEqualTo(2);
	}

	static Stream<Arguments> badOrders() {
		return Stream.of(
				Arguments.of("missing consumer name", (Mutation) b -> OrderJson.consumer(b).remove("name"), 400, "consumer.name"),
				Arguments.of("unknown service type", (Mutation) b -> b.put("serviceType", "TELEPORT"), 400, "serviceType"),
				Arguments.of("latitude out of range", (Mutation) b -> OrderJson.consumer(b).put("location", Map.of("lat", 95.0, "lng", 120.0)), 400, "consumer.location.lat"),
				Arguments.of("unknown region code", (Mutation) b -> OrderJson.consumer(b).put("regionCode", "999999"), 400, "consumer.regionCode"),
				Arguments.of("invalid phone", (Mutation) b -> OrderJson.consumer(b).put("phone", "12345"), 400, "consumer.phone"),
				Arguments.of("no items", (Mutation) b -> b.put("items", List.of()), 400, "items"),
				Arguments.of("quantity as text", (Mutation) b -> b.put("items", List.of(Map.of("sku", "A", "name", "A", "category", "DOOR", "quantity", "many"))), 400, "items[0].quantity"),
				Arguments.of("fractional quantity", (Mutation) b -> b.put("items", List.of(Map.of("sku", "A", "name", "A", "category", "DOOR", "quantity", 1.5))), 400, "items[0].quantity"),
				Arguments.of("phone as a JSON number", (Mutation) b -> OrderJson.consumer(b).put("phone", 13812345678L), 400, "consumer.phone"),
				Arguments.of("unknown field (typo)", (Mutation) b -> b.put("promisedby", OrderJson.today().plusDays(7).toString()), 400, "promisedby"),
				Arguments.of("unknown nested field", (Mutation) b -> OrderJson.consumer(b).put("fone", "13812345678"), 400, "consumer.fone"),
				Arguments.of("service type as a number", (Mutation) b -> b.put("serviceType", 1), 400, "serviceType"),
				Arguments.of("text for a flag", (Mutation) b -> b.put("items", List.of(itemWith("serialNumberRequired", "yes"))), 400, "items[0].serialNumberRequired"),
				Arguments.of("shipped without a date", (Mutation) b -> b.put("goods", Map.of("status", "SHIPPED")), 400, "goods.expectedArrival"),
				Arguments.of("promise in the past", (Mutation) b -> b.put("promisedBy", OrderJson.today().minusDays(1).toString()), 400, "promisedBy"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("badOrders")
	void badInputIsAProblemNamingTheFieldAndWritesNothing(String name, Mutation mutation, int status, String field) {
		Map<String, Object> body = OrderJson.wardrobe("EXT-BAD");
		mutation.apply(body);

		Api.Reply reply = api.post("/api/v1/orders", body);

		assertThat(reply.status()).isEqualTo(status);
		assertThat(reply.contentType()).startsWith("application/problem+json");
		assertThat(reply.json().get("errors").findValuesAsText("field")).contains(field);
		assertThat(orderCount()).isZero();
	}

	@Test
	void malformedJsonIsAProblemAboutTheBody() {
		Api.Reply reply = api.postRaw("/api/v1/orders", "{\"externalOrderId\": ", MediaType.APPLICATION_JSON);

		assertThat(reply.status()).isEqualTo(400);
		assertThat(reply.json().get("field").asText()).isEqualTo("body");
	}

	@Test
	void anOmittedOptionalFieldIsStillFine() {
		Map<String, Object> body = OrderJson.wardrobe("EXT-OPTIONAL");
		body.put("items", List.of(Map.of("sku", "A", "name", "A", "category", "DOOR", "quantity", 1)));
		body.remove("memberTier");

		assertThat(api.post("/api/v1/orders", body).status()).isEqualTo(201);
	}

	@Test
	void anArrayOrNullBodySaysAJsonObjectIsExpected() {
		for (String body : List.of("[" + "{\"externalOrderId\": \"EXT-ARRAY\"}" + "]", "null", "\"text\"")) {
			Api.Reply reply = api.postRaw("/api/v1/orders", body, MediaType.APPLICATION_JSON);

			assertThat(reply.status()).as(body).isEqualTo(400);
			assertThat(reply.contentType()).startsWith("application/problem+json");
			assertThat(reply.json().get("field").asText()).isEqualTo("body");
			assertThat(reply.json().get("detail").asText()).as(body).contains("JSON object").doesNotContain("not valid JSON");
		}
		assertThat(orderCount()).isZero();
	}

	@Test
	void anUnknownApiPathIsAPlainNotFoundProblem() {
		Api.Reply reply = api.get("/api/v1/orderz/1");

		assertThat(reply.status()).isEqualTo(404);
		assertThat(reply.contentType()).startsWith("application/problem+json");
		assertThat(reply.json().get("detail").asText()).isEqualTo("There is no such endpoint");
		assertThat(reply.body()).doesNotContain("static resource", "No ");
	}

	@Test
	void theOwningBrandReadsTheConsumerLinkAndNoOneElseDoes() {
		long id = api.post("/api/v1/orders", OrderJson.wardrobe("EXT-LINK")).json().get("id").asLong();

		String link = api.get("/api/v1/orders/" + id).json().path("consumerLink").asText(null);

		assertThat(link).matches("https?://.+/c/[A-Za-z0-9_-]{32}");
		String token = link.substring(link.indexOf("/c/") + 3);
		assertThat(anonymous().get("/api/v1/consumer/" + token).json().get("orderNumber").asText()).isEqualTo("EXT-LINK");
		for (Role staff : List.of(Role.ADMIN, Role.DISPATCHER, Role.CUSTOMER_SERVICE)) {
			Api.Reply view = asNewUser(staff, null).get("/api/v1/orders/" + id);
			assertThat(view.status()).isEqualTo(200);
			assertThat(view.json().has("consumerLink")).as(staff.name()).isFalse();
			assertThat(view.body()).as(staff.name()).doesNotContain(token);
		}
		assertThat(asBrand(newBrand()).get("/api/v1/orders/" + id).status()).isEqualTo(404);
	}

	@Test
	void importNamesPhysicalLinesAndRejectsRowsWithExtraColumns() {
		String csv = """
				externalOrderId,consumerName,consumerPhone,address,regionCode,lat,lng,serviceType,memberTier,goodsStatus,expectedArrival,promisedBy,items
				CSV-L1,王芳,13912345678,"杭州市滨江区江南大道 100 号
				2 幢 501",330108,30.2084,120.2119,INSTALLATION,SILVER,ARRIVED,,,DR-800|Walnut door|DOOR|2|true
				CSV-L2,张伟,13912345679,杭州市西湖区古墩路 1 号,330106,30.28,120.10,INSTALLATION,NORMAL,ARRIVED,,,DR-800|Walnut door|DOOR|1|false,surplus
				CSV-L3,刘洋,12345,杭州市西湖区古墩路 2 号,330106,30.28,120.10,INSTALLATION,NORMAL,ARRIVED,,,DR-800|Walnut door|DOOR|1|false
				""";

		JsonNode report = api.postRaw("/api/v1/orders:import", csv, MediaType.parseMediaType("text/csv")).json();

		assertThat(report.get("accepted").asInt()).isEqualTo(1);
		assertThat(report.get("rejected").asInt()).isEqualTo(2);
		assertThat(report.at("/rejectedRows/0/line").asInt()).as("the second record starts on line 4").isEqualTo(4);
		assertThat(report.at("/rejectedRows/0/key").asText()).isEqualTo("CSV-L2");
		assertThat(report.at("/rejectedRows/0/errors").findValuesAsText("field")).containsExactly("row");
		assertThat(report.at("/rejectedRows/1/line").asInt()).isEqualTo(5);
		assertThat(orderCount()).isEqualTo(1);
	}

	@Test
	void importWithAnUnclosedQuoteIsRefusedNamingItsLineAndWritesNothing() {
		String csv = """
				externalOrderId,consumerName,consumerPhone,address,regionCode,lat,lng,serviceType,memberTier,goodsStatus,expectedArrival,promisedBy,items
				CSV-Q1,王芳,13912345678,杭州市滨江区江南大道 100 号,330108,30.2084,120.2119,INSTALLATION,SILVER,ARRIVED,,,DR-800|Walnut door|DOOR|2|true
				CSV-Q2,张伟,13912345679,"杭州市西湖区古墩路 1 号,330106,30.28,120.10,INSTALLATION,NORMAL,ARRIVED,,,DR-800|Walnut door|DOOR|1|false
				CSV-Q3,刘洋,13912345670,杭州市西湖区古墩路 2 号,330106,30.28,120.10,INSTALLATION,NORMAL,ARRIVED,,,DR-800|Walnut door|DOOR|1|false
				""";

		Api.Reply reply = api.postRaw("/api/v1/orders:import", csv, MediaType.parseMediaType("text/csv"));

		assertThat(reply.status()).isEqualTo(400);
		assertThat(reply.json().get("field").asText()).isEqualTo("file");
		assertThat(reply.json().get("detail").asText()).contains("line 3");
		assertThat(orderCount()).isZero();
	}

	@Test
	void wrongContentTypeIsUnsupportedMediaType() {
		Api.Reply reply = api.postRaw("/api/v1/orders", "externalOrderId=1", MediaType.APPLICATION_FORM_URLENCODED);

		assertThat(reply.status()).isEqualTo(415);
		assertThat(reply.json().get("field").asText()).isEqualTo("Content-Type");
	}

	@Test
	void oversizedBodyAndOversizedBatchAreRefused() {
		String huge = "{\"externalOrderId\": \"" + "x".repeat(1_100_000) + "\"}";
		StringBuilder batch = new StringBuilder("externalOrderId\n");
		for (int i = 0; i < 5001; i++) {
			batch.append("B-").append(i).append('\n');
		}

		Api.Reply body = api.postRaw("/api/v1/orders", huge, MediaType.APPLICATION_JSON);
		Api.Reply rows = api.postRaw("/api/v1/orders:import", batch.toString(), MediaType.parseMediaType("text/csv"));

		assertThat(body.status()).isEqualTo(413);
		assertThat(rows.status()).isEqualTo(413);
		assertThat(rows.json().get("field").asText()).isEqualTo("rows");
		assertThat(orderCount()).isZero();
	}

	@Test
	void unknownOrderIsNotFoundAsProblem() {
		Api.Reply reply = api.get("/api/v1/orders/987654321");

		assertThat(reply.status()).isEqualTo(404);
		assertThat(reply.contentType()).startsWith("application/problem+json");
	}

	private static Map<String, Object> itemWith(String field, Object value) {
		Map<String, Object> item = new java.util.HashMap<>(Map.of("sku", "A", "name", "A", "category", "DOOR", "quantity", 1));
		item.put(field, value);
		return item;
	}

	private int orderCount() {
		return api.get("/api/v1/orders?size=1").json().at("/page/totalElements").asInt();
	}

	private static List<String> externalIds(Api.Reply reply) {
		List<String> ids = new ArrayList<>();
		reply.json().get("content").forEach(o -> ids.add(o.get("externalOrderId").asText()));
		return ids;
	}

	@FunctionalInterface
	interface Mutation {

		void apply(Map<String, Object> body);

	}

}
