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

	private static final int ROUNDS = 6;

	@Test
	void aCancelRacingACompletionEndsTheWayTheProcessDecidedEveryTime() throws Exception {
		int cancelsWon = 0;
		for (int round = 0; round < ROUNDS; round++) {
			long order = postOrder("ARRIVED");
			book(order, TODAY.plusDays(3));
			dispatchToDealer(order);
			driver.fireTimer(order, "InstallationDayTimer");
			assertThat(jobEvent(order, Map.of("type", "STARTED")).status()).isEqualTo(200);
			String code = verificationCode(order);

			// The provider's request spends longer in authentication (a password hash) than the brand's (an API key):
			// the cancel starts later from round to round, so the rounds sweep across the moment of the completion.
			long head = round * 120L;
			CyclicBarrier together = new CyclicBarrier(2);
			CompletableFuture<Api.Reply> cancel = race(together, () -> {
				pause(head);
				return brandApi.post("/api/v1/orders/" + order + "/cancel", Map.of("reason", "consumer moved house"));
			});
			CompletableFuture<Api.Reply> complete = race(together, () -> dealerAdmin
				.post("/api/v1/providers/" + dealerId + "/jobs/" + order + "/events", Map.of("type", "COMPLETED", "verificationCode", code)));
			Api.Reply cancelled = cancel.get(60, TimeUnit.SECONDS);
			Api.Reply completed = complete.get(60, TimeUnit.SECONDS);
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
				assertThat(status(order)).isEqualTo("COMPLETED");
				assertThat(driver.endedAt(order)).isNull();
				assertThat(driver.isWaitingAt(order, "AwaitRatingTask")).isTrue();
				assertThat(history(order)).doesNotContain("CANCELLED");
			}
		}
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
