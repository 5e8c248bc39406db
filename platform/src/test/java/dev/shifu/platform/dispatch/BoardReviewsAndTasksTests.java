package dev.shifu.platform.dispatch;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import dev.shifu.platform.support.Api;
import dev.shifu.workflows.ServiceOrderProcess.Elements;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The route board's review list and tasks through the running app: a completion without the required photos
 * flags the visit on the board and puts it on the region's review list until a dispatcher marks it reviewed (once,
 * audited); the region's open staff tasks, completed through the staff task API. Both limited to the dispatcher's
 * regions.
 */
class BoardReviewsAndTasksTests extends BoardStaffFixture {

	@Test
	void aFlaggedCompletionShowsOnItsVisitAndOnTheReviewListUntilADispatcherMarksItReviewedOnce() {
		long order = flaggedCompletion();
		LocalDate day = TODAY.plusDays(3);

		JsonNode review = review(dispatcher, order);
		awaitOnRoute(dispatcher, day, order);
		JsonNode flagged = visitOn(dispatcher, day, order);
		String path = REVIEWS + "/" + review.get("id").asLong() + "/reviewed";
		Api.Reply forbidden = outsider.get(REVIEWS);
		Api.Reply elsewhere = outsider.post("/api/v1/dispatch/board/" + BoardFixture.CITY + "/reviews/"
				+ review.get("id").asLong() + "/reviewed", Map.of("note", "not mine"));
		Api.Reply tooLong = dispatcher.post(path, Map.of("note", "x".repeat(501)));
		Api.Reply reviewed = dispatcher.post(path, Map.of("note", "Installer parked at the compound gate"));
		Api.Reply again = dispatcher.post(path, Map.of("note", "twice"));
		JsonNode after = visitOn(dispatcher, day, order);
		JsonNode audit = dispatcher.get("/api/v1/dispatch/board/" + HANGZHOU + "/audit").json();

		assertThat(review.get("kind").asText()).isEqualTo("EVIDENCE");
		assertThat(review.get("flags").toString()).contains(FLAG);
		assertThat(flagged.get("evidenceFlags").toString()).contains(FLAG);
		assertThat(forbidden.status()).isEqualTo(403);
		assertThat(elsewhere.status()).as("a review of another region is not found there").isEqualTo(404);
		assertThat(tooLong.status()).isEqualTo(400);
		assertThat(tooLong.contentType()).contains("problem+json");
		assertThat(tooLong.json().get("field").asText()).isEqualTo("note");
		assertThat(reviewed.status()).as(reviewed.body()).isEqualTo(200);
		assertThat(reviewed.json().get("reviewedBy").asText()).isEqualTo(dispatcherName);
		assertThat(again.status()).isEqualTo(200);
		assertThat(again.json().get("note").asText()).as("the first outcome stands").isEqualTo("Installer parked at the compound gate");
		assertThat(again.json().get("reviewedAt").asText()).isEqualTo(reviewed.json().get("reviewedAt").asText());
		assertThat(review(dispatcher, order)).as("off the open list").isNull();
		assertThat(after.get("evidenceFlags")).isEmpty();
		long entries = 0;
		for (JsonNode entry : audit) {
			if (entry.get("action").asText().equals("REVIEWED") && entry.path("jobId").asText().equals("O" + order)) {
				entries++;
				assertThat(entry.get("actor").asText()).isEqualTo(dispatcherName);
				assertThat(entry.get("edit").asText()).contains(FLAG).contains("compound gate");
			}
		}
		assertThat(entries).as("audited once").isEqualTo(1);
	}

	private static List<Long> taskOrders(Api caller, String region) {
		Api.Reply reply = caller.get("/api/v1/tasks?region=" + region);
		assertThat(reply.status()).as(reply.body()).isEqualTo(200);
		return reply.json().findValuesAsText("orderId").stream().map(Long::valueOf).toList();
	}

	@Test
	void theBoardsTaskListHoldsTheRegionsOpenTasksOnlyAndADispatcherCompletesOneThroughTheTaskApi() {
		long hangzhou = orderAtPhoneConsumer();
		long shanghai = postOrder("ARRIVED", "INSTALLATION", "GOLD", BoardFixture.DISTRICT, 31.19, 121.43);
		driver.fireTimer(shanghai, Elements.BOOKING_ESCALATION_TIMER);
		String task = driver.openTask(hangzhou, Elements.PHONE_CONSUMER_TASK);

		List<Long> ours = taskOrders(dispatcher, HANGZHOU);
		List<Long> theirs = taskOrders(outsider, BoardFixture.CITY);
		Api.Reply notTheirs = outsider.get("/api/v1/tasks?region=" + HANGZHOU);
		Api.Reply badRegion = dispatcher.get("/api/v1/tasks?region=33010");
		Api.Reply missing = dispatcher.post("/api/v1/tasks/" + task + "/complete", Map.of("type", "PHONE_CONSUMER"));
		Api.Reply done = dispatcher.post("/api/v1/tasks/" + task + "/complete",
				Map.of("type", "PHONE_CONSUMER", "consumerReached", true, "note", "Books tonight"));

		assertThat(ours).contains(hangzhou).doesNotContain(shanghai);
		assertThat(theirs).contains(shanghai).doesNotContain(hangzhou);
		assertThat(notTheirs.status()).isEqualTo(403);
		assertThat(badRegion.status()).isEqualTo(400);
		assertThat(badRegion.json().get("field").asText()).isEqualTo("region");
		assertThat(missing.status()).isEqualTo(400);
		assertThat(missing.contentType()).contains("problem+json");
		assertThat(missing.json().get("field").asText()).isEqualTo("consumerReached");
		assertThat(done.status()).as(done.body()).isEqualTo(200);
		assertThat(taskOrders(dispatcher, HANGZHOU)).doesNotContain(hangzhou);
	}

}
