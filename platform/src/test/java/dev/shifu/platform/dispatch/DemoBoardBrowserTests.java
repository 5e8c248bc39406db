package dev.shifu.platform.dispatch;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;

import dev.shifu.platform.support.Api;
import dev.shifu.platform.support.Browser;
import dev.shifu.platform.support.PlatformIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The "done when" on the demo data in real Chromium: the demo dispatcher (the README's dispatcher /
 * shifu-dispatch) signs in, opens the board of Hangzhou, sees the routes on the timeline and the map, drags a job
 * onto another installer's lane, reads the preview's score difference, confirms and sees the timeline follow.
 * Screenshots at each step in target/screenshots/demo-board-*.png.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "shifu.demo.enabled=true",
				"spring.datasource.url=jdbc:h2:mem:shifu-demo-board-${random.uuid};MODE=MySQL;DB_CLOSE_DELAY=-1" })
// Its demo network plans 200 orders: free the machine for the tests after it.
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DemoBoardBrowserTests extends PlatformIntegrationTest {

	private static final String HANGZHOU = "330100";

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

	private WebDriverWait waitUpTo(int seconds) {
		return new WebDriverWait(browser, Duration.ofSeconds(seconds));
	}

	private static JsonNode board(Api dispatcher, LocalDate day) {
		Api.Reply reply = dispatcher.get("/api/v1/dispatch/board?region=" + HANGZHOU + "&date=" + day);
		assertThat(reply.status()).as(reply.body()).isEqualTo(200);
		return reply.json();
	}

	private static int busyLanes(JsonNode board) {
		int busy = 0;
		for (JsonNode lane : board.get("lanes")) {
			if (lane.get("visits").size() > 0) {
				busy++;
			}
		}
		return busy;
	}

	/**
	 * The demo's busiest coming day once the live plan has put work on at least two lanes of one day. Today is left
	 * out: later in the day its unstarted work is planned from now on, and a drop at 07:30 lands in the past.
	 */
	private LocalDate busiestDay(Api dispatcher) {
		LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
		for (int attempt = 0; attempt < 300; attempt++) {
			LocalDate best = null;
			int most = 1;
			for (int d = 1; d <= 10; d++) {
				int busy = busyLanes(board(dispatcher, today.plusDays(d)));
				if (busy > most) {
					most = busy;
					best = today.plusDays(d);
				}
			}
			if (best != null) {
				return best;
			}
			sleep(1000);
		}
		throw new AssertionError("the demo plan never put work on two lanes of one day");
	}

	@Test
	void theDemoDispatcherSeesTheDemoRoutesDragsAJobToAnotherInstallerPreviewsConfirmsAndTheTimelineFollows() {
		Api dispatcher = Api.user(http, "dispatcher", "shifu-dispatch");
		LocalDate day = busiestDay(dispatcher);
		JsonNode board = settled(dispatcher, day);
		List<JsonNode> lanes = new ArrayList<>();
		board.get("lanes").forEach(lanes::add);
		// A job and a neighbouring lane (both in view together) where the server can score the move.
		String job = null;
		String target = null;
		for (int i = 0; i < lanes.size() && target == null; i++) {
			for (JsonNode visit : lanes.get(i).get("visits")) {
				if (visit.get("pinned").asBoolean() || target != null
						|| visit.get("start").asText().substring(11).compareTo("12:00") > 0) {
					continue;
				}
				for (int j : new int[] { i + 1, i - 1, i + 2, i - 2 }) {
					if (j < 0 || j >= lanes.size()) {
						continue;
					}
					String shift = lanes.get(j).get("shiftId").asText();
					Api.Reply probe = dispatcher.post("/api/v1/dispatch/board/" + HANGZHOU + "/preview",
							BoardFixture.edit("MOVE", visit.get("jobId").asText(), shift, 0, true, null));
					if (probe.status() == 200) {
						job = visit.get("jobId").asText();
						target = shift;
						break;
					}
				}
			}
		}
		assertThat(target).as("a job of the demo day the server can score on a neighbouring lane").isNotNull();

		browser.manage().deleteAllCookies();
		browser.get("http://localhost:" + port + "/console/board?region=" + HANGZHOU + "&date=" + day);
		waitUpTo(30).until(ExpectedConditions.presenceOfElementLocated(By.name("username")));
		Browser.screenshot(browser, "demo-board-0-sign-in");
		browser.findElement(By.name("username")).sendKeys("dispatcher");
		browser.findElement(By.name("password")).sendKeys("shifu-dispatch");
		browser.findElement(By.cssSelector("button[type=submit]")).click();
		waitUpTo(30).until(ExpectedConditions.urlContains("/console/board"));
		waitUpTo(60).until(ExpectedConditions.attributeToBe(By.tagName("body"), "data-interactive", "true"));
		WebElement block = waitUpTo(30)
			.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".job[data-job='" + job + "']")));
		int blocksShown = browser.findElements(By.cssSelector("#timeline .job")).size();
		int markers = browser.findElements(By.cssSelector("#map circle")).size();
		int routes = browser.findElements(By.cssSelector("#map polyline")).size();
		Browser.screenshot(browser, "demo-board-1-opened");

		((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'})", block);
		WebElement lane = browser.findElement(By.cssSelector(".track[data-shift='" + target + "']"));
		// Dropped at 07:30, before anyone's first job: position 0 of the lane, as probed.
		BoardDrag.drag(browser, block, lane, 48);
		waitUpTo(90).until(ExpectedConditions.or(
				ExpectedConditions.attributeToBe(By.tagName("body"), "data-preview", "ready"),
				ExpectedConditions.attributeToBe(By.tagName("body"), "data-preview", "refused")));
		String summary = browser.findElement(By.id("preview-summary")).getText();
		String detail = browser.findElement(By.id("preview-detail")).getText();
		Browser.screenshot(browser, "demo-board-2-preview");
		assertThat(browser.findElement(By.tagName("body")).getAttribute("data-preview")).as(summary).isEqualTo("ready");
		browser.findElement(By.id("preview-confirm")).click();
		waitUpTo(90).until(ExpectedConditions.presenceOfElementLocated(
				By.cssSelector(".track[data-shift='" + target + "'] .job[data-job='" + job + "']")));
		Browser.screenshot(browser, "demo-board-3-confirmed");

		assertThat(blocksShown).as("the demo day's visits on the timeline").isGreaterThan(1);
		assertThat(markers).as("the demo day's stops on the map").isGreaterThan(1);
		assertThat(routes).as("the demo day's routes on the map").isGreaterThanOrEqualTo(2);
		assertThat(summary).startsWith("moving job " + job + " to ");
		// The score difference, e.g. "(0hard/-1200soft)", and the scores before and after.
		assertThat(summary).matches("(?s).*\\(.*-?\\d+.*\\)$");
		assertThat(detail).contains("score ").contains("→");
		JsonNode after = board(dispatcher, day);
		assertThat(BoardFixture.laneOf(after, job)).isEqualTo(target);
		assertThat(BoardFixture.visit(after, job).get("pinned").asBoolean()).isTrue();
	}

	/**
	 * The rest of the "done when" on the demo data: one click pins a job; an installer marked sick from just
	 * after their first visit keeps that visit and the day re-plans without them; every job that left their lane is on
	 * another lane or in the unassigned list with the rules that keep it off every route, and the pinned job never moved.
	 */
	@Test
	void theDemoDispatcherPinsWithOneClickMarksAnInstallerSickWatchesTheDayReplanAndSeesWhyAJobIsLeftOut() {
		Api dispatcher = Api.user(http, "dispatcher", "shifu-dispatch");
		LocalDate day = busiestDay(dispatcher);
		JsonNode board = settled(dispatcher, day);
		String sickShift = null;
		int most = 1;
		for (JsonNode lane : board.get("lanes")) {
			boolean anyPinned = false;
			for (JsonNode visit : lane.get("visits")) {
				anyPinned |= visit.get("pinned").asBoolean();
			}
			if (!anyPinned && lane.get("visits").size() > most) {
				most = lane.get("visits").size();
				sickShift = lane.get("shiftId").asText();
			}
		}
		assertThat(sickShift).as("a demo lane of two or more free visits: " + board).isNotNull();
		String pinJob = null;
		for (JsonNode lane : board.get("lanes")) {
			if (!lane.get("shiftId").asText().equals(sickShift) && pinJob == null) {
				for (JsonNode visit : lane.get("visits")) {
					if (!visit.get("pinned").asBoolean()) {
						pinJob = visit.get("jobId").asText();
						break;
					}
				}
			}
		}
		assertThat(pinJob).as("a free visit on another lane").isNotNull();
		String pinned = pinJob;
		signIn(day);
		JavascriptExecutor page = (JavascriptExecutor) browser;

		// one click on the pin
		WebElement block = waitUpTo(30)
			.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".job[data-job='" + pinned + "']")));
		page.executeScript("arguments[0].scrollIntoView({block: 'center'})", block);
		new org.openqa.selenium.interactions.Actions(browser).click(block.findElement(By.cssSelector(".pin"))).perform();
		waitUpTo(60).until(ExpectedConditions.attributeToBe(By.cssSelector(".job[data-job='" + pinned + "']"),
				"data-pinned", "true"));
		Browser.screenshot(browser, "demo-board-4-pinned");
		JsonNode afterPin = settled(dispatcher, day);
		assertThat(BoardFixture.visit(afterPin, pinned).get("pinned").asBoolean()).isTrue();
		String pinnedLane = BoardFixture.laneOf(afterPin, pinned);

		// sick from a minute after the first visit starts
		List<String> before = BoardFixture.route(afterPin, sickShift);
		assertThat(before).as("the sick lane still has two or more visits").hasSizeGreaterThan(1);
		java.time.LocalDateTime from = java.time.LocalDateTime
			.parse(BoardFixture.lane(afterPin, sickShift).get("visits").get(0).get("start").asText())
			.plusMinutes(1);
		String at = String.format("%02d:%02d", from.getHour(), from.getMinute());
		WebElement sick = browser.findElement(By.cssSelector("button[data-act='sick'][data-shift='" + sickShift + "']"));
		// headless Chromium's prompt() takes no typed text: answer it as the dispatcher would type it
		page.executeScript("window.prompt = function () { return '" + at + "'; }");
		page.executeScript("arguments[0].scrollIntoView({block: 'center'})", sick);
		sick.click();
		waitUpTo(90).until(ExpectedConditions.or(
				ExpectedConditions.attributeToBe(By.tagName("body"), "data-preview", "ready"),
				ExpectedConditions.attributeToBe(By.tagName("body"), "data-preview", "refused")));
		String summary = browser.findElement(By.id("preview-summary")).getText();
		Browser.screenshot(browser, "demo-board-5-sick-preview");
		assertThat(browser.findElement(By.tagName("body")).getAttribute("data-preview")).as(summary).isEqualTo("ready");
		assertThat(summary).contains("unavailable from " + at);
		browser.findElement(By.id("preview-confirm")).click();
		String track = ".track[data-shift='" + sickShift + "'] .job";
		waitUpTo(180).until(ExpectedConditions.numberOfElementsToBe(By.cssSelector(track), 1));
		Browser.screenshot(browser, "demo-board-6-replanned");

		JsonNode after = settled(dispatcher, day);
		List<String> kept = BoardFixture.route(after, sickShift);
		assertThat(kept).as("the visit under way stays").hasSize(1);
		assertThat(before).contains(kept.get(0));
		for (String job : before) {
			if (job.equals(kept.get(0))) {
				continue;
			}
			if (BoardFixture.laneOf(after, job) != null) {
				assertThat(BoardFixture.laneOf(after, job)).as(job + " re-planned on another lane").isNotEqualTo(sickShift);
				continue;
			}
			JsonNode left = BoardFixture.unassigned(after, job);
			if (left == null) {
				// a visit with no booked day may go to another day's route
				assertThat(plannedOn(dispatcher, job)).as(job + " is on no lane of the day and not listed unassigned: "
						+ "it is on another day's route").isNotNull().isNotEqualTo(day);
				continue;
			}
			assertThat(left.get("blockedBy").findValuesAsText("constraint")).as("why " + job + " is left out").isNotEmpty();
			WebElement item = waitUpTo(60).until(ExpectedConditions.presenceOfElementLocated(
					By.xpath("//ul[@id='unassigned']/li[span[@data-job='" + job + "']]")));
			assertThat(item.getText()).contains(left.get("blockedBy").get(0).get("constraint").asText());
		}
		assertThat(BoardFixture.laneOf(after, pinned)).as("the pinned job never moved").isEqualTo(pinnedLane);
		assertThat(BoardFixture.visit(after, pinned).get("pinned").asBoolean()).isTrue();
	}

	/** The day of the plan whose routes hold the job, from today over the demo's horizon; null if none does. */
	private static LocalDate plannedOn(Api dispatcher, String job) {
		LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
		for (int d = 0; d <= 14; d++) {
			if (BoardFixture.laneOf(board(dispatcher, today.plusDays(d)), job) != null) {
				return today.plusDays(d);
			}
		}
		return null;
	}

	/** Signs the demo dispatcher in on the board of Hangzhou for the day, and waits until the page is interactive. */
	private void signIn(LocalDate day) {
		browser.manage().deleteAllCookies();
		browser.get("http://localhost:" + port + "/console/board?region=" + HANGZHOU + "&date=" + day);
		waitUpTo(30).until(ExpectedConditions.presenceOfElementLocated(By.name("username")));
		browser.findElement(By.name("username")).sendKeys("dispatcher");
		browser.findElement(By.name("password")).sendKeys("shifu-dispatch");
		browser.findElement(By.cssSelector("button[type=submit]")).click();
		waitUpTo(30).until(ExpectedConditions.urlContains("/console/board"));
		waitUpTo(60).until(ExpectedConditions.attributeToBe(By.tagName("body"), "data-interactive", "true"));
	}

	/** Two reads a moment apart show the same plan version. */
	private static JsonNode settled(Api dispatcher, LocalDate day) {
		long version = -1;
		for (int i = 0; i < 120; i++) {
			JsonNode board = board(dispatcher, day);
			if (board.get("version").asLong() == version) {
				return board;
			}
			version = board.get("version").asLong();
			sleep(1000);
		}
		return board(dispatcher, day);
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new AssertionError(ex);
		}
	}

}
