package dev.shifu.platform.dispatch;

import java.util.List;

import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/**
 * Drags a job block onto a lane of the board page with real pointer input, at viewport points read from the page:
 * Selenium's element offsets start at the element's in-view centre, which on a lane wider than the window is not
 * where a fixed offset expects (a drop meant for the lane lands on its sticky label).
 */
final class BoardDrag {

	private BoardDrag() {
	}

	/** Drops the block onto the lane at this many pixels from the lane's left edge (07:00; 1.6 px a minute). */
	static void drag(WebDriver browser, WebElement block, WebElement track, int pixelsFromLeft) {
		JavascriptExecutor page = (JavascriptExecutor) browser;
		@SuppressWarnings("unchecked")
		List<Number> from = (List<Number>) page.executeScript(
				"var r = arguments[0].getBoundingClientRect(); return [r.left + Math.min(r.width - 2, Math.max(r.width / 2, 14)), r.top + r.height / 2];",
				block);
		@SuppressWarnings("unchecked")
		List<Number> to = (List<Number>) page.executeScript(
				"var r = arguments[0].getBoundingClientRect(); return [r.left + arguments[1], r.top + r.height / 2];", track,
				pixelsFromLeft);
		new Actions(browser).moveToLocation(from.get(0).intValue(), from.get(1).intValue())
			.clickAndHold()
			.moveByOffset(6, 6)
			.moveToLocation(to.get(0).intValue(), to.get(1).intValue())
			.release()
			.perform();
	}

}
