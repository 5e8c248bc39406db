package dev.shifu.platform.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.shifu.platform.identity.Role;
import dev.shifu.platform.support.Api;
import dev.shifu.platform.support.Browser;
import dev.shifu.platform.support.PlatformIntegrationTest;

/**
 * A dispatcher whom no admin has given a region yet: the board page says so in zh-CN and en (and names the admin's
 * route that assigns regions) instead of opening an empty or broken board, and neither the page nor the board API it
 * would call hands out any region's data. Once an admin assigns a region, the same sign-in opens the board.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RegionlessDispatcherBoardBrowserTests extends PlatformIntegrationTest {

	/** This class's own test city (V285); other cities to probe are the demo's and the board tests'. */
	private static final String OWN_CITY = "998500";

	private static final List<String> CITIES = List.of("330100", BoardFixture.CITY, OWN_CITY);

	@LocalServerPort
	private int port;

	private WebDriver browser;

	@BeforeAll
	void browser() {
		browser = Browser.start();
	}

	@AfterAll
	void close() {
		if (browser != null) {
			browser.quit();
		}
	}

	/** A dispatcher made the way an admin makes one, over the API, with the regions an admin leaves empty. */
	private String dispatcherWithoutRegions(Api admin) {
		String name = unique("dispatcher");
		Api.Reply created = admin.post("/api/v1/users",
				Map.of("username", name, "password", PASSWORD, "displayName", name, "roles", List.of("DISPATCHER")));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		Api.Reply none = admin.put("/api/v1/users/" + name + "/regions", Map.of("regions", List.of()));
		assertThat(none.status()).as(none.body()).isEqualTo(200);
		return name;
	}

	private void signInToBoard(String name) {
		browser.manage().deleteAllCookies();
		browser.get("http://localhost:" + port + "/console/board");
		waitUpTo(30).until(ExpectedConditions.presenceOfElementLocated(By.name("username")));
		browser.findElement(By.name("username")).sendKeys(name);
		browser.findElement(By.name("password")).sendKeys(PASSWORD);
		browser.findElement(By.cssSelector("button[type=submit]")).click();
		waitUpTo(30).until(ExpectedConditions.urlContains("/console/board"));
	}

	private WebDriverWait waitUpTo(int seconds) {
		return new WebDriverWait(browser, Duration.ofSeconds(seconds));
	}

	@Test
	void aDispatcherWithNoRegionsSeesAPageSayingSoInChineseAndEnglishAndNoRegionsData() {
		Api admin = asNewUser(Role.ADMIN, null);
		String name = dispatcherWithoutRegions(admin);

		signInToBoard(name);
		waitUpTo(30).until(ExpectedConditions.attributeToBe(By.tagName("body"), "data-board", "no-regions"));
		Browser.screenshot(browser, "board-no-regions");
		String zh = browser.findElement(By.id("no-regions-zh")).getText();
		String en = browser.findElement(By.id("no-regions-en")).getText();
		String source = browser.getPageSource();

		assertThat(zh).contains("您尚未被分配任何区域", "请联系管理员", "PUT /api/v1/users/" + name + "/regions");
		assertThat(en).contains("You have no regions assigned yet", "Ask an admin",
				"PUT /api/v1/users/" + name + "/regions");
		// Not the board: no board script, no timeline, and no region code anywhere on the page.
		assertThat(browser.findElements(By.id("timeline"))).isEmpty();
		assertThat(source).doesNotContain("board.js");
		CITIES.forEach(city -> assertThat(source).doesNotContain(city));
		// What the board's script would ask with this session: refused as problem+json, in every region.
		for (String city : CITIES) {
			LocalDate day = LocalDate.now(ZoneId.of("Asia/Shanghai"));
			assertRefused(fetch("/console/board/api?region=" + city + "&date=" + day));
			assertRefused(fetch("/console/board/api/" + city + "/reviews"));
			assertRefused(fetch("/console/board/api/" + city + "/audit"));
			assertRefused(fetch("/console/board/api/" + city + "/reoptimize"));
		}
	}

	@Test
	void theBoardAPIGivesADispatcherWithNoRegionsNothingOfAnyRegion() {
		Api admin = asNewUser(Role.ADMIN, null);
		Api dispatcher = Api.user(http, dispatcherWithoutRegions(admin), PASSWORD);
		LocalDate day = LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(1);
		// Bodies the board would accept from a dispatcher of the city (pitfall 55): the refusal is the region's.
		Map<String, Object> pin = Map.of("edits", List.of(Map.of("kind", "PIN", "jobId", "J1")));

		for (String city : CITIES) {
			String base = "/api/v1/dispatch/board/" + city;
			assertRefused(dispatcher.get("/api/v1/dispatch/board?region=" + city + "&date=" + day));
			assertRefused(dispatcher.get(base + "/reviews"));
			assertRefused(dispatcher.get(base + "/audit"));
			assertRefused(dispatcher.get(base + "/reoptimize"));
			assertRefused(dispatcher.post(base + "/preview", pin));
			assertRefused(dispatcher.post(base + "/edits", pin));
			assertRefused(dispatcher.post(base + "/reoptimize", Map.of("date", day.toString(), "seconds", 1)));
			assertRefused(dispatcher.delete(base + "/reoptimize"));
			assertRefused(dispatcher.post(base + "/reoptimize/decision", Map.of("keep", false)));
		}
	}

	@Test
	void onceAnAdminAssignsARegionTheSameSignInOpensThatRegionsBoard() {
		Api admin = asNewUser(Role.ADMIN, null);
		String name = dispatcherWithoutRegions(admin);
		Api.Reply assigned = admin.put("/api/v1/users/" + name + "/regions", Map.of("regions", List.of(OWN_CITY)));
		assertThat(assigned.status()).as(assigned.body()).isEqualTo(200);

		signInToBoard(name);
		waitUpTo(30).until(ExpectedConditions.attributeToBe(By.tagName("body"), "data-interactive", "true"));
		Browser.screenshot(browser, "board-region-assigned");

		assertThat(browser.findElements(By.cssSelector("[data-board='no-regions']"))).isEmpty();
		assertThat(browser.findElement(By.id("region")).getAttribute("value")).isEqualTo(OWN_CITY);
		assertThat(browser.findElements(By.id("timeline"))).hasSize(1);
	}

	/** A same-origin fetch from the page, with the page's session: status, content type and body. */
	@SuppressWarnings("unchecked")
	private Map<String, Object> fetch(String path) {
		return (Map<String, Object>) ((JavascriptExecutor) browser).executeAsyncScript("var done = arguments[1];"
				+ "fetch(arguments[0], { credentials: 'same-origin', headers: { Accept: 'application/json' } })"
				+ ".then(r => r.text().then(t => done({ status: r.status, type: r.headers.get('Content-Type') || '', body: t })))"
				+ ".catch(e => done({ status: -1, type: '', body: String(e) }));", path);
	}

	private static void assertRefused(Map<String, Object> reply) {
		assertThat(((Number) reply.get("status")).intValue()).as(String.valueOf(reply.get("body"))).isIn(403, 404);
		assertThat((String) reply.get("type")).as(String.valueOf(reply.get("body"))).contains("application/problem+json");
	}

	private static void assertRefused(Api.Reply reply) {
		assertThat(reply.status()).as(reply.body()).isIn(403, 404);
		assertThat(reply.contentType()).as(reply.body()).contains("application/problem+json");
	}

}
