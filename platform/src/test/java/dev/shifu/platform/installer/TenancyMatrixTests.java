package dev.shifu.platform.installer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.MethodParameter;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import dev.shifu.platform.identity.BrandAccounts.IssuedBrand;
import dev.shifu.platform.identity.Role;
import dev.shifu.platform.support.Api;

/**
 * Every route of the app, generated from its request mappings so that a new endpoint cannot be missed, called by
 * each outsider (nobody, another brand, another provider's admin and installer, another order's consumer link)
 * against one victim's objects: brand A's order in service on dealer P1's installer, an open offer to P1, the
 * consumer link, the API key. A leak is a 2xx on a path naming a victim's object (unless it answers exactly as for an
 * object that does not exist), any victim secret or personal detail in any answer, a 5xx, a 4xx that is not
 * problem+json, or any change to the victim's state. The owners' own reads are probed the same way and must be
 * flagged, so a blind probe (wrong ids, wrong query) cannot pass for a clean one.
 */
class TenancyMatrixTests extends InstallerFixture {

	private static final ObjectMapper JSON = new ObjectMapper();

	private static final Pattern VARIABLE = Pattern.compile("\\{([A-Za-z]+)(:[^}]*)?}");

	/** Ids no object has; long enough to be unknown, short enough for every id type. */
	private static final String NO_SUCH_ID = "987654321";

	private static final String NO_SUCH_TOKEN = "no-such-token-" + "0".repeat(24);

	@LocalServerPort
	int port;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

	/** The victim's objects, by the path or query variable that names them. */
	private final Map<String, String> victim = new LinkedHashMap<>();

	/** Strings that no outsider may ever read: secrets and the victim consumer's personal details. */
	private final Map<String, String> secrets = new LinkedHashMap<>();

	private long victimOrder;

	private long offeredOrder;

	private String victimToken;

	@Test
	void noOutsiderReadsChangesOrLearnsAnythingOfAnotherTenantOnAnyRoute() throws Exception {
		Victim world = victimWorld();
		List<Route> routes = routes();
		assertThat(routes).as("routes found in the request mappings").hasSizeGreaterThan(80);

		List<String> unknown = new ArrayList<>();
		for (Route route : routes) {
			for (String name : route.variables()) {
				if (!victim.containsKey(name)) {
					unknown.add(name + " in " + route);
				}
			}
		}
		assertThat(unknown).as("variables with no victim object: name one in victimWorld() so the route is probed").isEmpty();

		List<Caller> outsiders = outsiders();
		List<String> leaks = new ArrayList<>();
		int probes = 0;
		for (Caller outsider : outsiders) {
			// The victim's state is read before and after each outsider's whole pass: reading it around every write
			// would cost more than the probes. A change names the pass; rerun its writes one by one to find the route.
			State before = state(world);
			int found = leaks.size();
			int probed = 0;
			for (Route route : routes) {
				if (!outsider.probes(route)) {
					continue;
				}
				leaks.addAll(probe(outsider, route).leaks());
				probes++;
				probed++;
			}
			State after = state(world);
			if (!after.equals(before)) {
				leaks.add(outsider.name() + " changed the victim's state with one of its writes: " + before.diff(after));
			}
			System.out.printf("Tenancy matrix: %s probed %d routes, %d leaks%n", outsider.name(), probed, leaks.size() - found);
		}
		System.out.printf("Tenancy matrix: %d routes, %d outsiders, %d probes, %d leaks%n", routes.size(), outsiders.size(),
				probes, leaks.size());
		assertThat(routes.stream().filter(outsiders.get(outsiders.size() - 1)::probes))
			.as("region-scoped routes the other region's dispatcher probes")
			.hasSizeGreaterThan(15);
		assertThat(leaks).as("leaks").isEmpty();
	}

	@Test
	void theProbeFlagsTheOwnersOwnReadsSoItIsNotBlind() throws Exception {
		victimWorld();
		List<Caller> owners = List.of(new Caller("brand A", Credentials.apiKey(brand.apiKey()), null),
				new Caller("P1 admin", Credentials.basic(dealerAdminName, PASSWORD), null),
				new Caller("P1 installer", Credentials.bearer(tokenA), null),
				new Caller("victim consumer", Credentials.none(), victimToken),
				new Caller("dispatcher", Credentials.basic(dispatcherName, PASSWORD), null),
				new Caller("admin", Credentials.basic(adminName, PASSWORD), null));
		List<String> blind = new ArrayList<>();
		for (Route route : routes()) {
			if (route.writes() || route.stream() || route.variables().isEmpty()) {
				continue;
			}
			boolean seen = false;
			for (Caller owner : owners) {
				if (!probe(owner, route).leaks().isEmpty()) {
					seen = true;
					break;
				}
			}
			if (!seen && !OWNERLESS.contains(route.toString())) {
				blind.add(route.toString());
			}
		}
		assertThat(blind).as("reads of a victim object whose owners the probe does not tell from a stranger").isEmpty();
	}

	/** Reads with a path variable that name no victim object anybody owns: nothing for the self-check to see. */
	private static final Set<String> OWNERLESS = Set.of(
			// the world has no completed job, so no evidence record to read
			"GET /api/v1/reviews/evidence/{orderId}",
			// nor any job photo
			"GET /api/v1/reviews/photos/{photoId}",
			// no staff task is open on the victim's orders (accepted and offered orders wait on no person)
			"GET /api/v1/tasks/{taskId}", "GET /console/tasks/{taskId}",
			// the page's shell is the same for every token; the order comes from /api/v1/consumer/{token}
			"GET /c/{token}",
			// no re-optimization runs in the world, so the region's answers it "none" as an unknown region's would
			"GET /api/v1/dispatch/board/{region}/reoptimize", "GET /console/board/api/{region}/reoptimize");

	// ----- the victim's world -----

	record Victim(long order, long offeredOrder, long offerId, String token) {
	}

	private String adminName;

	private String dealerAdminName;

	private String dispatcherName;

	private Victim victimWorld() {
		adminName = unique("admin");
		accounts.createUser(adminName, PASSWORD, adminName, Set.of(Role.ADMIN), null, null);
		dispatcherName = unique("dispatcher");
		accounts.createUser(dispatcherName, PASSWORD, dispatcherName, Set.of(Role.DISPATCHER), null, null);
		assertThat(Api.user(http, adminName, PASSWORD)
			.put("/api/v1/users/" + dispatcherName + "/regions", Map.of("regions", List.of("330100")))
			.status()).isEqualTo(200);
		dealerAdminName = unique("p1admin");
		accounts.createUser(dealerAdminName, PASSWORD, dealerAdminName, Set.of(Role.PROVIDER_ADMIN), dealerId, null);
		String consumerName = "受害人" + UUID.randomUUID().toString().substring(0, 4);
		String consumerPhone = String.format("139%08d", Math.floorMod(UUID.randomUUID().getLeastSignificantBits(), 100_000_000L));
		String address = "杭州市西湖区保密路 " + Math.floorMod(consumerPhone.hashCode(), 900) + " 号";
		assertThat(brandApi.put("/api/v1/brand/webhook", Map.of("url", "http://127.0.0.1:9/victim-hook")).status()).isIn(200, 201);

		victimOrder = order(consumerName, consumerPhone, address);
		book(victimOrder);
		acceptOffer(victimOrder);
		planOn(victimOrder, installerA);
		driver.fireTimer(victimOrder, "InstallationDayTimer");
		assertThat(status(victimOrder)).isEqualTo("IN_SERVICE");
		assertThat(post(tokenA, victimOrder, event("EN_ROUTE", Instant.now(), LAT, LNG), "victim-en-route").status()).isEqualTo(200);

		offeredOrder = order(consumerName, consumerPhone, address);
		book(offeredOrder);
		driver.drainUntil(offeredOrder, () -> openOffer(offeredOrder) != null, "an offer to P1");
		long offerId = openOffer(offeredOrder).get("id").asLong();

		victimToken = consumerToken(victimOrder);
		String keyId = brandApi.get("/api/v1/brand/api-keys").json().get(0).get("keyId").asText();
		// Status changes reach the brand's webhook as deliveries, recorded after commit (the endpoint does not answer).
		eventually(() -> brandApi.get("/api/v1/brand/webhook/deliveries").json().path("content").size() > 0,
				"a webhook delivery of brand A");
		String deliveryId = brandApi.get("/api/v1/brand/webhook/deliveries").json().path("content").get(0).get("id").asText();

		victim.put("orderId", Long.toString(victimOrder));
		victim.put("jobId", Long.toString(victimOrder));
		victim.put("offerId", Long.toString(offerId));
		victim.put("providerId", Long.toString(dealerId));
		victim.put("installerId", Long.toString(installerA));
		victim.put("brandId", Long.toString(brand.brandId()));
		victim.put("keyId", keyId);
		victim.put("token", victimToken);
		victim.put("username", dispatcherName);
		victim.put("region", "330100");
		victim.put("regionCode", "330106");
		victim.put("type", "INSTALLATION");
		victim.put("date", DAY.toString());
		// Objects the world has at most one of per order: the victim order's id stands for them, as a nonexistent one would.
		victim.put("taskId", NO_SUCH_ID);
		victim.put("reviewId", NO_SUCH_ID);
		victim.put("photoId", NO_SUCH_ID);
		victim.put("id", Long.toString(victimOrder));
		victim.put("deliveryId", deliveryId);

		secrets.put("consumer link", victimToken);
		secrets.put("completion code", verificationCode(victimOrder));
		secrets.put("API key", brand.apiKey());
		secrets.put("consumer name", consumerName);
		secrets.put("consumer phone", consumerPhone);
		secrets.put("consumer address", address);
		secrets.put("installer phone", phones.get(installerA));
		return new Victim(victimOrder, offeredOrder, offerId, victimToken);
	}

	private long order(String name, String phone, String address) {
		Api.Reply reply = brandApi.post("/api/v1/orders", Map.of("externalOrderId", unique("VICTIM"),
				"consumer", Map.of("name", name, "phone", phone, "address", address, "regionCode", "330106",
						"location", Map.of("lat", LAT, "lng", LNG)),
				"items", List.of(Map.of("sku", "DR-800", "name", "Walnut door", "category", "DOOR", "quantity", 1)),
				"serviceType", "INSTALLATION", "memberTier", "GOLD", "goods", Map.of("status", "ARRIVED"),
				"promisedBy", TODAY.plusDays(9).toString()));
		assertThat(reply.status()).as(reply.body()).isEqualTo(201);
		long id = reply.json().get("id").asLong();
		driver.instanceOf(id);
		driver.drainUntil(id, () -> status(id).equals("AWAITING_BOOKING"), "booking link sent");
		return id;
	}

	private void book(long orderId) {
		Api.Reply booked = admin.post("/api/v1/bookings/" + orderId, Map.of("date", DAY.toString()));
		assertThat(booked.status()).as(booked.body()).isEqualTo(200);
	}

	private void acceptOffer(long orderId) {
		driver.drainUntil(orderId, () -> openOffer(orderId) != null, "an offer");
		long offer = openOffer(orderId).get("id").asLong();
		assertThat(dealerAdmin.post("/api/v1/offers/" + offer + "/accept", null).status()).isEqualTo(200);
		driver.drainUntil(orderId, () -> status(orderId).equals("SCHEDULED"), "scheduled");
	}

	/** What an outsider could change: read by the victim's owners and staff, only the fields that matter. */
	private State state(Victim world) {
		Map<String, String> facts = new LinkedHashMap<>();
		for (long order : List.of(world.order(), world.offeredOrder())) {
			JsonNode view = brandApi.get("/api/v1/orders/" + order).json();
			facts.put("order " + order + " status", view.path("status").asText());
			facts.put("order " + order + " link", view.path("consumerLink").asText());
			facts.put("order " + order + " goods", view.path("goods").toString());
			facts.put("order " + order + " booking", view.path("booking").toString() + view.path("appointment").toString());
		}
		for (JsonNode offer : admin.get("/api/v1/offers?orderId=" + world.offeredOrder()).json()) {
			facts.put("offer " + offer.path("id").asText(), offer.path("status").asText() + "@" + offer.path("providerId").asText());
		}
		JsonNode provider = admin.get("/api/v1/providers/" + dealerId).json();
		facts.put("provider", provider.path("name").asText() + "/" + provider.path("status").asText() + "/"
				+ provider.path("coverage").toString());
		JsonNode installer = admin.get("/api/v1/providers/" + dealerId + "/installers/" + installerA).json();
		facts.put("installer", installer.path("name").asText() + "/" + installer.path("status").asText() + "/"
				+ installer.path("skills").toString() + "/" + installer.path("shifts").toString());
		facts.put("installer signs in", Integer.toString(Api.bearer(http, tokenA).get("/mobile/v1/me").status()));
		facts.put("job events", Integer.toString(eventCount(world.order())));
		facts.put("consumer link answers", Integer.toString(anonymous().get("/api/v1/consumer/" + world.token()).status()));
		facts.put("API keys", brandApi.get("/api/v1/brand/api-keys").json().toString());
		facts.put("webhook", brandApi.get("/api/v1/brand/webhook").json().path("url").asText()
				+ brandApi.get("/api/v1/brand/webhook").json().path("active").asText());
		facts.put("dispatch settings", brandApi.get("/api/v1/brand/dispatch-settings").body());
		facts.put("dispatcher's regions", admin.get("/api/v1/users/" + dispatcherName + "/regions").body());
		facts.put("service type", admin.get("/api/v1/catalog/service-types").body());
		return new State(facts);
	}

	record State(Map<String, String> facts) {

		String diff(State after) {
			List<String> changed = new ArrayList<>();
			facts.forEach((key, value) -> {
				if (!value.equals(after.facts().get(key))) {
					changed.add(key + ": " + value + " -> " + after.facts().get(key));
				}
			});
			return String.join("; ", changed);
		}

	}

	// ----- the outsiders -----

	private List<Caller> outsiders() {
		IssuedBrand brandB = newBrand();
		Api adminApi = Api.user(http, adminName, PASSWORD);
		long p2 = adminApi.post("/api/v1/providers", Map.of("name", unique("P2"), "type", "THIRD_PARTY",
				"contactPhone", "0571-88009999", "coverage", Map.of("regionCodes", List.of("330106")),
				"dailyCapacity", Map.of("INSTALLATION", 5))).json().get("id").asLong();
		String p2Admin = unique("p2admin");
		accounts.createUser(p2Admin, PASSWORD, p2Admin, Set.of(Role.PROVIDER_ADMIN), p2, null);
		String p2InstallerPhone = String.format("135%08d", Math.floorMod(UUID.randomUUID().getLeastSignificantBits(), 100_000_000L));
		List<Map<String, String>> everyDay = new ArrayList<>();
		for (java.time.DayOfWeek day : java.time.DayOfWeek.values()) {
			everyDay.add(Map.of("day", day.name(), "start", "08:00", "end", "18:00"));
		}
		long p2Installer = adminApi.post("/api/v1/providers/" + p2 + "/installers", Map.of("name", "外人", "phone", p2InstallerPhone,
				"skills", List.of("DOOR"), "homeBase", Map.of("lat", 30.28, "lng", 120.12), "shifts", everyDay, "crewSize", 1))
			.json()
			.get("id")
			.asLong();
		Api p2Api = Api.user(http, p2Admin, PASSWORD);
		assertThat(p2Api.put("/api/v1/providers/" + p2 + "/installers/" + p2Installer + "/mobile-login",
				Map.of("password", MOBILE_PASSWORD, "providerAdmin", false)).status()).isEqualTo(200);
		String p2Token = anonymous().post("/mobile/v1/auth/login",
				Map.of("phone", p2InstallerPhone, "password", MOBILE_PASSWORD, "deviceName", "outsider")).json().get("accessToken").asText();

		Api brandBApi = asBrand(brandB);
		Api.Reply other = brandBApi.post("/api/v1/orders", Map.of("externalOrderId", unique("OTHER"),
				"consumer", Map.of("name", "王五", "phone", "13700001111", "address", "杭州市西湖区别处 1 号", "regionCode", "330106",
						"location", Map.of("lat", LAT, "lng", LNG)),
				"items", List.of(Map.of("sku", "DR-1", "name", "Door", "category", "DOOR", "quantity", 1)),
				"serviceType", "INSTALLATION", "memberTier", "GOLD", "goods", Map.of("status", "ARRIVED"),
				"promisedBy", TODAY.plusDays(9).toString()));
		long otherOrder = other.json().get("id").asLong();
		driver.instanceOf(otherOrder);
		driver.drainUntil(otherOrder, () -> status(otherOrder).equals("AWAITING_BOOKING"), "booking link sent");
		String link = brandBApi.get("/api/v1/orders/" + otherOrder).json().path("consumerLink").asText();
		String otherToken = link.substring(link.indexOf("/c/") + 3);

		// A dispatcher of another region: staff see every tenant's orders, so only the routes a dispatcher's regions
		// scope (board, schedules, tasks, reviews, reschedule requests) are probed; there 330100 is someone else's.
		String otherDispatcher = unique("dispatcher-996200");
		accounts.createUser(otherDispatcher, PASSWORD, otherDispatcher, Set.of(Role.DISPATCHER), null, null);
		assertThat(adminApi.put("/api/v1/users/" + otherDispatcher + "/regions", Map.of("regions", List.of("996200")))
			.status()).isEqualTo(200);

		return List.of(new Caller("anonymous", Credentials.none(), null),
				new Caller("brand B", Credentials.apiKey(brandB.apiKey()), null),
				new Caller("P2 admin", Credentials.basic(p2Admin, PASSWORD), null),
				new Caller("P2 installer", Credentials.bearer(p2Token), null),
				// A colleague of the same provider is an outsider to the victim installer's jobs on the app's routes.
				new Caller("P1 colleague", Credentials.bearer(tokenB), null, List.of("/mobile/v1")),
				new Caller("another order's consumer", Credentials.none(), otherToken),
				new Caller("dispatcher of 996200", Credentials.basic(otherDispatcher, PASSWORD), null, REGION_SCOPED));
	}

	/**
	 * Routes whose answers a dispatcher's regions limit (fail closed): board, schedules, tasks, reviews, reschedules,
	 * call-backs.
	 */
	private static final List<String> REGION_SCOPED = List.of("/api/v1/dispatch/board", "/console/board",
			"/api/v1/schedules", "/api/v1/tasks", "/console/tasks", "/api/v1/reviews", "/api/v1/reschedule-requests",
			"/console/reschedule-requests", "/api/v1/callback-requests", "/console/callback-requests");

	/** A caller: its credentials and, for a consumer, the link it holds (its own token goes where a token goes). */
	record Caller(String name, Credentials credentials, String ownToken, List<String> onlyUnder) {

		Caller(String name, Credentials credentials, String ownToken) {
			this(name, credentials, ownToken, null);
		}

		/** Whether this outsider is probed on the route: every route, or only those under its prefixes. */
		boolean probes(Route route) {
			return onlyUnder == null || onlyUnder.stream().anyMatch(route.pattern()::startsWith);
		}

	}

	record Credentials(String header, String value) {

		static Credentials none() {
			return new Credentials(null, null);
		}

		static Credentials apiKey(String key) {
			return new Credentials("X-Api-Key", key);
		}

		static Credentials basic(String user, String password) {
			return new Credentials("Authorization",
					"Basic " + java.util.Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
		}

		static Credentials bearer(String token) {
			return new Credentials("Authorization", "Bearer " + token);
		}

	}

	// ----- the routes -----

	record Route(String method, String pattern, List<String> variables, List<String> requiredParams, String consumes,
			boolean stream, boolean page) {

		boolean writes() {
			return !method.equals("GET");
		}

		@Override
		public String toString() {
			return method + " " + pattern;
		}

	}

	private List<Route> routes() {
		List<Route> routes = new ArrayList<>();
		for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : mappings.getHandlerMethods().entrySet()) {
			RequestMappingInfo info = entry.getKey();
			HandlerMethod handler = entry.getValue();
			if (handler.getBeanType().getPackageName().startsWith("org.springframework")) {
				continue; // the error controller
			}
			List<String> params = new ArrayList<>();
			for (MethodParameter parameter : handler.getMethodParameters()) {
				RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
				if (param != null && param.required() && param.defaultValue().equals(org.springframework.web.bind.annotation.ValueConstants.DEFAULT_NONE)
						&& !parameter.getParameterType().getName().startsWith("org.springframework.web.multipart")
						&& !(parameter.getParameterType() == Map.class)) {
					params.add(param.name().isEmpty() ? (param.value().isEmpty() ? parameter.getParameterName() : param.value()) : param.name());
				}
			}
			String consumes = info.getConsumesCondition().getConsumableMediaTypes().stream().findFirst().map(MediaType::toString)
				.orElse(null);
			boolean stream = info.getProducesCondition().getProducibleMediaTypes().contains(MediaType.TEXT_EVENT_STREAM);
			// A page answers a person: its errors may be pages too.
			boolean page = info.getProducesCondition().getProducibleMediaTypes().contains(MediaType.TEXT_HTML);
			Set<String> methods = info.getMethodsCondition().getMethods().isEmpty() ? Set.of("GET")
					: new TreeSet<>(info.getMethodsCondition().getMethods().stream().map(Enum::name).toList());
			for (String pattern : info.getPatternValues()) {
				List<String> variables = new ArrayList<>();
				Matcher matcher = VARIABLE.matcher(pattern);
				while (matcher.find()) {
					variables.add(matcher.group(1));
				}
				for (String method : methods) {
					routes.add(new Route(method, pattern, variables, params, consumes, stream, page));
				}
			}
		}
		// Reads first, then writes; signing out last, so that the outsider is still signed in for everything else.
		routes.sort(Comparator.comparing((Route r) -> r.pattern().contains("logout"))
			.thenComparing(Route::writes)
			.thenComparing(Route::toString));
		return routes;
	}

	// ----- one probe -----

	record Probe(List<String> leaks) {
	}

	private Probe probe(Caller caller, Route route) throws IOException, InterruptedException {
		Answer answer = call(caller, route, victimValues(caller));
		Answer nothing = sameRequest(route, victimValues(caller), noSuchValues(caller, route)) ? answer
				: call(caller, route, noSuchValues(caller, route));
		List<String> leaks = new ArrayList<>();
		String where = caller.name() + " " + route;
		if (answer.status() >= 500) {
			leaks.add(where + " answered " + answer.status() + ": " + abbreviate(answer.body()));
		}
		// A signed-in installer's sync must reach the per-event check (200 with a result per event): a 400 there means
		// the probe's body failed validation and proved nothing; a victim's job must never be applied.
		if (route.pattern().equals("/mobile/v1/sync") && caller.credentials().value() != null
				&& caller.credentials().value().startsWith("Bearer ") && answer.status() != 401) {
			if (answer.status() != 200) {
				leaks.add(where + " did not reach the replay's check (" + answer.status() + "): " + abbreviate(answer.body()));
			}
			else if (answer.body().contains("\"APPLIED\"")) {
				leaks.add(where + " applied an event to the victim's job: " + abbreviate(answer.body()));
			}
		}
		if (answer.status() >= 400 && answer.status() < 500 && !isProblem(answer) && !route.page()) {
			leaks.add(where + " answered " + answer.status() + " without problem+json (" + answer.contentType() + "): "
					+ abbreviate(answer.body()));
		}
		if (answer.status() >= 200 && answer.status() < 300 && answer != nothing) {
			boolean same = answer.status() == nothing.status()
					&& normalise(answer.body(), victimValues(caller)).equals(normalise(nothing.body(), noSuchValues(caller, route)));
			if (!same) {
				leaks.add(where + " answered " + answer.status() + " on the victim's object where an unknown one gets "
						+ nothing.status() + ": " + abbreviate(answer.body()));
			}
		}
		for (Map.Entry<String, String> secret : secrets.entrySet()) {
			if (answer.body().contains(secret.getValue())) {
				leaks.add(where + " showed the victim's " + secret.getKey());
			}
		}
		return new Probe(leaks);
	}

	private static boolean sameRequest(Route route, Map<String, String> one, Map<String, String> other) {
		for (String name : route.variables()) {
			if (!one.get(name).equals(other.get(name))) {
				return false;
			}
		}
		for (String name : route.requiredParams()) {
			if (!java.util.Objects.equals(one.get(name), other.get(name))) {
				return false;
			}
		}
		return true;
	}

	private Map<String, String> victimValues(Caller caller) {
		Map<String, String> values = new LinkedHashMap<>(victim);
		// The link is the consumer's credential: a caller holds its own link or none, never the victim's.
		values.put("token", caller.ownToken() != null ? caller.ownToken() : NO_SUCH_TOKEN);
		return values;
	}

	private Map<String, String> noSuchValues(Caller caller, Route route) {
		Map<String, String> values = new LinkedHashMap<>(victimValues(caller));
		for (String name : List.of("orderId", "jobId", "offerId", "providerId", "installerId", "brandId", "taskId",
				"reviewId", "photoId", "id", "deliveryId")) {
			values.put(name, NO_SUCH_ID);
		}
		values.put("keyId", "no-such-key");
		values.put("username", "no-such-user");
		values.put("region", "990100");
		values.put("regionCode", "990106");
		// An outsider's own link stays in both calls; the victim's consumer is compared with a link that does not exist.
		if (caller.ownToken() == null || caller.ownToken().equals(victimToken)) {
			values.put("token", NO_SUCH_TOKEN);
		}
		return values;
	}

	/** The answer with the ids the call put in replaced, so that an echo of the id alone is no difference. */
	private static String normalise(String body, Map<String, String> values) {
		String result = body;
		for (Map.Entry<String, String> value : values.entrySet()) {
			if (value.getValue().length() >= 4) {
				result = result.replace(value.getValue(), "{" + value.getKey() + "}");
			}
		}
		return result.replaceAll("\\d{4}-\\d{2}-\\d{2}T[0-9:.]+Z?", "{time}");
	}

	record Answer(int status, String contentType, String body) {
	}

	private Answer call(Caller caller, Route route, Map<String, String> values) throws IOException, InterruptedException {
		String path = route.pattern();
		for (String name : route.variables()) {
			// {id} names an order in most routes, a webhook delivery under /deliveries.
			String value = name.equals("id") && path.contains("/deliveries/") ? values.get("deliveryId") : values.get(name);
			path = path.replaceFirst("\\{" + name + "(:[^}]*)?}", URLEncoder.encode(value, StandardCharsets.UTF_8));
		}
		List<String> query = new ArrayList<>();
		for (String param : route.requiredParams()) {
			query.add(param + "=" + URLEncoder.encode(values.getOrDefault(param, DAY.toString()), StandardCharsets.UTF_8));
		}
		String url = "http://localhost:" + port + path + (query.isEmpty() ? "" : "?" + String.join("&", query));
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30));
		if (caller.credentials().header() != null) {
			request.header(caller.credentials().header(), caller.credentials().value());
		}
		request.header("Idempotency-Key", "matrix-" + UUID.randomUUID());
		request.header("Accept", route.stream() ? "text/event-stream, application/problem+json"
				: route.page() ? "text/html" : "application/json, application/problem+json");
		if (route.writes()) {
			Body body = body(route, values);
			request.header("Content-Type", body.type());
			request.method(route.method(), HttpRequest.BodyPublishers.ofByteArray(body.bytes()));
		}
		else {
			request.GET();
		}
		HttpResponse<InputStream> response = client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
		String type = response.headers().firstValue("Content-Type").orElse("");
		String text;
		try (InputStream in = response.body()) {
			// A stream that opened is judged by its status: reading it would wait for events.
			text = type.startsWith("text/event-stream") ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		return new Answer(response.statusCode(), type, text);
	}

	private static boolean isProblem(Answer answer) {
		return answer.contentType().startsWith("application/problem+json");
	}

	private static String abbreviate(String body) {
		return body.length() > 300 ? body.substring(0, 300) + "…" : body;
	}

	// ----- request bodies an owner would get accepted (an empty body stops at validation and proves nothing) -----

	record Body(String type, byte[] bytes) {
	}

	private Body body(Route route, Map<String, String> values) {
		if (route.consumes() != null && route.consumes().startsWith("text/csv")) {
			return new Body("text/csv", "name,phone\n外人,13500000000\n".getBytes(StandardCharsets.UTF_8));
		}
		if (route.consumes() != null && route.consumes().startsWith("multipart/")) {
			return multipart();
		}
		String day = DAY.toString();
		String job = "O" + values.get("orderId");
		String shift = "I" + installerA + "@" + day;
		String json = switch (route.pattern()) {
			case "/api/v1/orders/{id}/cancel", "/api/v1/consumer/{token}/cancel" -> "{\"reason\":\"outsider\"}";
			case "/api/v1/orders/{id}/goods-status" -> "{\"status\":\"DAMAGED\"}";
			case "/api/v1/offers/{offerId}/decline", "/mobile/v1/offers/{offerId}/decline" -> "{\"reason\":\"outsider\"}";
			case "/api/v1/providers/{providerId}/jobs/{orderId}/events" -> "{\"type\":\"ARRIVED\"}";
			case "/api/v1/providers/{providerId}/jobs/{orderId}/position" -> "{\"position\":{\"lat\":30.2,\"lng\":120.1}}";
			// The consumer's day-only booking is retired (410 use-windows whatever the body); it is probed all the same.
			case "/api/v1/bookings/{orderId}", "/api/v1/consumer/{token}/booking" -> "{\"date\":\"" + day + "\"}";
			case "/api/v1/consumer/{token}/appointment" -> "{\"date\":\"" + day + "\",\"window\":\"AFTERNOON\"}";
			case "/api/v1/consumer/{token}/appointment/reschedule" ->
				"{\"date\":\"" + DAY.plusDays(1) + "\",\"window\":\"MORNING\",\"reason\":\"NOT_HOME\"}";
			case "/api/v1/consumer/{token}/rating" -> "{\"stars\":1,\"comment\":\"outsider\"}";
			case "/api/v1/providers/{providerId}", "/api/v1/providers" ->
				"{\"name\":\"Taken\",\"type\":\"THIRD_PARTY\",\"coverage\":{\"regionCodes\":[\"330106\"]},\"dailyCapacity\":{\"INSTALLATION\":1}}";
			case "/api/v1/providers/{providerId}/installers", "/api/v1/providers/{providerId}/installers/{installerId}" ->
				"{\"name\":\"Taken\",\"phone\":\"13500000001\",\"skills\":[\"DOOR\"],\"homeBase\":{\"lat\":30.2,\"lng\":120.1},\"crewSize\":1}";
			case "/api/v1/providers/{providerId}/installers/{installerId}/mobile-login" ->
				"{\"password\":\"taken-over-1\",\"providerAdmin\":true}";
			case "/mobile/v1/jobs/{jobId}/events" ->
				"{\"type\":\"ARRIVED\",\"occurredAt\":\"" + Instant.now() + "\",\"location\":{\"lat\":" + LAT + ",\"lng\":" + LNG + "}}";
			// As the contract has it (SyncEvent: idempotencyKey, jobId and the event itself), so bean validation passes
			// and the answer is the replay's own per-event tenancy check (pitfall 55).
			case "/mobile/v1/sync" -> "{\"events\":[{\"jobId\":" + values.get("orderId") + ",\"idempotencyKey\":\"matrix-sync-"
					+ UUID.randomUUID() + "\",\"event\":{\"type\":\"ARRIVED\",\"occurredAt\":\"" + Instant.now()
					+ "\",\"location\":{\"lat\":" + LAT + ",\"lng\":" + LNG + "}}}]}";
			case "/api/v1/dispatch/board/{region}/preview", "/api/v1/dispatch/board/{region}/edits" ->
				"{\"edits\":[{\"kind\":\"MOVE\",\"jobId\":\"" + job + "\",\"shiftId\":\"" + shift + "\",\"position\":0,\"pin\":true}]}";
			case "/api/v1/dispatch/board/{region}/reoptimize", "/api/v1/schedules/{region}/reoptimize" ->
				"{\"date\":\"" + day + "\",\"seconds\":1}";
			case "/api/v1/dispatch/board/{region}/reoptimize/decision" -> "{\"keep\":true}";
			case "/api/v1/schedules/{region}/pins" -> "{\"jobId\":\"" + job + "\"}";
			case "/api/v1/schedules/{region}/moves" ->
				"{\"jobId\":\"" + job + "\",\"shiftId\":\"" + shift + "\",\"position\":0,\"pin\":true}";
			case "/api/v1/tasks/{taskId}/complete" -> "{\"outcome\":\"approve\"}";
			case "/api/v1/brand/webhook" -> "{\"url\":\"http://127.0.0.1:9/outsider\"}";
			case "/api/v1/brand/dispatch-settings" -> "{\"reworkBySameInstaller\":true}";
			case "/api/v1/users/{username}/regions" -> "{\"regions\":[\"310100\"]}";
			case "/api/v1/catalog/service-types/{type}" ->
				"{\"defaultDurationMinutes\":5,\"crewSize\":2,\"requiredSkills\":[\"DOOR\"]}";
			case "/api/v1/catalog/service-types/{type}/fees/{regionCode}" -> "{\"feeCents\":1}";
			default -> "{}";
		};
		return new Body("application/json", json.getBytes(StandardCharsets.UTF_8));
	}

	private static Body multipart() {
		String boundary = "matrix" + UUID.randomUUID().toString().replace("-", "");
		byte[] image = jpeg(7);
		byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"kind\"\r\n\r\nBEFORE\r\n--" + boundary
				+ "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"p.jpg\"\r\nContent-Type: image/jpeg\r\n\r\n")
			.getBytes(StandardCharsets.UTF_8);
		byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
		byte[] all = new byte[head.length + image.length + tail.length];
		System.arraycopy(head, 0, all, 0, head.length);
		System.arraycopy(image, 0, all, head.length, image.length);
		System.arraycopy(tail, 0, all, head.length + image.length, tail.length);
		return new Body("multipart/form-data; boundary=" + boundary, all);
	}

}
