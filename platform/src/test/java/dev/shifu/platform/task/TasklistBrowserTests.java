package dev.shifu.platform.task;

import java.time.Duration;
import java.util.Set;

import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.shifu.platform.identity.Role;
import dev.shifu.platform.support.Browser;
import dev.shifu.platform.support.StaffTaskFixture;
import dev.shifu.workflows.ServiceOrderProcess.Elements;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each staff role signs in once, in a real browser, opens Camunda Tasklist through single sign-on, sees its own task
 * and completes it through the task's form; the other role's task stays out of its sight. Screenshots land in
 * target/screenshots.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TasklistBrowserTests extends StaffTaskFixture {

	/** Another app of this JVM that closed may have taken the webapps' delegates with it (CamundaWebapps). */
	@org.junit.jupiter.api.BeforeEach
	void camundaWebappsUp() {
		dev.shifu.platform.support.CamundaWebapps.ensureRuntimeDelegates();
	}

	private static final String PHONE_TASK_NAME = "Phone the consumer";

	private static final String RETURN_VISIT_NAME = "Return visit call (回访)";

	private static final String MANUAL_ASSIGNMENT_NAME = "Assign provider manually";

	@LocalServerPort
	private int port;

	@Autowired
	private ProcessEngine engine;

	@Autowired
	private dev.shifu.platform.identity.StaffRegions staffRegions;

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

	@Test
	void aDispatcherSeesAndCompletesTheCallToTheConsumerButNotTheReturnVisit() {
		long phone = orderAtPhoneConsumer();
		long visit = orderAtReturnVisit();
		String task = driver.openTask(phone, Elements.PHONE_CONSUMER_TASK);
		String hidden = driver.openTask(visit, Elements.RETURN_VISIT_TASK);
		signIn(Role.DISPATCHER);

		openTasklist();
		waitUpTo(60).until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), PHONE_TASK_NAME));
		screenshot("tasklist-dispatcher");
		assertThat(browser.findElement(By.tagName("body")).getText()).doesNotContain(RETURN_VISIT_NAME);

		openTask(task);
		field("consumerReached").click();
		field("contactNote").sendKeys("会今晚预约");
		screenshot("tasklist-dispatcher-form");
		complete();

		waitForCompletion(phone, Elements.PHONE_CONSUMER_TASK);
		assertThat(driver.openTask(visit, Elements.RETURN_VISIT_TASK)).isEqualTo(hidden);
	}

	@Test
	void customerServiceSeesAndCompletesTheReturnVisitAndTheOrderCloses() {
		long phone = orderAtPhoneConsumer();
		long visit = orderAtReturnVisit();
		String task = driver.openTask(visit, Elements.RETURN_VISIT_TASK);
		signIn(Role.CUSTOMER_SERVICE);

		openTasklist();
		waitUpTo(60).until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), RETURN_VISIT_NAME));
		screenshot("tasklist-customer-service");
		assertThat(browser.findElement(By.tagName("body")).getText()).doesNotContain(PHONE_TASK_NAME);

		openTask(task);
		new Select(field("returnVisitOutcome")).selectByValue("SATISFIED");
		field("returnVisitNote").sendKeys("满意");
		screenshot("tasklist-customer-service-form");
		complete();

		waitForCompletion(visit, Elements.RETURN_VISIT_TASK);
		driver.drain(visit);
		assertThat(status(visit)).isEqualTo("CLOSED");
		assertThat(driver.openTask(phone, Elements.PHONE_CONSUMER_TASK)).isNotNull();
	}

	@Test
	void anAdminSeesEveryStaffTaskAndAssignsAProviderByHand() {
		long visit = orderAtReturnVisit();
		long manual = orderAtManualAssignment();
		String task = driver.openTask(manual, Elements.ASSIGN_MANUALLY_TASK);
		signIn(Role.ADMIN);

		openTasklist();
		waitUpTo(60).until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), MANUAL_ASSIGNMENT_NAME));
		waitUpTo(60).until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), RETURN_VISIT_NAME));
		screenshot("tasklist-admin");

		openTask(task);
		eligibleProviders().selectByValue(String.valueOf(dealerId));
		complete();

		waitForCompletion(manual, Elements.ASSIGN_MANUALLY_TASK);
		assertThat(driver.openTask(visit, Elements.RETURN_VISIT_TASK)).isNotNull();
	}

	@Test
	void aDispatcherPicksTheProviderFromTheEligibleListAndAChoiceNoLongerEligibleIsRefusedWithTheTaskLeftOpen() {
		long manual = orderAtManualAssignment();
		String task = driver.openTask(manual, Elements.ASSIGN_MANUALLY_TASK);
		signIn(Role.DISPATCHER);
		openTasklist();
		waitUpTo(60).until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), MANUAL_ASSIGNMENT_NAME));

		openTask(task);
		Select providers = eligibleProviders();
		assertThat(providers.getOptions().stream().map(o -> o.getAttribute("value")))
			.as("the list the platform offers")
			.contains(String.valueOf(dealerId));
		screenshot("tasklist-dispatcher-manual-assignment");

		// The dealer is suspended after the list was shown: the engine refuses the choice, the task stays open.
		assertThat(admin.post("/api/v1/providers/" + dealerId + "/suspend", null).status()).isEqualTo(200);
		providers.selectByValue(String.valueOf(dealerId));
		complete();
		waitUpTo(60).until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "is not active"));
		screenshot("tasklist-dispatcher-manual-assignment-refused");
		assertThat(driver.openTask(manual, Elements.ASSIGN_MANUALLY_TASK)).as("still open").isEqualTo(task);
		assertThat(driver.incidents(manual)).isZero();

		assertThat(admin.post("/api/v1/providers/" + dealerId + "/activate", null).status()).isEqualTo(200);
		providers.selectByValue(String.valueOf(dealerId));
		complete();
		waitForCompletion(manual, Elements.ASSIGN_MANUALLY_TASK);
		driver.drain(manual);
		assertThat(runtime.getVariable(driver.instanceOf(manual), "assignedProviderId")).isEqualTo(String.valueOf(dealerId));
	}

	/** The form's provider list, once it is filled from the platform's eligible providers. */
	private Select eligibleProviders() {
		WebElement select = field("assignedProviderId");
		waitUpTo(60).until(ExpectedConditions.attributeToBeNotEmpty(select, "data-loaded"));
		return new Select(select);
	}

	private void signIn(Role role) {
		String username = unique(role.name().toLowerCase());
		accounts.createUser(username, PASSWORD, username, Set.of(role), null, null);
		if (role == Role.DISPATCHER) {
			// The tasks' orders are in Hangzhou; Tasklist shows a dispatcher their cities' tasks only.
			staffRegions.assign(username, Set.of("330100"));
		}
		browser.manage().deleteAllCookies();
		browser.get("http://localhost:" + port + "/login");
		browser.findElement(By.name("username")).sendKeys(username);
		browser.findElement(By.name("password")).sendKeys(PASSWORD);
		browser.findElement(By.cssSelector("button[type=submit]")).click();
		waitUpTo(30).until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
	}

	/** Test contexts share a JVM and each names its engine: address this context's engine, not "default". */
	private String tasklist() {
		return "http://localhost:" + port + "/camunda/app/tasklist/" + engine.getName() + "/";
	}

	private void openTasklist() {
		browser.get(tasklist());
		// The starter's "All tasks" filter: staff may read filters, so Tasklist lists what each may see.
		waitUpTo(60).until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "All tasks"));
		assertThat(browser.getCurrentUrl()).contains("/camunda/app/tasklist/").doesNotContain("login").doesNotContain("setup");
	}

	private void openTask(String taskId) {
		browser.get(tasklist() + "#/?task=" + taskId + "&detailsTab=form-tab");
		waitUpTo(60).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[cam-variable-name]")));
		// Tasklist keeps the form disabled until the task is claimed; claiming needs the task grant as well.
		waitUpTo(30).until(ExpectedConditions.elementToBeClickable(By.cssSelector("[ng-click=\"claim()\"]"))).click();
		waitUpTo(30).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[ng-click=\"unclaim()\"]")));
		waitUpTo(30).until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".disabled-form")));
	}

	private WebElement field(String variable) {
		return waitUpTo(30).until(ExpectedConditions.elementToBeClickable(By.cssSelector("[cam-variable-name=" + variable + "]")));
	}

	private void complete() {
		waitUpTo(30).until(ExpectedConditions.elementToBeClickable(By.cssSelector("button[ng-click=\"complete()\"]"))).click();
	}

	/** Bounded poll on the outcome in the engine, not on the page's timing. */
	private void waitForCompletion(long orderId, String taskKey) {
		for (int i = 0; i < 300 && driver.openTask(orderId, taskKey) != null; i++) {
			try {
				Thread.sleep(100);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		screenshot("tasklist-after-" + taskKey);
		assertThat(driver.openTask(orderId, taskKey)).as("completed in Tasklist").isNull();
	}

	private WebDriverWait waitUpTo(int seconds) {
		return new WebDriverWait(browser, Duration.ofSeconds(seconds));
	}

	private void screenshot(String name) {
		Browser.screenshot(browser, name);
	}

}
