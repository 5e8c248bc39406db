package dev.shifu.platform.dispatch;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import dev.shifu.platform.identity.Role;
import dev.shifu.platform.identity.StaffRegions;
import dev.shifu.platform.support.Api;
import dev.shifu.platform.support.PlatformIntegrationTest;

import static dev.shifu.platform.dispatch.BoardFixture.DAY;
import static dev.shifu.platform.dispatch.BoardFixture.planned;
import static dev.shifu.platform.dispatch.BoardFixture.shiftId;
import static dev.shifu.platform.dispatch.BoardFixture.visit;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every route under {@code /api/v1/dispatch}, read from Spring's request mappings, refuses a dispatcher of another
 * region: a route added without the region check fails here without anyone listing it. Region B (992400) has a plan
 * with a job and an installer; the outsider works in 992500 (V303).
 */
class BoardRegionLimitsTests extends PlatformIntegrationTest {

	private static final String REGION_B = "992400";

	private static final String REGION_A = "992500";

	@LocalServerPort
	private int port;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	private RequestMappingHandlerMapping mappings;

	@Autowired
	private StaffRegions staffRegions;

	private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

	private record Route(String method, String pattern) {

		@Override
		public String toString() {
			return method + " " + pattern;
		}

	}

	@Test
	void signedInStaffWhoAreNeitherDispatchersNorAdminsAreRefusedTheBoardPageAndItsApi() {
		for (Role role : List.of(Role.CUSTOMER_SERVICE)) {
			Api staff = asNewUser(role, null);
			for (String path : List.of("/console/board?region=" + REGION_B, "/api/v1/dispatch/board?region=" + REGION_B
					+ "&date=" + java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).plusDays(1))) {
				Api.Reply reply = staff.get(path);
				assertThat(reply.status()).as(role + " " + path + ": " + reply.body()).isEqualTo(403);
			}
		}
	}

	@Test
	void aDispatcherOfRegionAIsRefusedRegionBOnEveryDispatchRouteAndChangesNothingThere() throws Exception {
		Api admin = asNewUser(Role.ADMIN, null);
		String owner = dispatcherOf(REGION_B);
		String outsider = dispatcherOf(REGION_A);
		Api ownerApi = Api.user(http, owner, PASSWORD);
		var brand = newBrand();
		BoardFixture network = new BoardFixture(admin, asBrand(brand), brand, unique("Limits dealer"), REGION_B, "992401");
		long installer = network.installer(unique("限"), 31.19, 121.43);
		String job = network.order("DOOR", 31.195, 121.435);
		BoardFixture.settled(ownerApi, REGION_B, b -> planned(b, List.of(job)));
		Map<String, String> values = Map.of("region", REGION_B, "reviewId", "1", "job", job, "shift", shiftId(installer));

		List<Route> routes = routes();
		// The board's eleven routes today (read, reviews, reviewed, preview, edits, reoptimize ×3, decision, stream, audit).
		assertThat(routes).as("the board's routes").hasSizeGreaterThanOrEqualTo(11).extracting(Route::toString)
			.contains("GET /api/v1/dispatch/board", "POST /api/v1/dispatch/board/{region}/edits",
					"GET /api/v1/dispatch/board/{region}/stream", "POST /api/v1/dispatch/board/{region}/reoptimize/decision");

		List<String> unrefused = new ArrayList<>();
		for (Route route : routes) {
			int status = call(outsider, route, values);
			if (status != 403 && status != 404) {
				unrefused.add(route + " answered " + status);
			}
		}
		assertThat(unrefused).as("routes a dispatcher of another region was not refused on").isEmpty();

		// Not blind: the region's own dispatcher reads every one of them (a refusal for everybody would pass above).
		List<String> ownerRefused = new ArrayList<>();
		for (Route route : routes) {
			if (route.method().equals("GET") && !route.pattern().endsWith("/stream")) {
				int status = call(owner, route, values);
				if (status == 403 || status == 401) {
					ownerRefused.add(route + " answered " + status);
				}
			}
		}
		assertThat(ownerRefused).as("reads the region's own dispatcher was refused").isEmpty();
		// And nothing the outsider sent took hold: the job is as free as before, no run started, nothing audited.
		assertThat(visit(BoardFixture.board(ownerApi, REGION_B), job).get("pinned").asBoolean()).isFalse();
		assertThat(ownerApi.get("/api/v1/dispatch/board/" + REGION_B + "/reoptimize").status()).isEqualTo(404);
		assertThat(ownerApi.get("/api/v1/dispatch/board/" + REGION_B + "/audit").json()).isEmpty();
	}

	private String dispatcherOf(String city) {
		String name = unique("dispatcher");
		accounts.createUser(name, PASSWORD, name, Set.of(Role.DISPATCHER), null, null);
		staffRegions.assign(name, Set.of(city));
		return name;
	}

	/** Every method and pattern of the request mappings under /api/v1/dispatch. */
	private List<Route> routes() {
		Set<String> seen = new TreeSet<>();
		List<Route> routes = new ArrayList<>();
		for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : mappings.getHandlerMethods().entrySet()) {
			RequestMappingInfo info = entry.getKey();
			Set<String> methods = info.getMethodsCondition().getMethods().isEmpty() ? Set.of("GET")
					: new TreeSet<>(info.getMethodsCondition().getMethods().stream().map(Enum::name).toList());
			for (String pattern : info.getPatternValues()) {
				if (!pattern.startsWith("/api/v1/dispatch")) {
					continue;
				}
				for (String method : methods) {
					if (seen.add(method + " " + pattern)) {
						routes.add(new Route(method, pattern));
					}
				}
			}
		}
		return routes;
	}

	/** The route called as the user on region B, with a body the region's own dispatcher would get accepted. */
	private int call(String user, Route route, Map<String, String> values) throws Exception {
		String path = route.pattern();
		for (Map.Entry<String, String> value : values.entrySet()) {
			path = path.replace("{" + value.getKey() + "}", value.getValue());
		}
		assertThat(path).as("every path variable of " + route + " has a value here").doesNotContain("{");
		// Query parameters a route may need (the board's region and date); others ignore them.
		path += "?region=" + REGION_B + "&date=" + DAY;
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.timeout(Duration.ofSeconds(30))
			.header("Authorization", "Basic " + Base64.getEncoder()
				.encodeToString((user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)));
		String body = body(route, values);
		if (body == null) {
			request.method(route.method(), HttpRequest.BodyPublishers.noBody());
		}
		else {
			request.header("Content-Type", "application/json")
				.method(route.method(), HttpRequest.BodyPublishers.ofString(body));
		}
		// As a stream: an SSE route answers its status first and then stays open.
		HttpResponse<java.io.InputStream> response = client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
		response.body().close();
		return response.statusCode();
	}

	/**
	 * A body that passes validation (an empty one may stop at bean validation with 400 whoever calls, STACK pitfall
	 * 55); null for routes without one. A new write route with another body answers 400 here and fails the test until
	 * it gets its body.
	 */
	private static String body(Route route, Map<String, String> values) {
		if (route.method().equals("GET") || route.method().equals("DELETE")) {
			return null;
		}
		return switch (route.pattern()) {
			case "/api/v1/dispatch/board/{region}/preview", "/api/v1/dispatch/board/{region}/edits" ->
				"{\"edits\":[{\"kind\":\"MOVE\",\"jobId\":\"" + values.get("job") + "\",\"shiftId\":\"" + values.get("shift")
						+ "\",\"position\":0,\"pin\":true}]}";
			case "/api/v1/dispatch/board/{region}/reoptimize" -> "{\"date\":\"" + DAY + "\",\"seconds\":1}";
			case "/api/v1/dispatch/board/{region}/reoptimize/decision" -> "{\"keep\":true}";
			case "/api/v1/dispatch/board/{region}/reviews/{reviewId}/reviewed" -> "{\"note\":\"outsider\"}";
			default -> "{}";
		};
	}

}
