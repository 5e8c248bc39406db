package dev.shifu.platform.dispatch;

import java.time.Duration;
import java.time.LocalDate;

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

import dev.shifu.platform.support.Browser;
import dev.shifu.workflows.ServiceOrderProcess.Elements;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The route board page in real Chromium works the review list and the region's tasks: a flagged completion shows on
 * its visit and in the review list until the dispatcher marks it reviewed there; the call to a consumer is completed
 * from the board, a bad value first coming back as the staff task API's problem. Screenshots in target/screenshots.
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

	private WebDriverWait waitUpTo(int seconds) {
		return new WebDriverWait(browser, Duration.ofSeconds(seconds));
	}

	@Test
	void aDispatcherMarksAFlaggedVisitReviewedAndCompletesACallToTheConsumerFromTheBoard() {
		long flagged = flaggedCompletion();
		LocalDate day = TODAY.plusDays(3);
		awaitOnRoute(dispatcher, day, flagged);
		long call = orderAtPhoneConsumer();
		String task = driver.openTask(call, Elements.PHONE_CONSUMER_TASK);

		browser.manage().deleteAllCookies();
		browser.get("http://localhost:" + port + "/console/board?region=" + HANGZHOU + "&date=" + day);
		waitUpTo(30).until(ExpectedConditions.presenceOfElementLocated(By.name("username")));
		browser.findElement(By.name("username")).sendKeys(dispatcherName);
		browser.findElement(By.name("password")).sendKeys(PASSWORD);
		browser.findElement(By.cssSelector("button[type=submit]")).click();
		waitUpTo(30).until(ExpectedConditions.attributeToBe(By.tagName("body"), "data-interactive", "true"));
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

}
