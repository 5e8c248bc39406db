package dev.shifu.platform.installer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import dev.shifu.platform.support.Api;

/**
 * The geofence radius and the photos a completion needs are settings, not constants: under a 100 m radius and a
 * minimum of three photos, an arrival 150 m away (inside the default 300 m) is flagged and two photos are refused.
 * The one test context with its own installer settings (a new context costs half a minute).
 */
@TestPropertySource(properties = { "shifu.installer.geofence-radius-meters=100", "shifu.installer.min-completion-photos=3" })
@org.springframework.context.annotation.Import(ConfiguredEvidenceRulesTests.Seams.class)
class ConfiguredEvidenceRulesTests extends InstallerFixture {

	/** Orders whose completion the process is made to take without a code check of its own (see {@link Seams}). */
	static final java.util.Set<Long> UNCHECKED = java.util.concurrent.ConcurrentHashMap.newKeySet();

	/**
	 * This context's own seams (it has its own context already): photos in memory instead of on disk, and a process
	 * that, for the orders in {@link #UNCHECKED}, takes a completion as if no code check ran on its way.
	 */
	@org.springframework.boot.test.context.TestConfiguration(proxyBeanMethods = false)
	static class Seams {

		@org.springframework.context.annotation.Bean
		@org.springframework.context.annotation.Primary
		InMemoryPhotoStore inMemoryPhotoStore() {
			return new InMemoryPhotoStore();
		}

		@org.springframework.context.annotation.Bean
		static org.springframework.beans.factory.config.BeanPostProcessor uncheckedCompletions() {
			return new org.springframework.beans.factory.config.BeanPostProcessor() {
				@Override
				public Object postProcessAfterInitialization(Object bean, String name) {
					if (!(bean instanceof dev.shifu.platform.workflow.OrderProcess real)) {
						return bean;
					}
					return java.lang.reflect.Proxy.newProxyInstance(getClass().getClassLoader(),
							new Class<?>[] { dev.shifu.platform.workflow.OrderProcess.class }, (proxy, method, args) -> {
								Object answer;
								try {
									answer = method.invoke(real, args);
								}
								catch (java.lang.reflect.InvocationTargetException ex) {
									throw ex.getCause();
								}
								if (method.getName().equals("installerCompleted") && UNCHECKED.contains((Long) args[0])) {
									return dev.shifu.platform.workflow.OrderProcess.CodeCheck.NOT_CHECKED;
								}
								return answer;
							});
				}
			};
		}

	}

	/** A photo store other than the local disk: proves the service writes and reads only through the interface. */
	static class InMemoryPhotoStore implements PhotoStore {

		final Map<String, byte[]> bytes = new java.util.concurrent.ConcurrentHashMap<>();

		final java.util.concurrent.atomic.AtomicInteger puts = new java.util.concurrent.atomic.AtomicInteger();

		@Override
		public void put(String key, byte[] content, String contentType) {
			puts.incrementAndGet();
			bytes.putIfAbsent(key, content.clone());
		}

		@Override
		public java.io.InputStream open(String key) {
			byte[] content = bytes.get(key);
			if (content == null) {
				throw new java.io.UncheckedIOException(new java.io.FileNotFoundException(key));
			}
			return new java.io.ByteArrayInputStream(content);
		}

		@Override
		public boolean exists(String key) {
			return bytes.containsKey(key);
		}

	}

	@org.springframework.beans.factory.annotation.Autowired
	InMemoryPhotoStore memory;

	@Test
	void anUploadLandsInTheConfiguredPhotoStoreOnceAndIsServedFromIt() {
		long order = jobOf(installerA);
		byte[] file = jpeg(order * 10 + 5);
		Api.Reply first = upload(tokenA, order, "BEFORE", file, "before.jpg");
		assertThat(first.status()).as(first.body()).isEqualTo(201);
		String key = jdbc.queryForObject("select storage_key from job_photo where id = ?", String.class,
				first.json().get("id").asLong());
		assertThat(memory.bytes).as("the swapped-in store holds the upload").containsKey(key);
		assertThat(memory.bytes.get(key)).isEqualTo(file);
		int putsAfterFirst = memory.puts.get();

		Api.Reply again = upload(tokenA, order, "BEFORE", file, "again.jpg");
		assertThat(again.status()).as(again.body()).isEqualTo(200);
		assertThat(again.json().get("duplicate").asBoolean()).isTrue();
		assertThat(again.json().get("id").asLong()).isEqualTo(first.json().get("id").asLong());
		assertThat(memory.puts.get()).as("a re-upload of the same bytes is not stored again").isEqualTo(putsAfterFirst);
		assertThat(jdbc.queryForObject("select count(*) from job_photo where order_id = ? and checksum = ?",
				Integer.class, order, first.json().get("sha256").asText())).isEqualTo(1);

		Api.Reply served = dispatcher.get("/api/v1/reviews/photos/" + first.json().get("id").asLong());
		assertThat(served.status()).as("the dispatcher's view reads it back through the same store").isEqualTo(200);
	}

	/**
	 * {@code codeVerified} is what a check of the consumer's code said, read back from the evidence row: a completion
	 * the process took without a check is recorded unverified and goes to review; one whose code was checked is verified.
	 */
	@Test
	void theEvidenceSaysCodeVerifiedOnlyWhereACheckOfTheCodeMatched() {
		long unchecked = jobOf(installerA);
		long checked = jobOf(installerB);
		UNCHECKED.add(unchecked);
		try {
			complete(tokenA, unchecked, "unchk");
			complete(tokenB, checked, "chk");
		}
		finally {
			UNCHECKED.remove(unchecked);
		}
		String row = "select code_verified from job_evidence where order_id = ?";
		assertThat(jdbc.queryForObject(row, Boolean.class, unchecked)).as("no check ran").isFalse();
		assertThat(jdbc.queryForObject(row, Boolean.class, checked)).as("the code was checked").isTrue();
		JsonNode evidence = dispatcher.get("/api/v1/reviews/evidence/" + unchecked).json().get(0);
		assertThat(evidence.get("codeVerified").asBoolean()).isFalse();
		assertThat(evidence.get("flags")).extracting(JsonNode::asText).contains("CODE_NOT_VERIFIED");
		assertThat(dispatcher.get("/api/v1/reviews/evidence/" + checked).json().get(0).get("flags"))
			.extracting(JsonNode::asText).doesNotContain("CODE_NOT_VERIFIED");
	}

	private void complete(String token, long order, String tag) {
		Instant now = Instant.now();
		assertThat(post(token, order, event("EN_ROUTE", now.minusSeconds(7200), LAT, LNG), tag + "-en-route-" + order)
			.status()).isEqualTo(200);
		assertThat(post(token, order, event("ARRIVED", now.minusSeconds(5400), LAT, LNG), tag + "-arrived-" + order)
			.status()).isEqualTo(200);
		Map<String, Object> completed = new HashMap<>(event("COMPLETED", now, LAT, LNG));
		completed.put("verificationCode", verificationCode(order));
		completed.put("serialNumbers", List.of(Map.of("sku", "DR-800", "serialNumber", "SN-" + tag + order)));
		completed.put("photoIds", List.of(photo(token, order, "BEFORE", jpeg(order * 10 + 1)),
				photo(token, order, "AFTER", jpeg(order * 10 + 2)),
				photo(token, order, "PACKAGING_REMOVED", jpeg(order * 10 + 3))));
		Api.Reply done = post(token, order, completed, tag + "-completed-" + order);
		assertThat(done.status()).as(done.body()).isEqualTo(200);
	}

	@Test
	void underA100MetreRadiusAndThreePhotosAnArrival150MetresAwayIsFlaggedAndTwoPhotosAreRefused() {
		long order = jobOf(installerA);
		Instant now = Instant.now();
		double perMetre = 1.0 / 111_195.08;
		assertThat(post(tokenA, order, event("EN_ROUTE", now.minusSeconds(6000), 30.25, 120.10), "cfg-en-route-" + order)
			.status()).isEqualTo(200);

		Api.Reply arrived = post(tokenA, order, event("ARRIVED", now.minusSeconds(5400), LAT + 150 * perMetre, LNG),
				"cfg-arrived-" + order);

		assertThat(arrived.status()).as(arrived.body()).isEqualTo(200);
		assertThat(arrived.json().get("geofence").get("radiusMeters").asDouble()).isEqualTo(100.0);
		assertThat(arrived.json().get("geofence").get("inside").asBoolean()).isFalse();
		assertThat(arrived.json().get("flags")).extracting(JsonNode::asText).containsExactly("OUTSIDE_GEOFENCE");
		assertThat(dispatcher.get("/api/v1/reviews?region=330106&orderId=" + order).json().findValuesAsText("kind"))
			.containsExactly("EVIDENCE");

		long before = photo(tokenA, order, "BEFORE", jpeg(order * 10 + 1));
		long after = photo(tokenA, order, "AFTER", jpeg(order * 10 + 2));
		Map<String, Object> completed = new HashMap<>(event("COMPLETED", now, LAT, LNG));
		completed.put("verificationCode", verificationCode(order));
		completed.put("serialNumbers", List.of(Map.of("sku", "DR-800", "serialNumber", "SN-CFG-1")));
		completed.put("photoIds", List.of(before, after));
		Api.Reply twoPhotos = post(tokenA, order, completed, "cfg-completed-1-" + order);
		assertThat(twoPhotos.status()).as(twoPhotos.body()).isEqualTo(400);
		assertThat(twoPhotos.contentType()).startsWith("application/problem+json");
		assertThat(twoPhotos.json().get("field").asText()).isEqualTo("photoIds");
		assertThat(status(order)).as("not completed").isEqualTo("ARRIVED");

		completed.put("photoIds", List.of(before, after, photo(tokenA, order, "PACKAGING_REMOVED", jpeg(order * 10 + 3))));
		Api.Reply threePhotos = post(tokenA, order, completed, "cfg-completed-2-" + order);
		assertThat(threePhotos.status()).as(threePhotos.body()).isEqualTo(200);
		assertThat(status(order)).isEqualTo("COMPLETED");
		assertThat(dispatcher.get("/api/v1/reviews/evidence/" + order).json().get(0).get("geofence").asText())
			.isEqualTo("OUTSIDE");
	}

}
