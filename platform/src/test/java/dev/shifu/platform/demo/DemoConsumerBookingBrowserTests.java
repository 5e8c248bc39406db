package dev.shifu.platform.demo;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashSet;
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
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.shifu.platform.support.Api;
import dev.shifu.platform.support.Browser;
import dev.shifu.platform.support.PlatformIntegrationTest;
import dev.shifu.platform.support.ProcessDriver;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The "done when" for the consumer on the demo data, in real Chromium: a demo consumer's link (brand mulan,
 * read with the README's key) shows only the windows the live plan can serve (no bare day picker), the consumer
 * books one, and the demo dispatcher (the README's dispatcher / shifu-dispatch) sees the job in that window on the
 * schedule and on the route board of Hangzhou. Screenshots in target/screenshots/demo-consumer-*.png.
 *
 * <p>The same properties as {@link DemoInstallerSignInTests}, so both share one demo context (Camunda's job executor
 * on, as the demo's orders move asynchronously).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "shifu.demo.enabled=true", "camunda.bpm.job-execution.enabled=true",
				"spring.datasource.url=jdbc:h2:mem:shifu-demo-sign-in;MODE=MySQL;DB_CLOSE_DELAY=-1" })
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DemoConsumerBookingBrowserTests extends PlatformIntegrationTest {

	private static final String MULAN_KEY = "sk_demomulan_mulandemosecret0001";

	private static final String HANGZHOU = "330100";

	/** The demo's provider admins (README), each of its own provider. */
	private static final List<String> PROVIDER_ADMINS = List.of("xihu-dealer", "binjiang-dealer", "swift-install");

	@LocalServerPort
	private int port;

	@Autowired
	private RuntimeService runtime;

	@Autowired
	private ManagementService management;

	@Autowired
	private HistoryService history;

	@Autowired
	private TaskService tasks;

	private WebDriver browser;

	@BeforeAll
	void browser() {
		browser = Browser.start();
		browser.manage().window().setSize(new org.openqa.selenium.Dimension(412, 1000));
	}

	@AfterAll
	void close() {
		if (browser != null) {
			browser.quit();
		}
	}

	record Candidate(long orderId, String token, JsonNode windows) {
	}

	@Test
	void aDemoConsumerSeesOnlyWindowsBooksOneAndTheDispatcherSeesItInThatWindow() {
		Api mulan = Api.brand(http, MULAN_KEY);
		Api dispatcher = Api.user(http, "dispatcher", "shifu-dispatch");
		Candidate candidate = bookableDemoOrder(mulan);

		browser.get("http://localhost:" + port + "/c/" + candidate.token() + "?lang=zh-CN");
		WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));
		wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("input[name=window]")));
		assertThat(browser.findElements(By.cssSelector("#datePick, input[type=date]")))
			.as("no bare day to pick")
			.noneMatch(WebElement::isDisplayed);
		Set<String> shown = new HashSet<>();
		for (WebElement radio : browser.findElements(By.cssSelector("input[name=window]"))) {
			shown.add(radio.getAttribute("data-date") + " " + radio.getAttribute("data-window"));
		}
		Set<String> offered = new HashSet<>();
		candidate.windows().forEach(w -> offered.add(w.get("date").asText() + " " + w.get("window").asText()));
		assertThat(shown).as("the page shows the windows the capacity offers, no other").isEqualTo(offered);
		Browser.screenshot(browser, "demo-consumer-windows");

		JsonNode window = candidate.windows().get(0);
		String date = window.get("date").asText();
		WebElement radio = browser.findElement(By.cssSelector(
				"input[name=window][data-date='" + date + "'][data-window='" + window.get("window").asText() + "']"));
		((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'})", radio);
		radio.click();
		browser.findElement(By.id("book")).click();
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("bookedDate"), date));
		((JavascriptExecutor) browser).executeScript("window.scrollTo(0, 0)");
		Browser.screenshot(browser, "demo-consumer-booked");
		Api.Reply appointment = anonymous().get("/api/v1/consumer/" + candidate.token() + "/appointment");
		assertThat(appointment.status()).as(appointment.body()).isEqualTo(200);
		assertThat(appointment.json().get("window").asText()).isEqualTo(window.get("window").asText());

		// The dispatcher's schedule and board of Hangzhou show the job on that day, starting inside the window.
		LocalDate day = LocalDate.parse(date);
		LocalTime from = LocalTime.parse(window.get("start").asText());
		LocalTime to = LocalTime.parse(window.get("end").asText());
		JsonNode scheduled = null;
		JsonNode onBoard = null;
		for (int i = 0; i < 600 && (scheduled == null || onBoard == null || !inside(scheduled, from, to)
				|| !inside(onBoard, from, to)); i++) {
			if (i > 0) {
				sleep();
			}
			scheduled = visitOf(dispatcher, "/api/v1/schedules?region=" + HANGZHOU + "&date=" + day, candidate.orderId());
			onBoard = visitOf(dispatcher, "/api/v1/dispatch/board?region=" + HANGZHOU + "&date=" + day, candidate.orderId());
		}
		assertThat(scheduled).as("on the dispatcher's schedule of " + day).isNotNull();
		assertThat(LocalDateTime.parse(scheduled.get("start").asText()).toLocalTime()).isBetween(from, to);
		assertThat(onBoard).as("on the dispatcher's board of " + day).isNotNull();
		assertThat(LocalDateTime.parse(onBoard.get("start").asText()).toLocalTime()).isBetween(from, to);
		assertThat(LocalDateTime.parse(onBoard.get("windowStart").asText())).as("the board shows the booked window")
			.isEqualTo(day.atTime(from));
		assertThat(LocalDateTime.parse(onBoard.get("windowEnd").asText())).isEqualTo(day.atTime(to));
	}

	/**
	 * The rest of the "done when" on the demo data, in the page: after booking, a late move (inside the approval
	 * period) waits for the demo dispatcher, who approves it, and the page shows the decision and the new window; the
	 * provider that accepted reports the installer en route with a position and the page shows the ETA; the page shows
	 * the completion code on the day, that code completes the job, and the consumer rates with stars and sees the
	 * thanks. Screenshots in target/screenshots/demo-journey-*.png.
	 */
	@Test
	void aDemoConsumerMovesLateWithTheDispatchersApprovalTracksTheEtaGivesTheCodeAndRates() {
		Api mulan = Api.brand(http, MULAN_KEY);
		Api dispatcher = Api.user(http, "dispatcher", "shifu-dispatch");
		ProcessDriver driver = new ProcessDriver(runtime, management, history, tasks);
		// An order with two windows of one day inside the approval period: a member whose windows start tomorrow has
		// them at any hour; one whose windows start the day after only late in the evening.
		Candidate candidate = bookableDemoOrder(mulan, DemoConsumerBookingBrowserTests::hasLatePair);
		long order = candidate.orderId();
		WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));

		// Book a window of a day that offers another one inside the approval period, to move to late.
		JsonNode first = candidate.windows().get(0);
		for (JsonNode w : candidate.windows()) {
			boolean pair = false;
			for (JsonNode v : candidate.windows()) {
				pair |= v != w && v.get("date").asText().equals(w.get("date").asText()) && late(v);
			}
			if (pair) {
				first = w;
				break;
			}
		}
		JsonNode booked = first;
		String date = first.get("date").asText();
		open(candidate.token());
		pick(wait, date, first.get("window").asText());
		browser.findElement(By.id("book")).click();
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("bookedDate"), date));
		shot("booked");

		// Another window of the same day (a same-day move needs no provider yet), less than approval-before ahead.
		JsonNode other = eventually(() -> {
			Api.Reply windows = anonymous().get("/api/v1/consumer/" + candidate.token() + "/windows");
			if (windows.status() != 200) {
				return null;
			}
			for (JsonNode w : windows.json().get("windows")) {
				if (w.get("date").asText().equals(date) && !w.get("window").asText().equals(booked.get("window").asText())
						&& late(w)) {
					return w;
				}
			}
			return null;
		}, "another window on " + date + " less than approval-before (40 h in tests) ahead");
		assertThat(LocalDate.parse(date).atTime(LocalTime.parse(other.get("start").asText())))
			.as("inside the approval period (40 h in tests)")
			.isBefore(LocalDateTime.now(java.time.ZoneId.of("Asia/Shanghai")).plusHours(40));
		browser.navigate().refresh();
		pick(wait, date, other.get("window").asText());
		new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("rescheduleReason"))).selectByValue("NOT_HOME");
		browser.findElement(By.id("book")).click();
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("pending")));
		assertThat(browser.findElement(By.id("bookedWindow")).getText()).as("the old window stands")
			.contains(first.get("start").asText().substring(0, 5));
		shot("approval-pending");

		// The demo dispatcher approves it from the reschedule requests; the page shows the decision and the new window.
		long request = eventually(() -> {
			Api.Reply requests = dispatcher.get("/api/v1/reschedule-requests");
			assertThat(requests.status()).as(requests.body()).isEqualTo(200);
			for (JsonNode r : requests.json()) {
				if (r.get("orderId").asLong() == order && r.get("status").asText().equals("PENDING")) {
					return r.get("id").asLong();
				}
			}
			return null;
		}, "the request on the demo dispatcher's list");
		Api.Reply approved = dispatcher.post("/api/v1/reschedule-requests/" + request + "/approve", Map.of());
		assertThat(approved.status()).as(approved.body()).isEqualTo(200);
		browser.navigate().refresh();
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("decision")));
		assertThat(browser.findElement(By.id("bookedWindow")).getText())
			.contains(other.get("start").asText().substring(0, 5));
		shot("reschedule-approved");

		// The provider the demo offers the job to accepts it (the job executor moves the process on by itself).
		Provider provider = eventually(() -> acceptOpenOffer(dispatcher, order), "an offer of order " + order + " accepted");
		eventually(() -> status(mulan, order).equals("SCHEDULED") && driver.isWaitingAt(order, "InstallationDayGateway")
				? true : null, "scheduled, waiting for the day");
		open(candidate.token());
		waitStatus(wait, "SCHEDULED");
		assertThat(browser.findElement(By.id("code")).isDisplayed()).as("no code before the day").isFalse();

		// The day comes; the installer sets off and reports a position: the page shows the ETA.
		driver.fireTimer(order, "InstallationDayTimer");
		eventually(() -> status(mulan, order).equals("IN_SERVICE") ? true : null, "in service");
		Api.Reply enRoute = provider.api().post("/api/v1/providers/" + provider.id() + "/jobs/" + order + "/events",
				Map.of("type", "EN_ROUTE"));
		assertThat(enRoute.status()).as(enRoute.body()).isEqualTo(200);
		eventually(() -> status(mulan, order).equals("EN_ROUTE") ? true : null, "en route");
		Api.Reply position = provider.api().post("/api/v1/providers/" + provider.id() + "/jobs/" + order + "/position",
				Map.of("position", Map.of("lat", 30.29, "lng", 120.13)));
		assertThat(position.status()).as(position.body()).isEqualTo(204);
		browser.navigate().refresh();
		waitStatus(wait, "EN_ROUTE");
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("etaLine")));
		assertThat(browser.findElement(By.id("eta")).getText()).matches("\\d{2}:\\d{2}–\\d{2}:\\d{2}");
		shot("en-route-eta");

		// The code is shown while the visit is due; given to the installer, it completes the job.
		String code = browser.findElement(By.id("verificationCode")).getText();
		assertThat(code).hasSize(6);
		((JavascriptExecutor) browser).executeScript("document.getElementById('code').scrollIntoView()");
		shot("code");
		for (String step : List.of("ARRIVED", "STARTED")) {
			Api.Reply reply = provider.api().post("/api/v1/providers/" + provider.id() + "/jobs/" + order + "/events",
					Map.of("type", step));
			assertThat(reply.status()).as(reply.body()).isEqualTo(200);
			eventually(() -> status(mulan, order).equals(step) ? true : null, step);
		}
		// The installer records a serial number for every unit (the demo's doors need them).
		List<Map<String, String>> serials = new ArrayList<>();
		for (JsonNode item : mulan.get("/api/v1/orders/" + order).json().get("items")) {
			for (int unit = 0; unit < item.path("quantity").asInt(1); unit++) {
				serials.add(Map.of("sku", item.get("sku").asText(), "serialNumber", "SN-DEMO-" + order + "-" + serials.size()));
			}
		}
		Api.Reply completed = provider.api().post("/api/v1/providers/" + provider.id() + "/jobs/" + order + "/events",
				Map.of("type", "COMPLETED", "verificationCode", code, "serialNumbers", serials));
		assertThat(completed.status()).as(completed.body()).isEqualTo(200);
		eventually(() -> status(mulan, order).equals("COMPLETED") ? true : null, "completed");
		browser.navigate().refresh();
		waitStatus(wait, "COMPLETED");
		assertThat(browser.findElement(By.id("code")).isDisplayed()).as("no code after completion").isFalse();
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("rating")));
		shot("rating-form");

		// Five stars on the page: the thanks.
		browser.findElement(By.cssSelector("label:has(#star5)")).click();
		browser.findElement(By.id("rate")).click();
		eventually(() -> status(mulan, order).equals("RATED") ? true : null, "rated");
		browser.navigate().refresh();
		waitStatus(wait, "RATED");
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("rated")));
		shot("rated");
		assertThat(browser.findElement(By.id("rating")).isDisplayed()).as("rated once: no form any more").isFalse();
	}

	/** Less than approval-before (40 h in tests) ahead, with an hour to spare for the test's own run. */
	private static boolean late(JsonNode window) {
		return LocalDate.parse(window.get("date").asText()).atTime(LocalTime.parse(window.get("start").asText()))
			.isBefore(LocalDateTime.now(java.time.ZoneId.of("Asia/Shanghai")).plusHours(39));
	}

	record Provider(long id, Api api) {
	}

	/** Accepts the order's open offer as the demo admin of the offered provider (each sees only its own offers). */
	private Provider acceptOpenOffer(Api dispatcher, long order) {
		for (JsonNode offer : dispatcher.get("/api/v1/offers?orderId=" + order).json()) {
			if (!offer.get("status").asText().equals("OFFERED")) {
				continue;
			}
			for (String admin : PROVIDER_ADMINS) {
				Api api = Api.user(http, admin, "shifu-provider");
				if (api.post("/api/v1/offers/" + offer.get("id").asLong() + "/accept", null).status() == 200) {
					return new Provider(offer.get("providerId").asLong(), api);
				}
			}
		}
		return null;
	}

	private void open(String token) {
		browser.get("http://localhost:" + port + "/c/" + token + "?lang=zh-CN");
	}

	private void pick(WebDriverWait wait, String date, String window) {
		By choice = By.cssSelector("input[name=window][data-date='" + date + "'][data-window='" + window + "']");
		wait.until(ExpectedConditions.presenceOfElementLocated(choice));
		WebElement radio = browser.findElement(choice);
		((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'})", radio);
		radio.click();
	}

	private void waitStatus(WebDriverWait wait, String status) {
		try {
			wait.until(ExpectedConditions.attributeToBe(By.id("status"), "data-status", status));
		}
		catch (org.openqa.selenium.TimeoutException ex) {
			shot("failed-waiting-for-" + status);
			throw new AssertionError("page never showed " + status + "; it shows: "
					+ browser.findElement(By.tagName("main")).getText(), ex);
		}
	}

	private void shot(String name) {
		((JavascriptExecutor) browser).executeScript("window.scrollTo(0, 0)");
		Browser.screenshot(browser, "demo-journey-" + name);
	}

	private static String status(Api mulan, long order) {
		return mulan.get("/api/v1/orders/" + order).json().get("status").asText();
	}

	/** Polls about once a second (the link allows 100 requests a minute in tests), for at most two minutes. */
	private static <T> T eventually(java.util.function.Supplier<T> probe, String what) {
		for (int i = 0; i < 120; i++) {
			T value = probe.get();
			if (value != null) {
				return value;
			}
			try {
				Thread.sleep(1000);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new AssertionError(ex);
			}
		}
		throw new AssertionError("never: " + what);
	}

	/**
	 * A demo order of brand mulan waiting for its consumer's booking with windows on offer (the demo's goods are
	 * arrived for about half its orders; the demo books only every fifth order itself), once the live plan offers.
	 */
	private Candidate bookableDemoOrder(Api mulan) {
		return bookableDemoOrder(mulan, windows -> true);
	}

	/** Two windows on one day, one of them less than the approval period ahead. */
	private static boolean hasLatePair(JsonNode windows) {
		for (JsonNode w : windows) {
			for (JsonNode v : windows) {
				if (v != w && v.get("date").asText().equals(w.get("date").asText()) && late(v)) {
					return true;
				}
			}
		}
		return false;
	}

	private Candidate bookableDemoOrder(Api mulan, java.util.function.Predicate<JsonNode> windowsWanted) {
		for (int round = 0; round < 300; round++) {
			Api.Reply page = mulan.get("/api/v1/orders?status=AWAITING_BOOKING&size=100");
			assertThat(page.status()).as(page.body()).isEqualTo(200);
			for (JsonNode order : page.json().get("content")) {
				if (!"ARRIVED".equals(order.path("goods").path("status").asText())) {
					continue;
				}
				long id = order.get("id").asLong();
				String link = mulan.get("/api/v1/orders/" + id).json().path("consumerLink").asText("");
				if (!link.contains("/c/")) {
					continue;
				}
				String token = link.substring(link.indexOf("/c/") + 3);
				Api.Reply windows = anonymous().get("/api/v1/consumer/" + token + "/windows");
				if (windows.status() == 200 && windows.json().get("windows").size() > 0
						&& windowsWanted.test(windows.json().get("windows"))
						&& anonymous().get("/api/v1/consumer/" + token + "/appointment").status() == 404) {
					return new Candidate(id, token, windows.json().get("windows"));
				}
			}
			sleep();
		}
		throw new AssertionError("no demo order of mulan waits for a booking with windows on offer");
	}

	private static JsonNode visitOf(Api dispatcher, String path, long orderId) {
		Api.Reply reply = dispatcher.get(path);
		assertThat(reply.status()).as(reply.body()).isEqualTo(200);
		List<JsonNode> visits = new ArrayList<>();
		reply.json().findValues("visits").forEach(list -> list.forEach(visits::add));
		return visits.stream().filter(v -> v.path("orderId").asLong() == orderId).findFirst().orElse(null);
	}

	private static boolean inside(JsonNode visit, LocalTime from, LocalTime to) {
		LocalTime start = LocalDateTime.parse(visit.get("start").asText()).toLocalTime();
		return !start.isBefore(from) && !start.isAfter(to);
	}

	private static void sleep() {
		try {
			Thread.sleep(500);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
