package dev.shifu.platform.booking;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
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
 * A consumer's late reschedule (改约审批) waits on the dispatcher's route board in real Chromium: the board of the
 * order's city lists it (another city's does not), the dispatcher approves it there with a note, and the consumer's
 * link then shows the new window and the decision. Screenshots in target/screenshots.
 */
class BoardApprovalsBrowserTests extends WindowFixture {

	// A city no other test of the shared context plans in: an installer here would take other tests' unaccepted jobs
	// (the plan may pencil a job on any provider's installer of the city before an offer is accepted).
	private static final String DISTRICT = "330302";

	private static final String CITY = "330300";

	@LocalServerPort
	private int port;

	private WebDriver browser;

	@AfterEach
	void close() {
		if (browser != null) {
			browser.quit();
		}
	}

	@Test
	void aDispatcherApprovesALateRescheduleOnTheBoardAndTheConsumerSeesTheNewWindow() {
		setUpBrand();
		long dealer = dealer(DISTRICT);
		installer(dealer, EnumSet.allOf(java.time.DayOfWeek.class), "08:00", "18:00", 28.015, 120.655);
		long order = order(DISTRICT, "GOLD", 28.016, 120.656, dev.shifu.platform.support.TestPhones.next("139"));
		String token = awaitingBooking(order);
		Api consumer = anonymous();
		LocalDate tomorrow = TODAY.plusDays(1);
		Api.Reply booked = consumer.post("/api/v1/consumer/" + token + "/appointment",
				Map.of("date", tomorrow.toString(), "window", "AFTERNOON"));
		assertThat(booked.status()).as(booked.body()).isEqualTo(200);
		String name = unique("dispatcher");
		accounts.createUser(name, PASSWORD, name, Set.of(Role.DISPATCHER), null, null);
		inEveryCity(name);
		browser = Browser.start();
		browser.get("http://localhost:" + port + "/console/board?region=" + CITY + "&date=" + tomorrow);
		Browser.signIn(browser, name, PASSWORD);
		WebDriverWait wait = Browser.waitUpTo(browser, 60);
		wait.until(ExpectedConditions.attributeToBe(By.tagName("body"), "data-interactive", "true"));
		wait.until(ExpectedConditions.textToBe(By.id("live"), "● live"));

		// Asked for while the dispatcher watches: the board lists it live (an 'approval' event), without a reload.
		Api.Reply late = consumer.post("/api/v1/consumer/" + token + "/appointment/reschedule",
				Map.of("date", tomorrow.toString(), "window", "MORNING", "reason", "OTHER", "note", SCRIPT));
		assertThat(late.status()).as(late.body()).isEqualTo(202);
		Api.Reply list = dispatcher.get("/api/v1/reschedule-requests?region=" + CITY);
		assertThat(list.body()).as("the consumer's note is inert in the staff JSON").doesNotContain("<script>", "<img");
		long requestId = requestOf(list.json(), order);
		assertThat(requestId).as("on its city's list").isPositive();
		assertThat(requestOf(dispatcher.get("/api/v1/reschedule-requests?region=330100").json(), order))
			.as("not on another city's list").isNegative();
		By item = By.cssSelector("#approvals li[data-request='" + requestId + "']");
		WebElement entry = wait.until(ExpectedConditions.presenceOfElementLocated(item));
		assertThat(entry.getText()).contains("O" + order, "AFTERNOON", "MORNING", "OTHER")
			.as("the consumer's note shows as the text they typed").contains(SCRIPT);
		assertThat(((JavascriptExecutor) browser).executeScript("return window.__pwned === undefined"))
			.as("no markup of the note ran on the board").isEqualTo(true);
		Browser.screenshot(browser, "board-approvals-1-waiting");

		entry.findElement(By.cssSelector(".note")).sendKeys("Installer can come earlier");
		entry.findElement(By.cssSelector("button[data-act='approve']")).click();
		wait.until(page -> page.findElements(item).isEmpty()
				|| !page.findElement(item).findElement(By.cssSelector(".problem")).getText().isBlank());
		Browser.screenshot(browser, "board-approvals-2-approved");
		assertThat(browser.findElements(item)).as(() -> browser.findElement(item).getText()).isEmpty();

		JsonNode after = consumer.get("/api/v1/consumer/" + token + "/appointment").json();
		assertThat(after.get("window").asText()).as("the new window").isEqualTo("MORNING");
		assertThat(after.get("lastDecision").get("outcome").asText()).isEqualTo("APPROVED");
		assertThat(after.get("lastDecision").get("note").asText()).isEqualTo("Installer can come earlier");
		assertThat(after.hasNonNull("pendingReschedule")).isFalse();
		assertThat(requestOf(dispatcher.get("/api/v1/reschedule-requests?region=" + CITY).json(), order))
			.as("off the list").isNegative();

		// A call-back the consumer asks for shows live on the board's call-back list, until the dispatcher called.
		assertThat(consumer.post("/api/v1/consumer/" + token + "/callback-request", Map.of()).status()).isEqualTo(200);
		By callback = By.cssSelector("#callbacks li[data-callback]");
		WebElement call = wait.until(page -> page.findElements(callback).stream()
			.filter(e -> e.getText().contains("O" + order))
			.findFirst()
			.orElse(null));
		Browser.screenshot(browser, "board-approvals-3-callback");
		String callbackId = call.getAttribute("data-callback");
		call.findElement(By.cssSelector("button[data-act='called']")).click();
		By called = By.cssSelector("#callbacks li[data-callback='" + callbackId + "']");
		wait.until(page -> page.findElements(called).isEmpty());
		assertThat(dispatcher.get("/api/v1/callback-requests?region=" + CITY).body()).as("off the dispatcher's list")
			.doesNotContain("\"id\":" + callbackId + ",");
	}

	private static final String SCRIPT = "<img src=x onerror=\"window.__pwned=1\"><script>window.__pwned=2</script> 门口见";

	private static long requestOf(JsonNode requests, long order) {
		for (JsonNode r : requests) {
			if (r.get("orderId").asLong() == order) {
				return r.get("id").asLong();
			}
		}
		return -1;
	}

}
