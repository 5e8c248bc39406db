package dev.shifu.platform.dispatch;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.shifu.platform.identity.Role;
import dev.shifu.platform.identity.StaffRegions;
import dev.shifu.platform.support.Api;
import dev.shifu.platform.support.Browser;
import dev.shifu.platform.support.PlatformIntegrationTest;

import static dev.shifu.platform.dispatch.BoardFixture.CITY;
import static dev.shifu.platform.dispatch.BoardFixture.DAY;
import static dev.shifu.platform.dispatch.BoardFixture.laneOf;
import static dev.shifu.platform.dispatch.BoardFixture.planned;
import static dev.shifu.platform.dispatch.BoardFixture.settled;
import static dev.shifu.platform.dispatch.BoardFixture.shiftId;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The route board page in real Chromium: a dispatcher signs in, sees the day's routes, drags a job to another
 * installer, reads the preview, confirms and sees the timeline follow; and a generated day of 100 installers and
 * 2,000 jobs renders and stays responsive. Screenshots land in target/screenshots.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RouteBoardBrowserTests extends PlatformIntegrationTest {

	@LocalServerPort
	private int port;

	@Autowired
	private StaffRegions staffRegions;

	private WebDriver browser;

	private String dispatcherName;

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

	/** A city no other test plans: the scale test generates its day there. */
	private static final String GENERATED_CITY = "110100";

	private Api dispatcher() {
		dispatcherName = unique("dispatcher");
		accounts.createUser(dispatcherName, PASSWORD, dispatcherName, Set.of(Role.DISPATCHER), null, null);
		staffRegions.assign(dispatcherName, Set.of(CITY, GENERATED_CITY));
		return Api.user(http, dispatcherName, PASSWORD);
	}

	private void openBoard() {
		openBoard(CITY);
	}

	/** Opens the board; the sign-in page comes first and leads back to it. */
	private void openBoard(String region) {
		browser.manage().deleteAllCookies();
		browser.get("http://localhost:" + port + "/console/board?region=" + region + "&date=" + DAY);
		waitUpTo(30).until(ExpectedConditions.presenceOfElementLocated(By.name("username")));
		browser.findElement(By.name("username")).sendKeys(dispatcherName);
		browser.findElement(By.name("password")).sendKeys(PASSWORD);
		browser.findElement(By.cssSelector("button[type=submit]")).click();
		waitUpTo(30).until(ExpectedConditions.urlContains("/console/board"));
		waitUpTo(30).until(ExpectedConditions.attributeToBe(By.tagName("body"), "data-interactive", "true"));
	}

	private WebDriverWait waitUpTo(int seconds) {
		return new WebDriverWait(browser, Duration.ofSeconds(seconds));
	}

	@Test
	void aDispatcherDragsAJobToAnotherInstallerSeesThePreviewConfirmsAndTheTimelineFollows() {
		Api dispatcher = dispatcher();
		Api admin = asNewUser(Role.ADMIN, null);
		var brand = newBrand();
		BoardFixture network = new BoardFixture(admin, asBrand(brand), brand, unique("Browser dealer"));
		long first = network.installer(unique("刘洋"), 31.19, 121.43);
		long second = network.installer(unique("陈静"), 31.21, 121.46);
		List<String> jobs = List.of(network.order("DOOR", 31.195, 121.435), network.order("DOOR", 31.20, 121.44),
				network.order("DOOR", 31.212, 121.458));
		// Jobs are placed as they arrive, possibly before both shifts reach the plan: wait for both lanes.
		JsonNode board = settled(dispatcher, b -> planned(b, jobs) && BoardFixture.lane(b, shiftId(first)) != null
				&& BoardFixture.lane(b, shiftId(second)) != null);
		String job = jobs.get(0);
		String target = laneOf(board, job).equals(shiftId(first)) ? shiftId(second) : shiftId(first);

		openBoard();
		WebElement block = waitUpTo(30)
			.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".job[data-job='" + job + "']")));
		Browser.screenshot(browser, "board-1-opened");
		// No retry: lanes and blocks keep their identity across live re-renders, and none happens under the drag.
		WebElement lane = browser.findElement(By.cssSelector(".track[data-shift='" + target + "']"));
		// Our two lanes are the last ones (the city may have more from other tests): centre the job's, its neighbour
		// is in view too.
		((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'})", block);
		new Actions(browser).moveToElement(block, 10, 0)
			.clickAndHold()
			.moveByOffset(5, 5)
			.moveToElement(lane, -lane.getSize().getWidth() / 2 + 300, 0)
			.release()
			.perform();
		waitUpTo(60).until(ExpectedConditions.attributeToBe(By.tagName("body"), "data-preview", "ready"));
		String summary = browser.findElement(By.id("preview-summary")).getText();
		Browser.screenshot(browser, "board-2-preview");
		browser.findElement(By.id("preview-confirm")).click();
		waitUpTo(60).until(ExpectedConditions.presenceOfElementLocated(
				By.cssSelector(".track[data-shift='" + target + "'] .job[data-job='" + job + "']")));
		Browser.screenshot(browser, "board-3-confirmed");

		assertThat(summary).startsWith("moving job " + job + " to ");
		assertThat(laneOf(BoardFixture.board(dispatcher), job)).isEqualTo(target);
		assertThat(browser.findElement(By.cssSelector(".job[data-job='" + job + "']")).getAttribute("data-pinned"))
			.isEqualTo("true");
		assertThat(browser.findElements(By.cssSelector("#map polyline"))).isNotEmpty();
	}

	@Test
	void aServerGeneratedDayOfAHundredInstallersAndTwoThousandJobsRendersAndStaysResponsive() {
		Api dispatcher = dispatcher();
		Api admin = asNewUser(Role.ADMIN, null);
		Api.Reply generated = admin.post("/api/v1/schedules/generated-days", Map.of("region", GENERATED_CITY,
				"date", DAY.toString(), "installers", 100, "jobs", 2000, "seed", 7));
		assertThat(generated.status()).as(generated.body()).isEqualTo(201);
		long readStarted = System.nanoTime();
		JsonNode served = dispatcher.get("/api/v1/dispatch/board?region=" + GENERATED_CITY + "&date=" + DAY).json();
		long readMillis = (System.nanoTime() - readStarted) / 1_000_000;

		openBoard(GENERATED_CITY);
		JavascriptExecutor page = (JavascriptExecutor) browser;
		Object firstRender = page.executeScript("return window.ShifuBoard.timings.firstRender");
		Object interactive = page.executeScript("return window.ShifuBoard.timings.interactive");
		Object renderMs = page.executeScript("return window.ShifuBoard.timings.lastRenderMs");
		Browser.screenshot(browser, "board-scale-100x2000");
		// One render's counts: every job of the day is a block on a lane or a chip in the unassigned list.
		@SuppressWarnings("unchecked")
		Map<String, Object> shown = (Map<String, Object>) page.executeScript("return { blocks: "
				+ "document.querySelectorAll('#timeline .job').length, unassigned: document.querySelectorAll("
				+ "'#unassigned .job-chip').length, lanes: document.querySelectorAll('#timeline .lane').length, "
				+ "routes: document.querySelectorAll('#map polyline').length }");
		System.out.printf("Route board, server-generated day of 100 installers and 2,000 jobs: generated and planned in "
				+ "%s ms (%s on routes), board API read %d ms; page first render at %s ms and interactive at %s ms after "
				+ "navigation start, one render %.0f ms%n", generated.json().get("buildMillis"),
				generated.json().get("planned"), readMillis, firstRender, interactive, number(renderMs));
		// Still responsive: a lane's lock button asks the server for a real preview of that lane's day on a copy.
		String lane = served.get("lanes").get(50).get("shiftId").asText();
		WebElement lock = browser.findElement(By.cssSelector("button[data-act='lock'][data-shift='" + lane + "']"));
		page.executeScript("arguments[0].scrollIntoView({block: 'center'})", lock);
		lock.click();
		waitUpTo(90).until(ExpectedConditions.or(
				ExpectedConditions.attributeToBe(By.tagName("body"), "data-preview", "ready"),
				ExpectedConditions.attributeToBe(By.tagName("body"), "data-preview", "refused")));
		Browser.screenshot(browser, "board-scale-preview");

		assertThat(served.get("lanes")).hasSize(100);
		assertThat(number(shown.get("lanes"))).isEqualTo(100);
		assertThat(number(shown.get("blocks")) + number(shown.get("unassigned"))).isEqualTo(2000);
		assertThat(number(shown.get("routes"))).isPositive();
		assertThat(browser.findElement(By.tagName("body")).getAttribute("data-preview"))
			.as(browser.findElement(By.id("preview-summary")).getText()).isEqualTo("ready");
	}

	private static double number(Object value) {
		return ((Number) value).doubleValue();
	}


}
