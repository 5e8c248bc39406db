package dev.shifu.platform.booking;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.shifu.platform.order.OrderLifecycle;
import dev.shifu.platform.support.Browser;
import dev.shifu.platform.support.PlatformIntegrationTest;
import dev.shifu.platform.support.ProcessDriver;

import static org.assertj.core.api.Assertions.assertThat;

/** The page behind the consumer's link, in a real browser: it shows the order and books the visit day. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsumerPageBrowserTests extends PlatformIntegrationTest {

	@LocalServerPort
	private int port;

	@Autowired
	private OrderLifecycle orders;

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
	}

	@AfterAll
	void close() {
		browser.quit();
	}

	@Test
	void theConsumerSeesTheOrderAndBooksTheVisitDay() {
		long order = asBrand(newBrand()).post("/api/v1/orders", Map.of("externalOrderId", unique("PAGE"),
				"consumer", Map.of("name", "李娜", "phone", "13812345678", "address", "杭州市西湖区文三路 90 号",
						"regionCode", "330106", "location", Map.of("lat", 30.27, "lng", 120.12)),
				"items", List.of(Map.of("sku", "D", "name", "Door", "category", "DOOR", "quantity", 1)),
				"serviceType", "INSTALLATION", "goods", Map.of("status", "ARRIVED"))).json().get("id").asLong();
		ProcessDriver driver = new ProcessDriver(runtime, management, history, tasks);
		driver.drainUntil(order, () -> orders.find(order).orElseThrow().status().name().equals("AWAITING_BOOKING"),
				"waiting for a booking");
		String token = orders.find(order).orElseThrow().consumerToken();
		String day = LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(3).toString();

		browser.get("http://localhost:" + port + "/c/" + token);
		var wait = new WebDriverWait(browser, java.time.Duration.ofSeconds(20));
		wait.until(ExpectedConditions.attributeToBe(By.id("status"), "data-status", "AWAITING_BOOKING"));
		((JavascriptExecutor) browser).executeScript("document.getElementById('date').value = arguments[0]", day);
		browser.findElement(By.id("book")).click();
		wait.until(ExpectedConditions.textToBe(By.id("bookedDate"), day));
		// The process moves the order on in its next (asynchronous) step; the job executor is off in tests.
		// With the goods on site it runs straight on from BOOKED to dispatch.
		driver.drainUntil(order, () -> !orders.find(order).orElseThrow().status().name().equals("AWAITING_BOOKING"), "booked");
		String now = orders.find(order).orElseThrow().status().name();
		browser.navigate().refresh();
		wait.until(ExpectedConditions.attributeToBe(By.id("status"), "data-status", now));
		Browser.screenshot(browser, "consumer-booked");

		assertThat(browser.findElement(By.id("status")).getText()).doesNotContain("待预约");
		assertThat(browser.findElement(By.id("bookedDate")).getText()).isEqualTo(day);
		assertThat(browser.findElement(By.id("error")).isDisplayed()).isFalse();
	}

	@Test
	void anUnknownLinkShowsAnErrorAndNoOrder() {
		browser.get("http://localhost:" + port + "/c/this-is-not-a-token-of-any-order");

		new WebDriverWait(browser, java.time.Duration.ofSeconds(20))
			.until(ExpectedConditions.visibilityOfElementLocated(By.id("error")));

		assertThat(browser.findElement(By.id("order")).isDisplayed()).isFalse();
	}

}
