package dev.shifu.platform.installer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import dev.shifu.platform.support.Api;
import dev.shifu.platform.support.UsesMariaDb;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hundreds of accepts of one offer at once over real HTTP on MariaDB (300; the thousand with
 * {@code -Dshifu.race.accepts=1000}, see the README): the dealer's two installer-admins tapping in the
 * app and the dealer's office on the web. Exactly one accept acts: one correlation of the process's offer-accepted
 * event, one visit counted against the dealer's capacity, one ASSIGNED in the order's history and one winner named on
 * the offer. Every other answer is the offer as accepted (200) or a 409 problem, never a 5xx.
 */
@UsesMariaDb
class OfferAcceptRaceOnMariaDbTests extends InstallerFixture {

	/** The thousand with -Dshifu.race.accepts=1000 (the README names it); fewer in the default run. */
	private static final int ACCEPTS = Integer.getInteger("shifu.race.accepts", 300);

	/** Client threads; each request also waits for its transaction, so more threads than cores keep the race wide. */
	private static final int CLIENTS = 24;

	/** The office's requests check a password hash each; a few of them are enough to race the app. */
	private static final int FROM_THE_OFFICE = 40;

	@Test
	void aThousandRacingAcceptsOfOneOfferLetExactlyOneActAndAnswerEveryOtherCleanly() throws Exception {
		String phoneA = adminSignIn(installerA);
		String phoneB = adminSignIn(installerB);
		long order = dayBookedOffer();
		long offer = openOffer(order).get("id").asLong();

		ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
		List<Future<Api.Reply>> replies = new ArrayList<>();
		try {
			for (int i = 0; i < ACCEPTS; i++) {
				Api caller = i % (ACCEPTS / FROM_THE_OFFICE) == 0 ? dealerAdmin
						: Api.bearer(http, i % 2 == 0 ? phoneA : phoneB);
				String path = caller == dealerAdmin ? "/api/v1/offers/" + offer + "/accept"
						: "/mobile/v1/offers/" + offer + "/accept";
				replies.add(clients.submit(() -> caller.post(path, null)));
			}
			Map<Integer, Integer> byStatus = new TreeMap<>();
			for (Future<Api.Reply> future : replies) {
				Api.Reply reply = future.get(5, TimeUnit.MINUTES);
				byStatus.merge(reply.status(), 1, Integer::sum);
				assertThat(reply.status()).as(reply.body()).isIn(200, 409);
				if (reply.status() == 409) {
					assertThat(reply.contentType()).startsWith("application/problem+json");
				}
			}
			System.out.printf("offer accept race: %d accepts of offer %d answered %s%n", ACCEPTS, offer, byStatus);
			assertThat(byStatus).containsKey(200);
		}
		finally {
			clients.shutdownNow();
		}

		driver.drainUntil(order, () -> status(order).equals("SCHEDULED"), "scheduled by the one accept");
		String instance = driver.instanceOf(order);
		assertThat(history.createHistoricActivityInstanceQuery()
			.processInstanceId(instance)
			.activityId("OfferAcceptedEvent")
			.count()).as("the process heard the accept once").isEqualTo(1);
		assertThat(jdbc.queryForObject("select count(*) from job_visit where order_id = ?", Integer.class, order))
			.as("one visit counted against the dealer's capacity").isEqualTo(1);
		assertThat(jdbc.queryForObject(
				"select count(*) from order_status_change where order_id = ? and to_status = 'ASSIGNED'", Integer.class, order))
			.as("assigned once").isEqualTo(1);
		JsonNode accepted = admin.get("/api/v1/offers?orderId=" + order).json();
		assertThat(accepted).singleElement().satisfies(o -> {
			assertThat(o.get("status").asText()).isEqualTo("ACCEPTED");
			assertThat(o.get("providerId").asLong()).isEqualTo(dealerId);
		});
		List<String> answeredBy = jdbc.queryForList("select answered_by from offer where id = ?", String.class, offer);
		assertThat(answeredBy).singleElement().as("one winner named").isNotNull();
	}

	/** The dealer makes the installer an admin of the dealer in the app (so they may answer offers) and they sign in. */
	private String adminSignIn(long installerId) {
		Api.Reply given = dealerAdmin.put("/api/v1/providers/" + dealerId + "/installers/" + installerId + "/mobile-login",
				Map.of("password", MOBILE_PASSWORD, "providerAdmin", true));
		assertThat(given.status()).as(given.body()).isEqualTo(200);
		Api.Reply login = anonymous().post("/mobile/v1/auth/login",
				Map.of("phone", phones.get(installerId), "password", MOBILE_PASSWORD, "deviceName", "race"));
		assertThat(login.status()).as(login.body()).isEqualTo(200);
		return login.json().get("accessToken").asText();
	}

}
