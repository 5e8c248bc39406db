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

	private Api dispatcher() {
		dispatcherName = unique("dispatcher");
		accounts.createUser(dispatcherName, PASSWORD, dispatcherName, Set.of(Role.DISPATCHER), null, null);
		staffRegions.assign(dispatcherName, Set.of(CITY));
		return Api.user(http, dispatcherName, PASSWORD);
	}

	/** Opens the board; the sign-in page comes first and leads back to it. */
	private void openBoard() {
		browser.manage().deleteAllCookies();
		browser.get("http://localhost:" + port + "/console/board?region=" + CITY + "&date=" + DAY);
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
		((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'})", lane);
		new Actions(browser).moveToElement(block, 10, 0)
			.clickAndHold()
			.moveByOffset(5, 5)
			.moveToElement(lane, -lane.getSize().getWidth() / 2 + 300, 0)
			.release()
			.perform();
		waitUpTo(30).until(ExpectedConditions.attributeToBe(By.tagName("body"), "data-preview", "ready"));
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
	void aGeneratedDayOfAHundredInstallersAndTwoThousandJobsRendersAndStaysResponsive() {
		dispatcher();
		openBoard();
		Object firstRender = ((JavascriptExecutor) browser)
			.executeScript("return window.ShifuBoard.timings.firstRender");
		Object interactive = ((JavascriptExecutor) browser)
			.executeScript("return window.ShifuBoard.timings.interactive");

		@SuppressWarnings("unchecked")
		Map<String, Object> timings = (Map<String, Object>) ((JavascriptExecutor) browser).executeAsyncScript(GENERATED_DAY
				+ "window.ShifuBoard.stopLive(); window.ShifuBoard.renderTimed(board, arguments[arguments.length - 1]);",
				DAY.toString());
		Browser.screenshot(browser, "board-scale-100x2000");
		long jobs = (Long) ((JavascriptExecutor) browser).executeScript("return document.querySelectorAll('.job').length");
		System.out.printf("Route board page (demo-size day): first render at %s ms, interactive at %s ms after navigation start%n",
				firstRender, interactive);
		System.out.printf("Route board, generated day of 100 installers and 2,000 jobs: render %.0f ms, first frame %.0f ms, "
				+ "interactive %.0f ms%n", number(timings.get("renderMs")), number(timings.get("firstPaintMs")),
				number(timings.get("interactiveMs")));
		// Still responsive: a lane's lock button on the big board asks for a preview (of a shift the server does not know).
		WebElement lock = browser.findElement(By.cssSelector("button[data-act='lock'][data-shift='S50']"));
		((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'})", lock);
		lock.click();
		waitUpTo(30).until(ExpectedConditions.attributeToBe(By.tagName("body"), "data-preview", "refused"));

		assertThat(jobs).isEqualTo(2000);
		assertThat(browser.findElements(By.cssSelector("#map polyline"))).hasSize(100);
	}

	private static double number(Object value) {
		return ((Number) value).doubleValue();
	}

	/** 100 installers around Shanghai, each with 20 visits of 20 minutes and 6 minutes of travel between them. */
	private static final String GENERATED_DAY = """
			var day = arguments[0]; var lanes = []; var pad = function (n) { return (n < 10 ? '0' : '') + n; };
			var at = function (m) { return day + 'T' + pad(Math.floor(m / 60)) + ':' + pad(m % 60) + ':00'; };
			for (var i = 0; i < 100; i++) {
			  var visits = []; var m = 8 * 60 + (i % 7) * 5;
			  for (var j = 0; j < 20; j++) {
			    m += 6; var start = m; m += 20;
			    visits.push({ jobId: 'G' + (i * 20 + j), orderId: i * 20 + j, position: j, arrival: at(start), start: at(start),
			      end: at(m), travelSeconds: 360, travelMeters: 4000, windowStart: at(start - 30), windowEnd: at(start + 90),
			      pinned: j < 2, status: j < 2 ? 'PINNED' : 'PLANNED', lat: 31.1 + (i % 10) * 0.02 + j * 0.001,
			      lng: 121.3 + Math.floor(i / 10) * 0.02 + j * 0.001, evidenceFlags: [], reasons: [] });
			  }
			  lanes.push({ shiftId: 'S' + i, installerIds: ['' + i], installerName: 'Installer ' + i, providerId: '1',
			    start: at(8 * 60), end: at(18 * 60), onLeave: false, locked: false, baseLat: 31.1 + (i % 10) * 0.02,
			    baseLng: 121.3 + Math.floor(i / 10) * 0.02, backAtBase: at(m + 10), travelSeconds: 7200, travelMeters: 80000,
			    visits: visits, reasons: [] });
			}
			var board = { region: '310100', date: day, version: 1, score: '0hard/0medium/-1soft', feasible: true,
			  constraints: [{ constraint: 'Travel time', level: 'soft', impact: -720000, matches: 100 }], lanes: lanes,
			  unassigned: [], reoptimization: null };
			""";

}
