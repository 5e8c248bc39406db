package dev.shifu.platform.dispatch;

import java.time.LocalDate;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;

import org.springframework.beans.factory.annotation.Autowired;

import dev.shifu.platform.identity.Role;
import dev.shifu.platform.identity.StaffRegions;
import dev.shifu.platform.support.Api;
import dev.shifu.platform.support.StaffTaskFixture;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Orders of Hangzhou walked to what the route board's review list and task list show: a dispatcher of Hangzhou
 * (330100) and one of Shanghai (310100), and a completion the installer context flags.
 */
// A context of their own: the suite's shared context plans one Hangzhou region that every class adds dealers,
// installers and jobs to, and these tests wait for the solver to place a job there.
@org.springframework.test.context.TestPropertySource(properties = "shifu.test.context=board-staff")
abstract class BoardStaffFixture extends StaffTaskFixture {

	static final String HANGZHOU = "330100";

	static final String REVIEWS = "/api/v1/dispatch/board/" + HANGZHOU + "/reviews";

	@Autowired
	protected StaffRegions staffRegions;

	protected Api dispatcher;

	protected String dispatcherName;

	protected Api outsider;

	@BeforeEach
	void dispatchers() {
		dispatcherName = unique("dispatcher");
		accounts.createUser(dispatcherName, PASSWORD, dispatcherName, Set.of(Role.DISPATCHER), null, null);
		staffRegions.assign(dispatcherName, Set.of(HANGZHOU));
		dispatcher = Api.user(http, dispatcherName, PASSWORD);
		String other = unique("dispatcher");
		accounts.createUser(other, PASSWORD, other, Set.of(Role.DISPATCHER), null, null);
		staffRegions.assign(other, Set.of(BoardFixture.CITY));
		outsider = Api.user(http, other, PASSWORD);
	}

	/**
	 * Scheduled for the day, under way, and completed by the provider admin's stand-in without the photos the app
	 * requires: the installer context flags the completion.
	 */
	long flaggedCompletion() {
		long order = orderStarted();
		// With a position: the one flag is the missing photos (no NO_LOCATION review beside it).
		Api.Reply completed = jobEvent(order, Map.of("type", "COMPLETED", "verificationCode", verificationCode(order),
				"location", AT_THE_ADDRESS));
		assertThat(completed.status()).as(completed.body()).isEqualTo(200);
		assertThat(completed.body()).contains(FLAG);
		return order;
	}

	static final String FLAG = "MISSING_PHOTOS";

	static JsonNode review(Api dispatcher, long order) {
		for (JsonNode review : dispatcher.get(REVIEWS).json()) {
			if (review.get("orderId").asLong() == order) {
				return review;
			}
		}
		return null;
	}

	/** Waits for the job on a route of the day; if it never gets there, says where it is instead. */
	static void awaitOnRoute(Api dispatcher, LocalDate day, long order) {
		try {
			BoardFixture.await(() -> visitOn(dispatcher, day, order) != null, "the started job on its route");
		}
		catch (AssertionError ex) {
			JsonNode board = dispatcher.get("/api/v1/dispatch/board?region=330106&date=" + day).json();
			String where = "not on the board";
			for (JsonNode job : board.path("unassigned")) {
				if (job.path("jobId").asText().equals("O" + order)) {
					where = "unassigned: " + job;
				}
			}
			throw new AssertionError("job O" + order + " never on a route of " + day + " (" + where + ", "
					+ board.path("lanes").size() + " lanes)", ex);
		}
	}

	static JsonNode visitOn(Api dispatcher, LocalDate day, long order) {
		Api.Reply reply = dispatcher.get("/api/v1/dispatch/board?region=330106&date=" + day);
		assertThat(reply.status()).as(reply.body()).isEqualTo(200);
		return BoardFixture.visit(reply.json(), "O" + order);
	}

}
