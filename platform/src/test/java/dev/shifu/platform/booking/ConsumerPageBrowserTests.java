package dev.shifu.platform.booking;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.boot.test.web.server.LocalServerPort;

import dev.shifu.platform.support.Browser;
import dev.shifu.platform.support.PlatformIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A link that opens no order shows that, and nothing of any order. The whole journey (windows, booking, tracking,
 * the code, rating) is {@link ConsumerJourneyBrowserTests}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsumerPageBrowserTests extends PlatformIntegrationTest {

	@LocalServerPort
	private int port;

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
	void anUnknownLinkShowsThatAndNoOrder() {
		browser.get("http://localhost:" + port + "/c/this-is-not-a-token-of-any-order?lang=en");

		new WebDriverWait(browser, java.time.Duration.ofSeconds(20))
			.until(ExpectedConditions.visibilityOfElementLocated(By.id("gone")));

		assertThat(browser.findElement(By.id("goneTitle")).getText()).isEqualTo("Link not valid");
		assertThat(browser.findElement(By.id("order")).isDisplayed()).isFalse();
		Browser.screenshot(browser, "consumer-unknown-link");
	}

}
