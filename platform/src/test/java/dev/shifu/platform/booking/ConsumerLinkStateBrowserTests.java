package dev.shifu.platform.booking;

import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import dev.shifu.platform.support.Api;
import dev.shifu.platform.support.Browser;
import dev.shifu.platform.support.TestPhones;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A replaced (revoked) and an expired link in real Chromium, in zh-CN and en: each shows its own state page, nothing
 * of the order and no control but the language switch, and the API behind it accepts nothing. Screenshots in
 * target/screenshots/consumer-link-*.png. In the test city 997300, planned by no other test.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsumerLinkStateBrowserTests extends WindowFixture {

	private static final String DISTRICT = "997301";

	private static final double LAT = 31.70;

	private static final double LNG = 121.70;

	@LocalServerPort
	private int port;

	@Autowired
	private JdbcTemplate jdbc;

	private WebDriver browser;

	private WebDriverWait wait;

	@BeforeAll
	void browser() {
		browser = Browser.start();
		browser.manage().window().setSize(new org.openqa.selenium.Dimension(412, 900));
		wait = new WebDriverWait(browser, Duration.ofSeconds(30));
	}

	@AfterAll
	void close() {
		if (browser != null) {
			browser.quit();
		}
	}

	@Test
	void theLinkOpensInTheOrdersLanguageUnlessTheVisitorChoseAnother() {
		setUpBrand();
		installer(dealer(DISTRICT), EnumSet.allOf(DayOfWeek.class), "08:00", "20:00", LAT, LNG);
		Map<String, Object> consumer = new java.util.HashMap<>(Map.of("name", "李娜", "phone", TestPhones.next("157"),
				"address", "浙江省某市某路 3 号", "regionCode", DISTRICT, "location", Map.of("lat", LAT + 0.003, "lng", LNG)));
		consumer.put("locale", "zh-CN");
		Api.Reply posted = asBrand(brand).post("/api/v1/orders", Map.of("externalOrderId", unique("LANG"), "consumer",
				consumer, "items", List.of(Map.of("sku", "DR-1", "name", "Door", "category", "DOOR", "quantity", 1)),
				"serviceType", "INSTALLATION", "memberTier", "GOLD", "goods", Map.of("status", "ARRIVED")));
		assertThat(posted.status()).as(posted.body()).isEqualTo(201);
		String token = awaitingBooking(posted.json().get("id").asLong());
		browser.get("http://localhost:" + port + "/c/" + token);
		String browserLanguage = (String) ((org.openqa.selenium.JavascriptExecutor) browser)
			.executeScript("localStorage.removeItem('shifu.lang'); return navigator.language;");
		assertThat(browserLanguage).as("the browser itself asks for English").startsWith("en");
		browser.navigate().refresh();

		wait.until(d -> "zh-CN".equals(((org.openqa.selenium.JavascriptExecutor) d)
			.executeScript("return document.documentElement.lang")) && d.getTitle().startsWith("我的上门服务"));

		browser.get("http://localhost:" + port + "/c/" + token + "?lang=en");
		wait.until(d -> "en".equals(((org.openqa.selenium.JavascriptExecutor) d)
			.executeScript("return document.documentElement.lang")));
		Browser.screenshot(browser, "consumer-order-language");
	}

	@Test
	void atTheRescheduleLimitThePageOffersACallBackAndSaysWhyNotThatNoTimeIsLeft() {
		setUpBrand();
		installer(dealer(DISTRICT), EnumSet.allOf(DayOfWeek.class), "08:00", "20:00", LAT, LNG);
		long order = order(DISTRICT, "GOLD", LAT + 0.004, LNG, TestPhones.next("157"));
		String token = awaitingBooking(order);
		LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
		Api consumer = anonymous();
		// Past the live plan's days (today and three more), whose capacity shows once the new installer reached it.
		Api.Reply booked = consumer.post("/api/v1/consumer/" + token + "/appointment",
				Map.of("date", today.plusDays(4).toString(), "window", "MORNING"));
		assertThat(booked.status()).as(booked.body()).isEqualTo(200);
		// Moved as often as allowed (the moves themselves and their count are WindowBookingTests'): the page's state.
		assertThat(jdbc.update("update appointment set reschedules = 2 where order_id = ?", order)).isEqualTo(1);
		assertThat(consumer.get("/api/v1/consumer/" + token + "/appointment").json().get("callbackOffered").asBoolean())
			.isTrue();

		browser.get("http://localhost:" + port + "/c/" + token + "?lang=en");
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("noWindow")));
		String notice = browser.findElement(By.id("noWindow")).getText();
		assertThat(notice).contains("No more changes online").doesNotContain("fully booked");
		assertThat(browser.findElement(By.id("callback")).isDisplayed()).isTrue();
		assertThat(browser.findElement(By.id("booking")).isDisplayed()).as("no further move offered").isFalse();
		Browser.screenshot(browser, "consumer-reschedule-limit-en");
	}

	@Test
	void aReplacedLinkShowsThatInBothLanguagesAndAcceptsNothing() {
		setUpBrand();
		installer(dealer(DISTRICT), EnumSet.allOf(DayOfWeek.class), "08:00", "20:00", LAT, LNG);
		long order = order(DISTRICT, "GOLD", LAT + 0.001, LNG, TestPhones.next("157"));
		String old = awaitingBooking(order);
		Api.Reply reissued = asBrand(brand).post("/api/v1/consumer-links/" + order + "/reissue", null);
		assertThat(reissued.status()).as(reissued.body()).isEqualTo(200);
		String fresh = awaitingBooking(order);
		assertThat(fresh).isNotEqualTo(old);

		gonePage(old, "zh-CN", "链接已更换", "此链接已失效，请使用最新短信中的链接。", "link-revoked-zh");
		gonePage(old, "en", "Link replaced", "This link no longer works. Please use the link in your latest message.",
				"link-revoked-en");

		acceptsNothing(old, "/link-revoked");
		assertThat(status(order)).isEqualTo("AWAITING_BOOKING");
		assertThat(anonymous().get("/api/v1/consumer/" + fresh + "/appointment").status()).as("nothing booked")
			.isEqualTo(404);
		assertThat(anonymous().get("/api/v1/consumer/" + fresh).status()).as("the new link opens").isEqualTo(200);
	}

	@Test
	void anExpiredLinkShowsThatInBothLanguagesAndAcceptsNothing() {
		setUpBrand();
		installer(dealer(DISTRICT), EnumSet.allOf(DayOfWeek.class), "08:00", "20:00", LAT, LNG);
		long order = order(DISTRICT, "GOLD", LAT + 0.002, LNG, TestPhones.next("157"));
		String token = awaitingBooking(order);
		Api.Reply cancelled = anonymous().post("/api/v1/consumer/" + token + "/cancel", Map.of("reason", "买错了"));
		assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(200);
		driver.drainUntil(order, () -> status(order).equals("CANCELLED"), "cancelled");
		// 31 days after the cancellation (the default expiry is 30 days).
		assertThat(jdbc.update("update order_status_change set changed_at = ? where order_id = ? and to_status = 'CANCELLED'",
				Timestamp.from(Instant.now().minus(31, ChronoUnit.DAYS)), order)).isEqualTo(1);

		gonePage(token, "zh-CN", "链接已过期", "订单已结束较久，链接已过期。", "link-expired-zh");
		gonePage(token, "en", "Link expired", "This order finished a while ago and its link has expired.",
				"link-expired-en");

		acceptsNothing(token, "/link-expired");
		assertThat(status(order)).isEqualTo("CANCELLED");
	}

	/** The state page: its title and text in the language, nothing of the order, no control but the switch. */
	private void gonePage(String token, String lang, String title, String text, String shot) {
		browser.get("http://localhost:" + port + "/c/" + token + "?lang=" + lang);
		try {
			wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("gone")));
		}
		catch (org.openqa.selenium.TimeoutException ex) {
			Browser.screenshot(browser, "consumer-failed-" + shot);
			throw new AssertionError("the link shows: " + browser.findElement(By.tagName("main")).getText(), ex);
		}
		assertThat(browser.findElement(By.id("goneTitle")).getText()).isEqualTo(title);
		assertThat(browser.findElement(By.id("goneText")).getText()).isEqualTo(text);
		assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo(lang);
		for (String section : List.of("order", "booking", "code", "installer", "rating", "cancelling", "timeline")) {
			assertThat(browser.findElement(By.id(section)).isDisplayed()).as(section).isFalse();
		}
		List<String> controls = browser.findElements(By.cssSelector("button, input, textarea, select"))
			.stream()
			.filter(WebElement::isDisplayed)
			.map(e -> e.getAttribute("id"))
			.toList();
		assertThat(controls).as("nothing to book, cancel or rate").containsExactly("lang");
		Browser.screenshot(browser, "consumer-" + shot);
	}

	/** Every write through the link is a 410 problem naming the token. */
	private void acceptsNothing(String token, String type) {
		String day = LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(3).toString();
		Api consumer = anonymous();
		List<Api.Reply> writes = List.of(
				consumer.post("/api/v1/consumer/" + token + "/appointment", Map.of("date", day, "window", "MORNING")),
				consumer.post("/api/v1/consumer/" + token + "/cancel", Map.of("reason", "again")),
				consumer.post("/api/v1/consumer/" + token + "/rating", Map.of("stars", 5)),
				consumer.post("/api/v1/consumer/" + token + "/callback-request", Map.of()),
				consumer.get("/api/v1/consumer/" + token));
		for (Api.Reply reply : writes) {
			assertThat(reply.status()).as(reply.body()).isEqualTo(410);
			assertThat(reply.contentType()).startsWith("application/problem+json");
			assertThat(reply.json().get("type").asText()).endsWith(type);
			assertThat(reply.json().get("field").asText()).isEqualTo("token");
		}
	}

	private String status(long order) {
		return admin.get("/api/v1/orders/" + order).json().get("status").asText();
	}

}
