package dev.shifu.platform.booking;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.boot.test.web.server.LocalServerPort;

import dev.shifu.platform.support.Api;
import dev.shifu.platform.support.Browser;
import dev.shifu.platform.support.TestPhones;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dispatcher's route board in real Chromium shows a booked window the plan can no longer keep: the only
 * installer takes leave on the booked day while the board is open, and the alert appears live (the board's stream),
 * naming the job and its window; taken back, it goes. Screenshots in target/screenshots. In a city of its own
 * (993300, V287).
 */
class BookedWindowAlertBrowserTests extends AlertFixture {

	static final String CITY = "993300";

	static final String DISTRICT = "993301";

	@LocalServerPort
	private int port;

	private WebDriver browser;

	BookedWindowAlertBrowserTests() {
		super(CITY, 31.7, 121.7);
	}

	@AfterEach
	void close() {
		if (browser != null) {
			browser.quit();
		}
	}

	@Test
	void theBoardShowsABookedWindowNobodyCanKeepAsAnAlert() {
		setUpBrand();
		long dealer = dealer(DISTRICT);
		long installer = installer(dealer);
		long order = order(DISTRICT, "GOLD", lat + 0.001, lng + 0.001, TestPhones.next("139"));
		String token = awaitingBooking(order);
		LocalDate day = LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(2);
		Api.Reply booked = anonymous().post("/api/v1/consumer/" + token + "/appointment",
				Map.of("date", day.toString(), "window", "MORNING"));
		assertThat(booked.status()).as(booked.body()).isEqualTo(200);
		poll(() -> plannedOn(day, order), "the booked job planned on its day");

		String name = unique("dispatcher");
		dispatcherOf(CITY, name);
		browser = Browser.start();
		browser.get("http://localhost:" + port + "/console/board?region=" + CITY + "&date=" + day);
		Browser.signIn(browser, name, PASSWORD);
		WebDriverWait wait = Browser.waitUpTo(browser, 120);
		wait.until(ExpectedConditions.attributeToBe(By.tagName("body"), "data-interactive", "true"));
		wait.until(ExpectedConditions.textToBe(By.id("live"), "● live"));
		wait.until(ExpectedConditions.attributeToBe(By.tagName("body"), "data-alerts", "0"));
		assertThat(browser.findElement(By.id("alerts")).getText()).contains("Every booked window is kept");
		Browser.screenshot(browser, "board-alerts-1-kept");

		// While the dispatcher watches: the only installer is away on the booked day.
		leave(dealer, installer, List.of(day));

		By item = By.cssSelector("#alerts li[data-alert='O" + order + "']");
		WebElement alert = wait.until(ExpectedConditions.presenceOfElementLocated(item));
		Browser.screenshot(browser, "board-alerts-2-alert");
		assertThat(alert.getAttribute("data-problem")).isEqualTo("UNASSIGNED");
		assertThat(alert.getText()).contains("O" + order, day.toString(), "09:00–12:00", "nobody can take it in its window");
		assertThat(browser.findElement(By.id("alerts-count")).getText()).isEqualTo("(1)");

		// Taken back: the window is kept again and the alert leaves the board.
		leave(dealer, installer, List.of());

		wait.until(ExpectedConditions.invisibilityOfElementLocated(item));
		Browser.screenshot(browser, "board-alerts-3-cleared");
		assertThat(browser.findElements(item)).isEmpty();
	}

}
