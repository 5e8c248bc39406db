package dev.shifu.platform.booking;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

import dev.shifu.platform.identity.Role;
import dev.shifu.platform.identity.StaffRegions;
import dev.shifu.platform.support.Api;
import dev.shifu.platform.support.TestPhones;

import static org.assertj.core.api.Assertions.assertThat;

/** A city of the test's own, its installers' leave, and the booked-window alerts and plan its dispatcher reads. */
abstract class AlertFixture extends WindowFixture {

	final String city;

	final double lat;

	final double lng;

	@Autowired
	StaffRegions staffRegions;

	private final Map<Long, Map<String, Object>> installers = new HashMap<>();

	AlertFixture(String city, double lat, double lng) {
		this.city = city;
		this.lat = lat;
		this.lng = lng;
	}

	/** A dispatcher who works in that city only (regions fail closed). */
	Api dispatcherOf(String city) {
		return dispatcherOf(city, unique("dispatcher"));
	}

	Api dispatcherOf(String city, String name) {
		accounts.createUser(name, PASSWORD, name, Set.of(Role.DISPATCHER), null, null);
		staffRegions.assign(name, Set.of(city));
		return Api.user(http, name, PASSWORD);
	}

	/** An installer of the provider working every day 08:00-18:00 at the city's centre, with no leave yet. */
	long installer(long provider) {
		List<LocalDate> leave = List.of();
		List<Map<String, String>> shifts = new ArrayList<>();
		for (DayOfWeek day : DayOfWeek.values()) {
			shifts.add(Map.of("day", day.name(), "start", "08:00", "end", "18:00"));
		}
		Map<String, Object> body = new HashMap<>(Map.of("name", "陈师傅", "phone", TestPhones.next("134"), "skills",
				List.of("DOOR"), "homeBase", Map.of("lat", lat, "lng", lng), "shifts", shifts, "crewSize", 1));
		body.put("leaveDays", leave.stream().map(LocalDate::toString).toList());
		Api.Reply reply = admin.post("/api/v1/providers/" + provider + "/installers", body);
		assertThat(reply.status()).as(reply.body()).isEqualTo(201);
		long id = reply.json().get("id").asLong();
		installers.put(id, body);
		return id;
	}

	void leave(long provider, long installer, List<LocalDate> days) {
		Map<String, Object> body = new HashMap<>(installers.get(installer));
		body.put("leaveDays", days.stream().map(LocalDate::toString).toList());
		Api.Reply reply = admin.put("/api/v1/providers/" + provider + "/installers/" + installer, body);
		assertThat(reply.status()).as(reply.body()).isEqualTo(200);
	}

	List<JsonNode> alertsOf(Api dispatcher, String path, long order) {
		Api.Reply reply = dispatcher.get(path + "?region=" + city);
		assertThat(reply.status()).as(reply.body()).isEqualTo(200);
		List<JsonNode> mine = new ArrayList<>();
		reply.json().forEach(a -> {
			if (a.get("orderId").asLong() == order) {
				mine.add(a);
			}
		});
		return mine;
	}

	boolean plannedOn(LocalDate day, long order) {
		JsonNode plan = admin.get("/api/v1/schedules?region=" + city + "&date=" + day).json();
		for (JsonNode installer : plan.path("installers")) {
			for (JsonNode v : installer.path("visits")) {
				if (v.get("jobId").asText().equals("O" + order)) {
					return true;
				}
			}
		}
		return false;
	}

	/** Bounded wait for what the live solver and its listeners do after a change (no timing asserted). */
	static void poll(java.util.function.BooleanSupplier done, String what) {
		for (int i = 0; i < 600; i++) {
			if (done.getAsBoolean()) {
				return;
			}
			sleep(200);
		}
		throw new AssertionError("not within the bound: " + what);
	}

}
