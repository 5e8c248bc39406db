package dev.shifu.platform.workflow;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

import dev.shifu.platform.support.Api;
import dev.shifu.platform.support.UsesMariaDb;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A brand cancels while the installer reports the job done, both at the same moment over real HTTP on MariaDB. The
 * process decides: exactly one wins, the other gets a 409 problem, and the order's status is what the process did.
 */
@UsesMariaDb
class CancelRaceOnMariaDbTests extends LifecycleFixture {

	private static final int ROUNDS = 7;

	@Test
	void aCancelRacingACompletionEndsTheWayTheProcessDecidedEveryTime() throws Exception {
		int cancelsWon = 0;
		int completionsWon = 0;
		for (int round = 0; round < ROUNDS; round++) {
			long order = postOrder("ARRIVED");
			book(order, TODAY.plusDays(3));
			dispatchToDealer(order);
			driver.fireTimer(order, "InstallationDayTimer");
			assertThat(jobEvent(order, Map.of("type", "STARTED")).status()).isEqualTo(200);
			String code = verificationCode(order);

			// Rounds 0 and 1 send one request after the other (the cancel first, then the completion first), so each
			// outcome occurs at least once whatever the machine's load; the later rounds race them. The provider's request
			// spends longer in authentication (a password hash) than the brand's (an API key): the cancel starts later
			// from round to round, so the racing rounds sweep across the moment of the completion. Which side wins a
			// racing round depends on timing, so only that both sides agree with the process is asserted there.
			Supplier<Api.Reply> cancelling = () -> brandApi.post("/api/v1/orders/" + order + "/cancel",
					Map.of("reason", "consumer moved house"));
			Supplier<Api.Reply> completing = () -> dealerAdmin.post(
					"/api/v1/providers/" + dealerId + "/jobs/" + order + "/events",
					Map.of("type", "COMPLETED", "verificationCode", code));
			Api.Reply cancelled;
			Api.Reply completed;
			if (round == 0) {
				cancelled = cancelling.get();
				completed = completing.get();
			}
			else if (round == 1) {
				completed = completing.get();
				cancelled = cancelling.get();
			}
			else {
				long head = (round - 2) * 120L;
				CyclicBarrier together = new CyclicBarrier(2);
				CompletableFuture<Api.Reply> cancel = race(together, () -> {
					pause(head);
					return cancelling.get();
				});
				CompletableFuture<Api.Reply> complete = race(together, completing);
				cancelled = cancel.get(60, TimeUnit.SECONDS);
				completed = complete.get(60, TimeUnit.SECONDS);
			}
			driver.drain(order);

			boolean cancelWon = cancelled.status() == 200;
			Api.Reply loser = cancelWon ? completed : cancelled;
			Api.Reply winner = cancelWon ? cancelled : completed;
			assertThat(winner.status()).as("round %d: %s / %s", round, cancelled.body(), completed.body()).isEqualTo(200);
			assertThat(loser.status()).as("round %d: %s", round, loser.body()).isEqualTo(409);
			assertThat(loser.contentType()).startsWith("application/problem+json");
			if (cancelWon) {
				cancelsWon++;
				assertThat(status(order)).isEqualTo("CANCELLED");
				assertThat(driver.endedAt(order)).isEqualTo("OrderCancelledEndEvent");
				assertThat(history(order)).doesNotContain("COMPLETED");
				Api.Reply late = dealerAdmin.post("/api/v1/providers/" + dealerId + "/jobs/" + order + "/events",
						Map.of("type", "COMPLETED", "verificationCode", code));
				assertThat(late.status()).as("a report after the process ended: %s", late.body()).isEqualTo(409);
			}
			else {
				completionsWon++;
				assertThat(status(order)).isEqualTo("COMPLETED");
				assertThat(driver.endedAt(order)).isNull();
				assertThat(driver.isWaitingAt(order, "AwaitRatingTask")).isTrue();
				assertThat(history(order)).doesNotContain("CANCELLED");
			}
		}
		assertThat(cancelsWon).as("rounds the cancel won").isPositive();
		assertThat(completionsWon).as("rounds the completion won").isPositive();
		System.out.printf("cancel race: the cancel won %d of %d rounds, the completion the others%n", cancelsWon, ROUNDS);
	}

	private static void pause(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static CompletableFuture<Api.Reply> race(CyclicBarrier together, Supplier<Api.Reply> request) {
		return CompletableFuture.supplyAsync(() -> {
			try {
				together.await(10, TimeUnit.SECONDS);
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
			return request.get();
		}, command -> new Thread(command).start());
	}

}
