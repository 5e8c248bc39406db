package dev.shifu.platform.booking;

import java.time.DayOfWeek;
import java.time.Duration;
import java.util.EnumSet;
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

import org.springframework.boot.test.web.server.LocalServerPort;

import dev.shifu.platform.identity.Role;
import dev.shifu.platform.support.Api;
import dev.shifu.platform.support.Browser;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The consumer's page in a real browser, on a real link, through every state a consumer meets: before the goods,
 * no window (call-back), booked, a late reschedule waiting for approval, the installer on the way with the ETA, the
 * completion code, the rating, rated, cancelled and a replaced link; in zh-CN and en. Each state is saved as a
 * screenshot under target/screenshots, and the page's weight is printed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsumerJourneyBrowserTests extends WindowFixture {

	/** Huzhou (Wuxing), a city of its own, so no other test's orders crowd its plan. */
	private static final String DISTRICT = "330502";

	/** Jiaxing (Nanhu): no provider covers it, so there is no window. */
	private static final String NOBODY = "330402";

	@LocalServerPort
	private int port;

	private WebDriver browser;

	private WebDriverWait wait;

	@BeforeAll
	void browser() {
		browser = Browser.start();
		// A phone's screen: the page is mobile-first.
		browser.manage().window().setSize(new org.openqa.selenium.Dimension(412, 1000));
		wait = new WebDriverWait(browser, Duration.ofSeconds(30));
	}

	@AfterAll
	void close() {
		browser.quit();
	}

	/** In zh-CN, as the consumer in these orders reads (headless Chromium asks for en-US, which the page would follow). */
	private void open(String token, String query) {
		browser.get("http://localhost:" + port + "/c/" + token + (query.isEmpty() ? "?lang=zh-CN" : query));
	}

	private void waitStatus(String status) {
		try {
			wait.until(ExpectedConditions.attributeToBe(By.id("status"), "data-status", status));
		}
		catch (org.openqa.selenium.TimeoutException ex) {
			shot("failed-waiting-for-" + status);
			throw new AssertionError("page never showed " + status + "; it shows: "
					+ browser.findElement(By.tagName("main")).getText(), ex);
		}
	}

	private boolean visible(String id) {
		return browser.findElement(By.id(id)).isDisplayed();
	}

	private void shot(String name) {
		Browser.screenshot(browser, "consumer-" + name);
	}

	@Test
	void aConsumerGoesFromBookingToRatingInTheBrowser() {
		setUpBrand();
		long dealer = dealer(DISTRICT);
		long installer = installer(dealer, EnumSet.allOf(DayOfWeek.class), "08:00", "20:00", 30.857, 120.185);
		String dealerAdmin = unique("journey-dealer");
		accounts.createUser(dealerAdmin, PASSWORD, dealerAdmin, Set.of(Role.PROVIDER_ADMIN), dealer, null);
		Api provider = Api.user(http, dealerAdmin, PASSWORD);

		// No provider covers the address: no window, and the consumer asks for a call-back.
		String nobody = awaitingBooking(order(NOBODY, "GOLD", 30.747, 120.785, "13800001111"));
		open(nobody, "?lang=zh-CN");
		waitStatus("AWAITING_BOOKING");
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("noWindow")));
		browser.findElement(By.id("callback")).click();
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("callbackDone")));
		shot("no-window-callback");

		// The goods are not shipped yet: the page says so and offers no window.
		long notShipped = asBrand(brand).post("/api/v1/orders", Map.of("externalOrderId", unique("GOODS"), "consumer",
				Map.of("name", "李娜", "phone", "13800002222", "address", "湖州市吴兴区某路 2 号", "regionCode", DISTRICT,
						"location", Map.of("lat", 30.858, "lng", 120.186)),
				"items", List.of(Map.of("sku", "DR-1", "name", "Door", "category", "DOOR", "quantity", 1)),
				"serviceType", "INSTALLATION", "goods", Map.of("status", "NOT_SHIPPED"))).json().get("id").asLong();
		open(awaitingBooking(notShipped), "");
		waitStatus("AWAITING_BOOKING");
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("goods")));
		assertThat(visible("booking")).isFalse();
		shot("before-goods");

		// Book tomorrow afternoon (GOLD sees windows from tomorrow).
		long order = order(DISTRICT, "GOLD", 30.858, 120.187, "13800003333");
		String token = awaitingBooking(order);
		open(token, "");
		waitStatus("AWAITING_BOOKING");
		String tomorrow = TODAY.plusDays(1).toString();
		pick(tomorrow, "AFTERNOON");
		printPageWeight();
		browser.findElement(By.id("book")).click();
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("bookedDate"), tomorrow));
		driver.drainUntil(order, () -> !status(order).equals("AWAITING_BOOKING"), "booked");
		browser.navigate().refresh();
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("bookedWindow"), "13:00"));
		shot("booked");

		// Less than the approval limit before the window: the move waits for a dispatcher, the old window stands.
		pick(tomorrow, "MORNING");
		new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("rescheduleReason"))).selectByValue("NOT_HOME");
		browser.findElement(By.id("book")).click();
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("pending")));
		assertThat(browser.findElement(By.id("bookedWindow")).getText()).contains("13:00");
		shot("approval-pending");
		long requestId = -1;
		for (JsonNode request : dispatcher.get("/api/v1/reschedule-requests").json()) {
			if (request.get("orderId").asLong() == order) {
				requestId = request.get("id").asLong();
			}
		}
		assertThat(dispatcher.post("/api/v1/reschedule-requests/" + requestId + "/approve", Map.of()).status()).isEqualTo(200);
		browser.navigate().refresh();
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("decision")));
		assertThat(browser.findElement(By.id("bookedWindow")).getText()).contains("09:00");
		shot("reschedule-approved");

		// The dealer takes the job; on the day the installer sets off and reports where they are.
		driver.drainUntil(order, () -> openOffer(order) != -1, "an offer");
		assertThat(provider.post("/api/v1/offers/" + openOffer(order) + "/accept", null).status()).isEqualTo(200);
		driver.drainUntil(order, () -> status(order).equals("SCHEDULED"), "scheduled");
		open(token, "");
		waitStatus("SCHEDULED");
		assertThat(visible("code")).as("no code before the day").isFalse();
		driver.fireTimer(order, "InstallationDayTimer");
		assertThat(jobEvent(provider, dealer, order, "EN_ROUTE").status()).isEqualTo(200);
		assertThat(provider.post("/api/v1/providers/" + dealer + "/jobs/" + order + "/position",
				Map.of("position", Map.of("lat", 30.87, "lng", 120.16))).status()).isEqualTo(204);
		browser.navigate().refresh();
		waitStatus("EN_ROUTE");
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("etaLine")));
		assertThat(browser.findElement(By.id("eta")).getText()).matches("\\d{2}:\\d{2}–\\d{2}:\\d{2}");
		assertThat(browser.findElement(By.id("installerName")).getText()).isEqualTo("周师傅");
		assertThat(browser.findElement(By.id("installerPhone")).getText()).contains("****");
		shot("en-route-eta");
		// In English: the installer by a Latin name, and the steps at the region's time (the browser runs on UTC).
		browser.findElement(By.id("lang")).click();
		wait.until(ExpectedConditions.textToBe(By.id("installerName"), "Installer Zhou"));
		WebElement firstStep = browser.findElement(By.cssSelector("#steps time"));
		String shanghai = java.time.format.DateTimeFormatter.ofPattern("hh:mm a", java.util.Locale.ENGLISH)
			.format(java.time.Instant.parse(firstStep.getAttribute("datetime")).atZone(java.time.ZoneId.of("Asia/Shanghai")));
		assertThat(firstStep.getText().replace('\u202f', ' ').replace('\u00a0', ' ')).endsWith(shanghai);
		shot("en-route-en");
		browser.findElement(By.id("lang")).click();
		wait.until(ExpectedConditions.textToBe(By.id("installerName"), "周师傅"));
		String code = browser.findElement(By.id("verificationCode")).getText();
		assertThat(code).hasSize(6);
		scrollTo("code");
		shot("code");

		for (String step : List.of("ARRIVED", "STARTED")) {
			assertThat(jobEvent(provider, dealer, order, step).status()).isEqualTo(200);
		}
		Api.Reply completed = provider.post("/api/v1/providers/" + dealer + "/jobs/" + order + "/events",
				Map.of("type", "COMPLETED", "verificationCode", code));
		assertThat(completed.status()).as(completed.body()).isEqualTo(200);
		driver.drainUntil(order, () -> status(order).equals("COMPLETED"), "completed");
		browser.navigate().refresh();
		waitStatus("COMPLETED");
		assertThat(visible("code")).as("no code after completion").isFalse();
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("rating")));
		shot("completed-rating-form");

		// Four stars, two tags and a comment with markup, which stays text.
		String script = "<img src=x onerror=\"window.__pwned=1\"><script>window.__pwned=2</script> 很好";
		browser.findElement(By.cssSelector("label:has(#star4)")).click();
		browser.findElements(By.cssSelector("#tags input")).stream().limit(2).forEach(WebElement::click);
		browser.findElement(By.id("comment")).sendKeys(script);
		browser.findElement(By.id("rate")).click();
		// The process moves the order to RATED in its own step (the job executor is off in tests).
		driver.drainUntil(order, () -> status(order).equals("RATED"), "rated");
		browser.navigate().refresh();
		waitStatus("RATED");
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("rated")));
		assertThat(((JavascriptExecutor) browser).executeScript("return window.__pwned === undefined")).isEqualTo(true);
		shot("rated");
		JsonNode complaints = admin.get("/api/v1/complaints?orderId=" + order).json();
		assertThat(complaints.size()).as("four stars open no complaint").isZero();

		// The same page in English, by the switch.
		browser.findElement(By.id("lang")).click();
		wait.until(ExpectedConditions.textToBe(By.id("status"), "Rated"));
		assertThat(browser.findElement(By.cssSelector("#rated h2")).getText()).isEqualTo("Thank you for your rating");
		assertThat(browser.findElement(By.id("lang")).getText()).isEqualTo("中文");
		shot("rated-en");
		browser.findElement(By.id("lang")).click();
		wait.until(ExpectedConditions.textToBe(By.id("status"), "已评价"));

		// A brand replaces the link: the old one says so, and shows nothing of the order.
		assertThat(asBrand(brand).post("/api/v1/consumer-links/" + order + "/reissue", null).status()).isEqualTo(200);
		browser.navigate().refresh();
		try {
			wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("gone")));
		}
		catch (org.openqa.selenium.TimeoutException ex) {
			shot("failed-waiting-for-revoked");
			throw new AssertionError("the replaced link shows: " + browser.findElement(By.tagName("main")).getText(), ex);
		}
		assertThat(visible("order")).isFalse();
		shot("link-revoked");

		// Cancelled through the page: the link then only shows the outcome.
		String cancelled = awaitingBooking(order(DISTRICT, "GOLD", 30.859, 120.188, "13800004444"));
		open(cancelled, "");
		waitStatus("AWAITING_BOOKING");
		browser.findElement(By.id("reason")).sendKeys("买错了");
		browser.findElement(By.id("cancel")).click();
		waitStatus("CANCELLED");
		assertThat(visible("cancelled")).isTrue();
		assertThat(visible("booking")).isFalse();
		assertThat(visible("cancelling")).isFalse();
		shot("cancelled");
	}

	private void pick(String date, String window) {
		By choice = By.cssSelector("input[name=window][data-date='" + date + "'][data-window='" + window + "']");
		wait.until(ExpectedConditions.presenceOfElementLocated(choice));
		WebElement radio = browser.findElement(choice);
		((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'})", radio);
		radio.click();
	}

	private void scrollTo(String id) {
		((JavascriptExecutor) browser).executeScript("document.getElementById(arguments[0]).scrollIntoView()", id);
	}

	/** What a phone downloads for the page: the document plus everything it fetched, as the browser counts it. */
	private void printPageWeight() {
		Object bytes = ((JavascriptExecutor) browser).executeScript("""
				const nav = performance.getEntriesByType('navigation')[0];
				const res = performance.getEntriesByType('resource');
				return { document: nav.transferSize, documentDecoded: nav.decodedBodySize,
				         calls: res.length, fetched: res.reduce((s, r) => s + r.transferSize, 0) };""");
		System.out.println("Consumer page weight (budget 60 KB in total, no framework): " + bytes);
		@SuppressWarnings("unchecked")
		Map<String, Object> weight = (Map<String, Object>) bytes;
		long total = ((Number) weight.get("document")).longValue() + ((Number) weight.get("fetched")).longValue();
		assertThat(total).as("page weight in bytes").isLessThan(60_000);
	}

	private String status(long order) {
		return admin.get("/api/v1/orders/" + order).json().get("status").asText();
	}

	private long openOffer(long order) {
		for (JsonNode offer : admin.get("/api/v1/offers?orderId=" + order).json()) {
			if (offer.get("status").asText().equals("OFFERED")) {
				return offer.get("id").asLong();
			}
		}
		return -1;
	}

	private Api.Reply jobEvent(Api as, long providerId, long order, String type) {
		Api.Reply reply = as.post("/api/v1/providers/" + providerId + "/jobs/" + order + "/events", Map.of("type", type));
		driver.drain(order);
		return reply;
	}

}
