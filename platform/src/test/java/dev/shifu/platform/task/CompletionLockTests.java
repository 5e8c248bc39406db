package dev.shifu.platform.task;

import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.shifu.platform.identity.Role;
import dev.shifu.platform.support.Api;
import dev.shifu.platform.support.StaffTaskFixture;

import static org.assertj.core.api.Assertions.assertThat;

/** Five wrong completion codes lock completion; a dispatcher lifts the lock, or the consumer takes a fresh code. */
class CompletionLockTests extends StaffTaskFixture {

	private void lockWithWrongCodes(long order) {
		String right = verificationCode(order);
		String wrong = right.equals("000000") ? "111111" : "000000";
		for (int i = 0; i < 5; i++) {
			assertThat(jobEvent(order, Map.of("type", "COMPLETED", "verificationCode", wrong)).status()).isEqualTo(400);
		}
		assertThat(jobEventStatus(order, "{\"type\":\"COMPLETED\",\"verificationCode\":\"" + right + "\"}"))
			.as("locked even for the right code").isEqualTo(429);
		assertThat(status(order)).isEqualTo("STARTED");
	}

	@Test
	void aDispatcherLiftsTheLockAndTheRightCodeCompletes() {
		long order = orderStarted();
		lockWithWrongCodes(order);

		assertThat(asNewUser(Role.CUSTOMER_SERVICE, null).delete("/api/v1/orders/" + order + "/verification-lock").status())
			.isEqualTo(403);
		assertThat(dealerAdmin.delete("/api/v1/orders/" + order + "/verification-lock").status()).isEqualTo(403);
		assertThat(asNewUser(Role.DISPATCHER, null).delete("/api/v1/orders/" + order + "/verification-lock").status())
			.isEqualTo(204);

		Api.Reply completed = jobEvent(order, Map.of("type", "COMPLETED", "verificationCode", verificationCode(order)));
		assertThat(completed.status()).as(completed.body()).isEqualTo(200);
		assertThat(status(order)).isEqualTo("COMPLETED");
	}

	@Test
	void theConsumerTakesAFreshCodeThatLiftsTheLockAndRetiresTheOldOne() {
		long order = orderStarted();
		String old = verificationCode(order);
		lockWithWrongCodes(order);

		Api.Reply renewed = anonymous().post("/api/v1/consumer/" + consumerToken(order) + "/verification-code", null);

		assertThat(renewed.status()).as(renewed.body()).isEqualTo(200);
		String fresh = renewed.json().get("verificationCode").asText();
		assertThat(fresh).hasSize(6).isNotEqualTo(old).isEqualTo(verificationCode(order));
		assertThat(jobEvent(order, Map.of("type", "COMPLETED", "verificationCode", old)).status())
			.as("the old code no longer completes").isEqualTo(400);
		assertThat(jobEvent(order, Map.of("type", "COMPLETED", "verificationCode", fresh)).status()).isEqualTo(200);
		assertThat(status(order)).isEqualTo("COMPLETED");
	}

	@Test
	void noFreshCodeBeforeTheJobIsScheduled() {
		long order = postOrder("330106");

		Api.Reply early = anonymous().post("/api/v1/consumer/" + consumerToken(order) + "/verification-code", null);

		assertThat(early.status()).isEqualTo(409);
	}

}
