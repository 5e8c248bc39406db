package dev.shifu.platform.dispatch;

import java.time.Duration;
import java.time.LocalDate;
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

import org.springframework.boot.test.web.server.LocalServerPort;

import dev.shifu.platform.support.Api;
import dev.shifu.platform.support.Browser;
import dev.shifu.workflows.ServiceOrderProcess.Elements;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The route board page in real Chromium works the review list and the region's tasks: a flagged completion shows on
 * its visit and in the review list until the dispatcher marks it reviewed there; the call to a consumer and the manual
 * assignment of a provider are completed from the board, a bad value first coming back as the staff task API's
 * problem. An installer's reports reach the open page live (no reload). Screenshots in target/screenshots.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BoardReviewsAndTasksBrowserTests extends BoardStaffFixture {

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

	/** Live updates re-render the page's blocks, and sign-in navigates: an element read mid-swap is read again. */
	private WebDriverWait waitUpTo(int seconds) {
		WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(seconds));
		wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
		return wait;
	}

	/** Signs the dispatcher in on the board of Hangzhou for the day and waits until the page is interactive. */
	private void openBoard(LocalDate day) {
		browser.manage().deleteAllCookies();
		browser.get("http://localhost:" + port + "/console/board?region=" + HANGZHOU + "&date=" + day);
		waitUpTo(30).until(ExpectedConditions.presenceOfElementLocated(By.name("username")));
		browser.findElement(By.name("username")).sendKeys(dispatcherName);
		browser.findElement(By.name("password")).sendKeys(PASSWORD);
		browser.findElement(By.cssSelector("button[type=submit]")).click();
		waitUpTo(30).until(ExpectedConditions.urlContains("/console/board"));
		waitUpTo(60).until(ExpectedConditions.attributeToBe(By.tagName("body"), "data-interactive", "true"));
	}

	@Test
	void aDispatcherMarksAFlaggedVisitReviewedAndCompletesACallToTheConsumerFromTheBoard() {
		long flagged = flaggedCompletion();
		LocalDate day = TODAY.plusDays(3);
		awaitOnRoute(dispatcher, day, flagged);
		long call = orderAtPhoneConsumer();
		String task = driver.openTask(call, Elements.PHONE_CONSUMER_TASK);

		openBoard(day);
		long reviewId = review(dispatcher, flagged).get("id").asLong();
		WebElement entry = waitUpTo(30).until(
				ExpectedConditions.presenceOfElementLocated(By.cssSelector("#reviews li[data-review='" + reviewId + "']")));
		WebElement block = waitUpTo(30)
			.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".job.flagged[data-job='O" + flagged + "']")));
		String entryText = entry.getText();
		String blockFlags = block.getAttribute("data-flags");
		WebElement taskItem = waitUpTo(30)
			.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#tasks li[data-task='" + task + "']")));
		Browser.screenshot(browser, "board-reviews-1-flagged");

		entry.findElement(By.cssSelector(".note")).sendKeys("Parked at the gate");
		entry.findElement(By.cssSelector("button[data-act='reviewed']")).click();
		waitUpTo(30).until(
				ExpectedConditions.numberOfElementsToBe(By.cssSelector("#reviews li[data-review='" + reviewId + "']"), 0));
		waitUpTo(30).until(
				ExpectedConditions.numberOfElementsToBe(By.cssSelector(".job.flagged[data-job='O" + flagged + "']"), 0));
		// A note over the model's 2,000 characters: the staff task API's problem names the field on the page.
		((JavascriptExecutor) browser).executeScript("arguments[0].value = 'x'.repeat(2001)",
				taskItem.findElement(By.name("note")));
		taskItem.findElement(By.cssSelector("button[type=submit]")).click();
		WebElement problem = taskItem.findElement(By.cssSelector(".problem"));
		waitUpTo(30).until(ExpectedConditions.textToBePresentInElement(problem, "note"));
		String problemText = problem.getText();
		Browser.screenshot(browser, "board-reviews-2-task-problem");
		((JavascriptExecutor) browser).executeScript("arguments[0].value = 'Books tonight'",
				taskItem.findElement(By.name("note")));
		taskItem.findElement(By.cssSelector("button[type=submit]")).click();
		waitUpTo(30).until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#tasks li[data-task='" + task + "']"), 0));
		Browser.screenshot(browser, "board-reviews-3-done");

		assertThat(entryText).contains(FLAG);
		assertThat(blockFlags).contains(FLAG);
		assertThat(problemText).startsWith("note");
		assertThat(review(dispatcher, flagged)).isNull();
		assertThat(driver.openTask(call, Elements.PHONE_CONSUMER_TASK)).as("completed in the engine").isNull();
		assertThat(visitOn(dispatcher, day, flagged).get("evidenceFlags")).isEmpty();
	}

	@Test
	void aDispatcherAssignsAProviderByHandFromTheBoardAndTheOrderIsScheduledWithThatProviderWithoutAnOffer() {
		long order = orderAtManualAssignment();
		String task = driver.openTask(order, Elements.ASSIGN_MANUALLY_TASK);
		LocalDate day = TODAY.plusDays(3);
		String item = "#tasks li[data-task='" + task + "'][data-type=MANUAL_ASSIGNMENT]";

		openBoard(day);
		WebElement taskItem = waitUpTo(30).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(item)));
		String itemOrder = taskItem.getAttribute("data-order");
		// No such provider: the staff task API's problem shows in the form, and the task stays open.
		WebElement providerId = taskItem.findElement(By.name("providerId"));
		providerId.sendKeys("987654321");
		taskItem.findElement(By.cssSelector("button[type=submit]")).click();
		WebElement problem = taskItem.findElement(By.cssSelector(".problem"));
		waitUpTo(30).until(ExpectedConditions.textToBePresentInElement(problem, "987654321"));
		String problemText = problem.getText();
		Browser.screenshot(browser, "board-tasks-1-manual-assignment-problem");
		driver.drain(order);
		String stillOpen = driver.openTask(order, Elements.ASSIGN_MANUALLY_TASK);
		int itemsAfterProblem = browser.findElements(By.cssSelector(item)).size();

		providerId.clear();
		providerId.sendKeys(String.valueOf(dealerId));
		taskItem.findElement(By.cssSelector("button[type=submit]")).click();
		waitUpTo(30).until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#tasks li[data-task='" + task + "']"), 0));
		Browser.screenshot(browser, "board-tasks-2-manual-assignment-done");
		// After the task the workflow leaves dispatch as assigned to the chosen provider and hands the job to the
		// installer schedule: no offer goes out, the provider has the job.
		driver.drainUntil(order, () -> status(order).equals("SCHEDULED"), "scheduled after the manual assignment");
		JsonNode history = admin.get("/api/v1/orders/" + order).json().get("history");

		assertThat(itemOrder).isEqualTo(String.valueOf(order));
		assertThat(problemText).startsWith("providerId").contains("987654321");
		assertThat(stillOpen).as("a wrong provider id leaves the task open").isEqualTo(task);
		assertThat(itemsAfterProblem).as("still listed after the problem").isEqualTo(1);
		assertThat(driver.openTask(order, Elements.ASSIGN_MANUALLY_TASK)).as("completed in the engine").isNull();
		assertThat(runtime.createVariableInstanceQuery()
			.processInstanceIdIn(driver.instanceOf(order))
			.variableName("assignedProviderId")
			.singleResult()
			.getValue()).isEqualTo(String.valueOf(dealerId));
		assertThat(history.findValuesAsText("to")).contains("ASSIGNED", "SCHEDULED");
		assertThat(admin.get("/api/v1/offers?orderId=" + order).json()).as("assigned by hand, never offered").isEmpty();
		// The provider's admin now reports on the job as its own.
		driver.fireTimer(order, Elements.INSTALLATION_DAY_TIMER);
		Api.Reply enRoute = jobEvent(order, Map.of("type", "EN_ROUTE"));
		assertThat(enRoute.status()).as(enRoute.body()).isEqualTo(200);
	}

	@Test
	void anInstallersReportsPinAndThenCompleteTheVisitOnTheOpenBoardWithoutAReload() {
		long order = scheduledOrder();
		LocalDate day = TODAY.plusDays(3);
		awaitOnRoute(dispatcher, day, order);
		String block = ".job[data-job='O" + order + "']";

		openBoard(day);
		waitUpTo(30).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(block)));
		JavascriptExecutor js = (JavascriptExecutor) browser;
		js.executeScript("window.__marker = 1");
		String pinnedBefore = browser.findElement(By.cssSelector(block)).getAttribute("data-pinned");
		int doneBefore = browser.findElements(By.cssSelector(block + ".done")).size();

		// The installer sets out: a visit under way is pinned where it is (the board's status PLANNED -> PINNED).
		driver.fireTimer(order, Elements.INSTALLATION_DAY_TIMER);
		Api.Reply enRoute = jobEvent(order, Map.of("type", "EN_ROUTE"));
		assertThat(enRoute.status()).as(enRoute.body()).isEqualTo(200);
		waitUpTo(60).until(ExpectedConditions.attributeToBe(By.cssSelector(block), "data-pinned", "true"));
		waitUpTo(60).until(ExpectedConditions.attributeToBe(By.cssSelector(block), "data-status", "EN_ROUTE"));
		Browser.screenshot(browser, "board-live-1-en-route");
		// On site: the block shows ARRIVED, then STARTED, as each report reaches the plan.
		for (Map<String, Object> event : List.<Map<String, Object>>of(Map.of("type", "ARRIVED", "location", AT_THE_ADDRESS),
				Map.of("type", "STARTED"))) {
			Api.Reply reported = jobEvent(order, event);
			assertThat(reported.status()).as(event + ": " + reported.body()).isEqualTo(200);
			waitUpTo(60).until(ExpectedConditions.attributeToBe(By.cssSelector(block), "data-status", (String) event.get("type")));
		}
		Browser.screenshot(browser, "board-live-2-started");
		// Completed: the board's status DONE, the block marked done.
		Api.Reply completed = jobEvent(order, Map.of("type", "COMPLETED", "verificationCode", verificationCode(order),
				"location", AT_THE_ADDRESS));
		assertThat(completed.status()).as(completed.body()).isEqualTo(200);
		waitUpTo(60).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(block + ".done")));
		Browser.screenshot(browser, "board-live-3-done");
		Object marker = js.executeScript("return window.__marker");

		assertThat(pinnedBefore).isEqualTo("false");
		assertThat(doneBefore).isZero();
		assertThat(marker).as("the page was not reloaded").isEqualTo(1L);
		assertThat(visitOn(dispatcher, day, order).get("status").asText()).isEqualTo("DONE");
	}

}
