package dev.shifu.platform.dispatch;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.imageio.ImageIO;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.shifu.platform.identity.Role;
import dev.shifu.platform.identity.StaffRegions;
import dev.shifu.platform.support.Api;
import dev.shifu.platform.support.Browser;
import dev.shifu.platform.support.PlatformIntegrationTest;

import static dev.shifu.platform.dispatch.BoardFixture.CITY;
import static dev.shifu.platform.dispatch.BoardFixture.DAY;
import static dev.shifu.platform.dispatch.BoardFixture.boardWhen;
import static dev.shifu.platform.dispatch.BoardFixture.lane;
import static dev.shifu.platform.dispatch.BoardFixture.shiftId;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * With map tiles configured ({@code shifu.board.map-tiles}), the board's map loads them from that URL, here a tiny
 * tile server inside the test, under the markers and routes. (Without tiles the map still draws markers and
 * polylines: BoardConsoleEditsBrowserTests.) Screenshot in target/screenshots/console-map-tiles.png.
 */
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class BoardMapTilesBrowserTests extends PlatformIntegrationTest {

	private static final List<String> requested = new CopyOnWriteArrayList<>();

	private static final HttpServer tiles = tileServer();

	@DynamicPropertySource
	static void tiles(DynamicPropertyRegistry registry) {
		registry.add("shifu.board.map-tiles",
				() -> "http://127.0.0.1:" + tiles.getAddress().getPort() + "/tiles/{z}/{x}/{y}.png");
	}

	/** Answers every tile with a light green 256 px square and remembers the paths asked for. */
	private static HttpServer tileServer() {
		try {
			BufferedImage image = new BufferedImage(256, 256, BufferedImage.TYPE_INT_RGB);
			for (int x = 0; x < 256; x++) {
				for (int y = 0; y < 256; y++) {
					image.setRGB(x, y, (x % 64 == 0 || y % 64 == 0) ? 0x7FA37F : 0xCFE8CF);
				}
			}
			ByteArrayOutputStream png = new ByteArrayOutputStream();
			ImageIO.write(image, "png", png);
			byte[] body = png.toByteArray();
			HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
			server.createContext("/tiles/", exchange -> {
				requested.add(exchange.getRequestURI().getPath());
				exchange.getResponseHeaders().add("Content-Type", "image/png");
				exchange.sendResponseHeaders(200, body.length);
				exchange.getResponseBody().write(body);
				exchange.close();
			});
			server.start();
			return server;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@AfterAll
	static void stop() {
		tiles.stop(0);
	}

	@LocalServerPort
	private int port;

	@Autowired
	private StaffRegions staffRegions;

	@Test
	void configuredTilesAreLoadedFromTheirUrlUnderTheMarkersAndRoutes() {
		String name = unique("dispatcher");
		accounts.createUser(name, PASSWORD, name, Set.of(Role.DISPATCHER), null, null);
		staffRegions.assign(name, Set.of(CITY));
		Api dispatcher = Api.user(http, name, PASSWORD);
		Api admin = asNewUser(Role.ADMIN, null);
		var brand = newBrand();
		BoardFixture network = new BoardFixture(admin, asBrand(brand), brand, unique("Tiles dealer"));
		long installer = network.installer(unique("沈洋"), 31.19, 121.43);
		String job = network.order("DOOR", 31.20, 121.44);
		boardWhen(dispatcher, b -> lane(b, shiftId(installer)) != null && BoardFixture.visit(b, job) != null,
				"the installer's lane and the job on a route");

		WebDriver browser = Browser.start();
		try {
			browser.get("http://localhost:" + port + "/console/board?region=" + CITY + "&date=" + DAY);
			WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));
			// The sign-in navigates: a body found before the new page loaded goes stale while the wait reads it.
			wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
			wait.until(ExpectedConditions.presenceOfElementLocated(By.name("username")));
			browser.findElement(By.name("username")).sendKeys(name);
			browser.findElement(By.name("password")).sendKeys(PASSWORD);
			browser.findElement(By.cssSelector("button[type=submit]")).click();
			wait.until(ExpectedConditions.attributeToBe(By.tagName("body"), "data-interactive", "true"));
			wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#map image")));
			wait.until(d -> !requested.isEmpty());
			Browser.screenshot(browser, "console-map-tiles");

			String href = browser.findElement(By.cssSelector("#map image")).getAttribute("href");
			assertThat(href).startsWith("http://127.0.0.1:" + tiles.getAddress().getPort() + "/tiles/");
			assertThat(requested).allMatch(path -> path.matches("/tiles/\\d+/\\d+/\\d+\\.png"));
			assertThat(browser.findElements(By.cssSelector("#map circle"))).isNotEmpty();
			assertThat(browser.findElements(By.cssSelector("#map polyline"))).isNotEmpty();
		}
		finally {
			browser.quit();
		}
	}

}
