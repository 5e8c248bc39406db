package dev.shifu.platform.installer;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import javax.imageio.ImageIO;

import com.fasterxml.jackson.databind.JsonNode;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.LinkedMultiValueMap;

import dev.shifu.platform.identity.BrandAccounts.IssuedBrand;
import dev.shifu.platform.identity.Role;
import dev.shifu.platform.schedule.PlannedVisits;
import dev.shifu.platform.support.Api;
import dev.shifu.platform.support.PlatformIntegrationTest;
import dev.shifu.platform.support.ProcessDriver;

/**
 * A brand, its dealer in Xihu (330106) with two installers who sign in, and orders walked through the real APIs to
 * the installation day, each planned (a dispatcher's pinned move) on the installer the test names.
 */
abstract class InstallerFixture extends PlatformIntegrationTest {

	static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

	/** Read again before each test (a suite may cross midnight). */
	static LocalDate TODAY = LocalDate.now(SHANGHAI);

	static LocalDate DAY = TODAY.plusDays(2);

	/** The consumer's address in the orders: 文三路 90 号. */
	static final double LAT = 30.2765, LNG = 120.1229;

	private static final AtomicInteger PHONES = new AtomicInteger();

	@Autowired
	RuntimeService runtime;

	@Autowired
	ManagementService management;

	@Autowired
	HistoryService history;

	@Autowired
	TaskService taskService;

	@Autowired
	PlannedVisits plannedVisits;

	@Autowired
	JdbcTemplate jdbc;

	ProcessDriver driver;

	IssuedBrand brand;

	Api brandApi;

	Api admin;

	Api dealerAdmin;

	Api dispatcher;

	long dealerId;

	long installerA;

	long installerB;

	/** The installers' access tokens. */
	String tokenA;

	String tokenB;

	@BeforeEach
	void installerFixture() {
		TODAY = LocalDate.now(SHANGHAI);
		DAY = TODAY.plusDays(2);
		driver = new ProcessDriver(runtime, management, history, taskService);
		brand = newBrand();
		brandApi = asBrand(brand);
		admin = asNewUser(Role.ADMIN, null);
		dispatcher = asNewUser(Role.DISPATCHER, null);
		dealerId = admin.post("/api/v1/providers", Map.of("name", "Dealer of " + brand.code(), "type", "DEALER",
				"brandId", brand.brandId(), "contactPhone", "0571-88001234",
				"coverage", Map.of("regionCodes", List.of(district())), "dailyCapacity", Map.of("INSTALLATION", 20)))
			.json()
			.get("id")
			.asLong();
		dealerAdmin = asNewUser(Role.PROVIDER_ADMIN, dealerId);
		installerA = addInstaller("师傅甲");
		installerB = addInstaller("师傅乙");
		tokenA = signIn(installerA);
		tokenB = signIn(installerB);
	}

	long addInstaller(String name) {
		List<Map<String, String>> everyDay = new ArrayList<>();
		for (java.time.DayOfWeek day : java.time.DayOfWeek.values()) {
			everyDay.add(Map.of("day", day.name(), "start", "08:00", "end", "18:00"));
		}
		String phone = String.format("136%08d", (ProcessHandle.current().pid() % 1000) * 100000 + PHONES.incrementAndGet());
		Api.Reply reply = admin.post("/api/v1/providers/" + dealerId + "/installers", Map.of("name", name, "phone", phone,
				"skills", List.of("DOOR", "MEASURING", "REPAIR"), "homeBase", Map.of("lat", 30.28, "lng", 120.12),
				"shifts", everyDay, "crewSize", 1));
		assertThat(reply.status()).as(reply.body()).isEqualTo(201);
		phones.put(reply.json().get("id").asLong(), phone);
		return reply.json().get("id").asLong();
	}

	/** The district of the dealer and the orders; a class may plan in a test city of its own. */
	String district() {
		return "330106";
	}

	String city() {
		return district().substring(0, 4) + "00";
	}

	static final String MOBILE_PASSWORD = "installer-secret-1";

	final Map<Long, String> phones = new HashMap<>();

	/** The dealer gives the installer a mobile sign-in; the installer signs in: the access token. */
	String signIn(long installerId) {
		Api.Reply given = dealerAdmin.put("/api/v1/providers/" + dealerId + "/installers/" + installerId + "/mobile-login",
				Map.of("password", MOBILE_PASSWORD, "providerAdmin", false));
		assertThat(given.status()).as(given.body()).isEqualTo(200);
		Api.Reply login = anonymous().post("/mobile/v1/auth/login",
				Map.of("phone", phones.get(installerId), "password", MOBILE_PASSWORD, "deviceName", "test"));
		assertThat(login.status()).as(login.body()).isEqualTo(200);
		return login.json().get("accessToken").asText();
	}

	/** An order of the brand with a serial-numbered wardrobe, booked for {@link #DAY}, offered to the dealer. */
	long dayBookedOffer() {
		Api.Reply reply = brandApi.post("/api/v1/orders", Map.of("externalOrderId", unique("INST"),
				"consumer", Map.of("name", "李娜", "phone", "13812345678", "address", "杭州市西湖区文三路 90 号",
						"regionCode", district(), "location", Map.of("lat", LAT, "lng", LNG)),
				"items", List.of(Map.of("sku", "DR-800", "name", "Walnut door", "category", "DOOR", "quantity", 1,
						"serialNumberRequired", true)),
				"serviceType", "INSTALLATION", "memberTier", "GOLD", "goods", Map.of("status", "ARRIVED"),
				"promisedBy", TODAY.plusDays(9).toString()));
		assertThat(reply.status()).as(reply.body()).isEqualTo(201);
		long id = reply.json().get("id").asLong();
		driver.instanceOf(id);
		driver.drainUntil(id, () -> status(id).equals("AWAITING_BOOKING"), "booking link sent");
		// A dispatcher books the day with the consumer on the phone: these tests need a booked order, not a window.
		Api.Reply booked = admin.post("/api/v1/bookings/" + id, Map.of("date", DAY.toString()));
		assertThat(booked.status()).as(booked.body()).isEqualTo(200);
		driver.drainUntil(id, () -> openOffer(id) != null, "an offer");
		return id;
	}

	/** As {@link #dayBookedOffer()}, then accepted by the dealer's admin and scheduled. */
	long scheduledOrder() {
		long id = dayBookedOffer();
		JsonNode offer = openOffer(id);
		assertThat(offer.get("providerId").asLong()).isEqualTo(dealerId);
		assertThat(dealerAdmin.post("/api/v1/offers/" + offer.get("id").asLong() + "/accept", null).status()).isEqualTo(200);
		driver.drainUntil(id, () -> status(id).equals("SCHEDULED"), "scheduled");
		return id;
	}

	/** Scheduled, planned on the installer's route (a dispatcher's pinned move), and the installation day begun. */
	long jobOf(long installerId) {
		long order = scheduledOrder();
		planOn(order, installerId);
		driver.fireTimer(order, "InstallationDayTimer");
		assertThat(status(order)).isEqualTo("IN_SERVICE");
		return order;
	}

	/** A dispatcher moves the job onto the installer's shift of the day, pinned; the stored plan then sends them. */
	void planOn(long order, long installerId) {
		planOn(order, installerId, DAY);
	}

	/** The same, on the given day (a revisit or a rework booked later). */
	void planOn(long order, long installerId, LocalDate day) {
		String jobId = "O" + order;
		eventually(() -> inPlan(jobId, day), "job " + jobId + " in the live plan of " + day);
		Api.Reply moved = dispatcher.post("/api/v1/schedules/" + city() + "/moves",
				Map.of("jobId", jobId, "shiftId", "I" + installerId + "@" + day, "position", 0, "pin", true));
		assertThat(moved.status()).as(moved.body()).isEqualTo(202);
		eventually(() -> plannedVisits.crewOf(order).equals(List.of(installerId)), "job " + jobId + " stored on " + installerId);
	}

	boolean inPlan(String jobId) {
		return inPlan(jobId, DAY);
	}

	boolean inPlan(String jobId, LocalDate date) {
		JsonNode day = dispatcher.get("/api/v1/schedules?region=" + city() + "&date=" + date).json();
		return day.toString().contains("\"" + jobId + "\"");
	}

	String status(long orderId) {
		return admin.get("/api/v1/orders/" + orderId).json().get("status").asText();
	}

	String consumerToken(long orderId) {
		String link = brandApi.get("/api/v1/orders/" + orderId).json().path("consumerLink").asText("");
		assertThat(link).contains("/c/");
		return link.substring(link.indexOf("/c/") + 3);
	}

	String verificationCode(long orderId) {
		return anonymous().get("/api/v1/consumer/" + consumerToken(orderId)).json().get("verificationCode").asText();
	}

	JsonNode openOffer(long orderId) {
		for (JsonNode offer : admin.get("/api/v1/offers?orderId=" + orderId).json()) {
			if (offer.get("status").asText().equals("OFFERED")) {
				return offer;
			}
		}
		return null;
	}

	int eventCount(long orderId) {
		return jdbc.queryForObject("select count(*) from job_event where order_id = ?", Integer.class, orderId);
	}

	// ----- the mobile API as the app calls it -----

	static Map<String, Object> event(String type, Instant at, Double lat, Double lng) {
		Map<String, Object> event = new HashMap<>();
		event.put("type", type);
		event.put("occurredAt", at.toString());
		if (lat != null) {
			event.put("location", Map.of("lat", lat, "lng", lng));
		}
		return event;
	}

	Api.Reply post(String token, long orderId, Map<String, Object> event, String key) {
		Api.Reply reply = anonymous().post("/mobile/v1/jobs/" + orderId + "/events", event, h -> {
			h.setBearerAuth(token);
			h.set("Idempotency-Key", key);
		});
		if (reply.status() == 200) {
			driver.drain(orderId);
		}
		return reply;
	}

	Api.Reply sync(String token, List<Map<String, Object>> events) {
		return anonymous().post("/mobile/v1/sync", Map.of("events", events), h -> h.setBearerAuth(token));
	}

	/** A raw body, e.g. malformed JSON. */
	Api.Reply postRaw(String token, String path, String body) {
		HttpHeaders headers = new HttpHeaders();
		headers.setBearerAuth(token);
		headers.setContentType(MediaType.APPLICATION_JSON);
		headers.set("Idempotency-Key", "raw-" + java.util.UUID.randomUUID());
		var response = http.exchange(path, HttpMethod.POST, new HttpEntity<>(body, headers), String.class);
		return new Api.Reply(response.getStatusCode().value(), response.getHeaders(), response.getBody());
	}

	Api.Reply upload(String token, long orderId, String kind, byte[] bytes, String filename) {
		HttpHeaders headers = new HttpHeaders();
		headers.setBearerAuth(token);
		headers.setContentType(MediaType.MULTIPART_FORM_DATA);
		LinkedMultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
		form.add("file", new ByteArrayResource(bytes) {
			@Override
			public String getFilename() {
				return filename;
			}
		});
		form.add("kind", kind);
		var response = http.exchange("/mobile/v1/jobs/" + orderId + "/photos", HttpMethod.POST, new HttpEntity<>(form, headers),
				String.class);
		return new Api.Reply(response.getStatusCode().value(), response.getHeaders(), response.getBody());
	}

	/** A distinct small JPEG (random pixels, so each has its own checksum). */
	static byte[] jpeg(long seed) {
		BufferedImage image = new BufferedImage(32, 32, BufferedImage.TYPE_INT_RGB);
		Random random = new Random(seed);
		for (int x = 0; x < 32; x++) {
			for (int y = 0; y < 32; y++) {
				image.setRGB(x, y, random.nextInt(0xFFFFFF));
			}
		}
		try {
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			ImageIO.write(image, "jpg", out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new AssertionError(ex);
		}
	}

	/**
	 * The JPEG with a camera's EXIF block: the original time (no zone, as cameras write it) and the GPS position, as a
	 * big-endian TIFF structure in an APP1 segment right after the start-of-image marker.
	 */
	static byte[] withExif(byte[] jpeg, String dateTimeOriginal, double lat, double lng) {
		java.nio.ByteBuffer tiff = java.nio.ByteBuffer.allocate(178).order(java.nio.ByteOrder.BIG_ENDIAN);
		tiff.put(new byte[] { 'M', 'M', 0, 42 }).putInt(8);
		// IFD0: pointers to the Exif and GPS IFDs
		tiff.putShort((short) 2);
		tiff.putShort((short) 0x8769).putShort((short) 4).putInt(1).putInt(38);
		tiff.putShort((short) 0x8825).putShort((short) 4).putInt(1).putInt(76);
		tiff.putInt(0);
		// Exif IFD at 38: DateTimeOriginal
		tiff.putShort((short) 1);
		tiff.putShort((short) 0x9003).putShort((short) 2).putInt(20).putInt(56);
		tiff.putInt(0);
		tiff.put((dateTimeOriginal + "\0").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
		// GPS IFD at 76
		tiff.putShort((short) 4);
		tiff.putShort((short) 1).putShort((short) 2).putInt(2).put(new byte[] { 'N', 0, 0, 0 });
		tiff.putShort((short) 2).putShort((short) 5).putInt(3).putInt(130);
		tiff.putShort((short) 3).putShort((short) 2).putInt(2).put(new byte[] { 'E', 0, 0, 0 });
		tiff.putShort((short) 4).putShort((short) 5).putInt(3).putInt(154);
		tiff.putInt(0);
		for (double value : new double[] { lat, lng }) {
			int degrees = (int) value;
			double minutesFull = (value - degrees) * 60;
			int minutes = (int) minutesFull;
			long milliSeconds = Math.round((minutesFull - minutes) * 60 * 1000);
			tiff.putInt(degrees).putInt(1).putInt(minutes).putInt(1).putInt((int) milliSeconds).putInt(1000);
		}
		byte[] header = "Exif\0\0".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
		int length = 2 + header.length + tiff.capacity();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.write(jpeg, 0, 2);
		out.write(0xFF);
		out.write(0xE1);
		out.write(length >> 8);
		out.write(length & 0xFF);
		out.write(header, 0, header.length);
		out.write(tiff.array(), 0, tiff.capacity());
		out.write(jpeg, 2, jpeg.length - 2);
		return out.toByteArray();
	}

	long photo(String token, long orderId, String kind, byte[] bytes) {
		Api.Reply reply = upload(token, orderId, kind, bytes, "photo.jpg");
		assertThat(reply.status()).as(reply.body()).isIn(200, 201);
		return reply.json().get("id").asLong();
	}

	static void eventually(Supplier<Boolean> condition, String what) {
		for (int i = 0; i < 1200; i++) {
			if (Boolean.TRUE.equals(condition.get())) {
				return;
			}
			try {
				Thread.sleep(100);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new AssertionError(ex);
			}
		}
		throw new AssertionError("gave up waiting for " + what);
	}

}
