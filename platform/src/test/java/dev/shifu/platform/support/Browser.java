package dev.shifu.platform.support;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Debian's headless Chromium through its own chromedriver (Selenium Manager cannot download one here). */
public final class Browser {

	private Browser() {
	}

	public static WebDriver start() {
		ChromeOptions options = new ChromeOptions();
		options.setBinary("/usr/bin/chromium");
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
				"--window-size=1400,900");
		ChromeDriverService service = new ChromeDriverService.Builder()
			.usingDriverExecutable(new File("/usr/bin/chromedriver"))
			.build();
		return new ChromeDriver(service, options);
	}

	/**
	 * A wait that reads an element again when it was replaced meanwhile: sign-in navigates and live updates
	 * re-render the page's blocks, so an element found a moment earlier can go stale while the wait reads it.
	 */
	public static WebDriverWait waitUpTo(WebDriver browser, int seconds) {
		WebDriverWait wait = new WebDriverWait(browser, java.time.Duration.ofSeconds(seconds));
		wait.ignoring(StaleElementReferenceException.class);
		return wait;
	}

	/**
	 * Fills the sign-in form the browser was sent to and waits until the redirect has left it, so that the
	 * next wait reads the page signed in to, not the form's.
	 */
	public static void signIn(WebDriver browser, String username, String password) {
		waitUpTo(browser, 30).until(ExpectedConditions.presenceOfElementLocated(By.name("username")));
		browser.findElement(By.name("username")).sendKeys(username);
		browser.findElement(By.name("password")).sendKeys(password);
		browser.findElement(By.cssSelector("button[type=submit]")).click();
		waitUpTo(browser, 30).until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
	}

	/** Saves what the page shows to target/screenshots/{name}.png, for a person to look at. */
	public static void screenshot(WebDriver browser, String name) {
		try {
			Path target = Path.of("target", "screenshots");
			Files.createDirectories(target);
			File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
			Files.copy(shot.toPath(), target.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
		}
		catch (java.io.IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
