package dev.shifu.platform.ops;

import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.boot.test.web.server.LocalServerPort;

import dev.shifu.platform.identity.Role;
import dev.shifu.platform.support.Browser;
import dev.shifu.platform.support.PlatformIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Staff sign in once, in a real browser, and reach Camunda Cockpit and Spring Boot Admin without a second login; a
 * dispatcher is kept out of Spring Boot Admin. Screenshots land in target/screenshots.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StaffConsolesBrowserTests extends PlatformIntegrationTest {

	/** Another app of this JVM that closed may have taken the webapps' delegates with it (CamundaWebapps). */
	@org.junit.jupiter.api.BeforeEach
	void camundaWebappsUp() {
		dev.shifu.platform.support.CamundaWebapps.ensureRuntimeDelegates();
	}

	@LocalServerPort
	private int port;

	@org.springframework.beans.factory.annotation.Autowired
	private org.camunda.bpm.engine.ProcessEngine engine;

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

	private String signIn(Role role) {
		String username = unique(role.name().toLowerCase());
		accounts.createUser(username, PASSWORD, username, java.util.Set.of(role), null, null);
		if (role == Role.DISPATCHER) {
			inEveryCity(username);
		}
		browser.manage().deleteAllCookies();
		browser.get("http://localhost:" + port + "/login");
		browser.findElement(By.name("username")).sendKeys(username);
		browser.findElement(By.name("password")).sendKeys(PASSWORD);
		browser.findElement(By.cssSelector("button[type=submit]")).click();
		// Wait for the redirect after sign-in, or the next navigation races it.
		waitUpTo(30).until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
		return username;
	}

	private WebDriverWait waitUpTo(int seconds) {
		return new WebDriverWait(browser, Duration.ofSeconds(seconds));
	}

	@Test
	void anAdminSignsInOnceAndSeesCockpitAsHimself() throws Exception {
		String admin = signIn(Role.ADMIN);

		// Test contexts share a JVM and each names its engine: address this context's engine, not "default".
		browser.get("http://localhost:" + port + "/camunda/app/cockpit/" + engine.getName() + "/");
		waitUpTo(60).until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "Process Definitions"));

		assertThat(browser.getCurrentUrl()).contains("/camunda/app/cockpit/").doesNotContain("login");
		assertThat(browser.findElement(By.tagName("body")).getText()).contains(admin).doesNotContain("Sign in");

		browser.get(browser.getCurrentUrl().replaceAll("#.*$", "") + "#/processes");
		waitUpTo(60).until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "service-order"));
		screenshot("cockpit-processes");
	}

	@Test
	void anAdminReachesSpringBootAdmin() throws Exception {
		signIn(Role.ADMIN);

		browser.get("http://localhost:" + port + "/admin");
		waitUpTo(60).until(ExpectedConditions.titleContains("Shifu operations"));

		screenshot("spring-boot-admin");
		assertThat(browser.getCurrentUrl()).contains("/admin");
	}

	@Test
	void aDispatcherIsKeptOutOfSpringBootAdmin() {
		signIn(Role.DISPATCHER);

		browser.get("http://localhost:" + port + "/admin");

		assertThat(browser.getTitle()).doesNotContain("Shifu operations");
		assertThat(browser.findElement(By.tagName("body")).getText()).containsAnyOf("403", "Forbidden");
	}

	@Test
	void anAnonymousVisitorIsSentToTheLoginForm() {
		browser.manage().deleteAllCookies();

		browser.get("http://localhost:" + port + "/camunda/app/cockpit/");

		waitUpTo(20).until(ExpectedConditions.urlContains("/login"));
		assertThat(browser.findElements(By.name("password"))).hasSize(1);
	}

	private void screenshot(String name) {
		Browser.screenshot(browser, name);
	}

}
