package dev.shifu.platform.dispatch.internal;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.validation.constraints.Size;

import dev.shifu.platform.catalog.Regions;
import dev.shifu.platform.dispatch.ReviewList;
import dev.shifu.platform.identity.Actor;
import dev.shifu.platform.identity.CurrentActor;
import dev.shifu.platform.identity.StaffRegions;
import dev.shifu.platform.schedule.RouteBoard;
import dev.shifu.platform.schedule.RouteBoard.Board;
import dev.shifu.platform.schedule.RouteBoard.Committed;
import dev.shifu.platform.schedule.RouteBoard.Edit;
import dev.shifu.platform.schedule.RouteBoard.Place;
import dev.shifu.platform.schedule.RouteBoard.Preview;
import dev.shifu.platform.shared.ConflictException;
import dev.shifu.platform.shared.Idempotency;
import dev.shifu.platform.shared.InvalidFieldException;
import dev.shifu.platform.shared.NotFoundException;

/**
 * The dispatcher's route board. The console page calls the same handlers under {@code /console/board/api} with its
 * signed-in session (and CSRF token); the API answers HTTP basic callers.
 */
@RestController
@RequestMapping({ "/api/v1/dispatch/board", "/console/board/api" })
@Tag(name = "Route board", description = "See, preview, adjust and re-optimize a region's routes of a day")
class BoardController {

	private final RouteBoard board;

	private final StaffRegions staffRegions;

	/** Idempotency keys being applied on this node, so a parallel duplicate waits instead of acting again. */
	private final java.util.concurrent.ConcurrentMap<String, Object> inFlight = new java.util.concurrent.ConcurrentHashMap<>();

	private final Regions regions;

	private final BoardAudit audit;

	private final Idempotency idempotency;

	private final ObjectMapper json;

	private final ReviewList reviews;

	BoardController(RouteBoard board, StaffRegions staffRegions, Regions regions, BoardAudit audit,
			Idempotency idempotency, ObjectMapper json, ReviewList reviews) {
		this.reviews = reviews;
		this.board = board;
		this.staffRegions = staffRegions;
		this.regions = regions;
		this.audit = audit;
		this.idempotency = idempotency;
		this.json = json;
	}

	record Edits(@NotNull List<Edit> edits) {
	}

	record Applied(List<Long> auditIds, Committed committed) {
	}

	record Reoptimize(@NotNull LocalDate date, @NotNull @Min(1) @Max(600) Integer seconds) {
	}

	record Decision(@NotNull Boolean keep) {
	}

	record Reviewed(@Size(max = 500) String note) {
	}

	@GetMapping
	@Operation(summary = "Per installer shift the ordered visits with times, travel legs, window, status and pins; "
			+ "the unassigned jobs with what blocks each; the score and what each constraint costs. One plan version")
	Board get(@RequestParam String region,
			@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
		String city = region(region);
		return board.board(city, date)
			.map(plan -> withFlags(plan, reviews.openFlags(city)))
			.orElseGet(() -> new Board(city, date, 0, "no plan", true, List.of(), List.of(), List.of(), null));
	}

	@GetMapping("/{region}/reviews")
	@Operation(summary = "The region's open review list, newest first: flagged evidence (outside the geofence, a "
			+ "reused photo, short time on site) and offline events that could not be applied (a job reassigned)")
	List<ReviewList.Review> reviews(@PathVariable String region, @RequestParam(defaultValue = "100") int limit) {
		if (limit < 1 || limit > 500) {
			throw new InvalidFieldException("limit", "must be between 1 and 500");
		}
		return reviews.open(region(region), limit);
	}

	@PostMapping("/{region}/reviews/{reviewId}/reviewed")
	@Operation(summary = "Mark a review list entry reviewed, with an optional note; audit-logged once. A second mark "
			+ "returns the first outcome")
	ReviewList.Review reviewed(@PathVariable String region, @PathVariable long reviewId,
			@Valid @RequestBody(required = false) Reviewed request) {
		String city = region(region);
		reviews.find(city, reviewId).orElseThrow(() -> new NotFoundException("review of region " + city, reviewId));
		String actor = CurrentActor.get().name();
		ReviewList.Marked marked = reviews.markReviewed(reviewId, actor, request == null ? null : request.note());
		if (marked.now()) {
			audit.reviewed(city, actor, marked.review());
		}
		return marked.review();
	}

	@PostMapping("/{region}/preview")
	@Operation(summary = "What-if: the score difference and the constraint matches one or more edits would create or "
			+ "remove, on a copy of the current plan; nothing is committed")
	Preview preview(@PathVariable String region, @Valid @RequestBody Edits request) {
		return board.preview(region(region), request.edits());
	}

	@PostMapping("/{region}/edits")
	@Operation(summary = "Commit edits (MOVE, PIN, UNPIN, UNASSIGN, LOCK_DAY, UNAVAILABLE_FROM) to the live plan, in "
			+ "order; each is audit-logged. Idempotency-Key makes a retry return the first outcome")
	Applied apply(@PathVariable String region, @Valid @RequestBody Edits request,
			@RequestHeader(name = "Idempotency-Key", required = false) String key) {
		String city = region(region);
		Actor actor = CurrentActor.get();
		String scope = "board:" + actor.name();
		String hash = Idempotency.hash(Map.of("region", city, "edits", request.edits()));
		if (key == null) {
			return applyOnce(city, actor, request, null, scope, hash);
		}
		// Two parallel requests with one key act once: the second waits for the first and then finds its result.
		String slot = scope + "\n" + key;
		Object lock = inFlight.computeIfAbsent(slot, k -> new Object());
		synchronized (lock) {
			try {
				return applyOnce(city, actor, request, key, scope, hash);
			}
			finally {
				inFlight.remove(slot, lock);
			}
		}
	}

	private Applied applyOnce(String city, Actor actor, Edits request, String key, String scope, String hash) {
		if (key != null) {
			var previous = idempotency.previousResult(scope, key, hash);
			if (previous.isPresent()) {
				return read(previous.get());
			}
		}
		Committed committed = board.apply(city, request.edits());
		List<Long> ids = new ArrayList<>();
		for (Edit edit : request.edits()) {
			ids.add(audit.record(city, actor.name(), edit, committed));
		}
		Applied applied = new Applied(ids, committed);
		if (key != null) {
			idempotency.remember(scope, key, hash, ids.stream().map(String::valueOf).collect(Collectors.joining(",")));
		}
		return applied;
	}

	@PostMapping("/{region}/reoptimize")
	@ResponseStatus(HttpStatus.ACCEPTED)
	@Operation(summary = "Re-optimize one day now within a time limit; progress (best score, unassigned, time left) "
			+ "streams on /stream; the result waits for POST …/reoptimize/decision")
	RouteBoard.Reoptimization reoptimize(@PathVariable String region, @Valid @RequestBody Reoptimize request) {
		String city = region(region);
		board.reoptimize(city, request.date(), Duration.ofSeconds(request.seconds()));
		return board.reoptimization(city).orElseThrow();
	}

	@DeleteMapping("/{region}/reoptimize")
	@Operation(summary = "Stop the running re-optimization; its best plan so far waits for the decision")
	RouteBoard.Reoptimization stop(@PathVariable String region) {
		String city = region(region);
		if (!board.stop(city)) {
			throw new NotFoundException("running re-optimization of region", city);
		}
		return board.reoptimization(city).orElseThrow();
	}

	@GetMapping("/{region}/reoptimize")
	@Operation(summary = "The running, waiting or last re-optimization of the region")
	RouteBoard.Reoptimization reoptimization(@PathVariable String region) {
		String city = region(region);
		return board.reoptimization(city).orElseThrow(() -> new NotFoundException("re-optimization of region", city));
	}

	@PostMapping("/{region}/reoptimize/decision")
	@Operation(summary = "Keep (the found plan replaces the live one, pins and edits made meanwhile kept) or discard")
	RouteBoard.Reoptimization decide(@PathVariable String region, @Valid @RequestBody Decision request) {
		String city = region(region);
		RouteBoard.Reoptimization outcome = board.decide(city, request.keep());
		audit.decision(city, CurrentActor.get().name(), request.keep(), outcome);
		return outcome;
	}

	@GetMapping(path = "/{region}/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	@Operation(summary = "Server-Sent Events: best score, unassigned jobs and re-optimization progress of the region")
	SseEmitter stream(@PathVariable String region) {
		return board.subscribe(region(region));
	}

	@GetMapping("/{region}/audit")
	@Operation(summary = "The region's board edits, newest first: who, what, before and after, when")
	List<BoardAudit.Entry> audit(@PathVariable String region, @RequestParam(defaultValue = "100") int limit) {
		return audit.of(region(region), limit);
	}

	/** Each visit with the open review flags of its order (the installer context keeps them, not the plan). */
	private static Board withFlags(Board plan, Map<Long, List<String>> flags) {
		if (flags.isEmpty()) {
			return plan;
		}
		List<RouteBoard.Lane> lanes = plan.lanes().stream().map(lane -> new RouteBoard.Lane(lane.shiftId(),
				lane.installerIds(), lane.installerName(), lane.providerId(), lane.start(), lane.end(), lane.onLeave(),
				lane.locked(), lane.baseLat(), lane.baseLng(), lane.backAtBase(), lane.travelSeconds(),
				lane.travelMeters(), lane.visits().stream().map(v -> !flags.containsKey(v.orderId()) ? v
						: new RouteBoard.Visit(v.jobId(), v.orderId(), v.position(), v.arrival(), v.start(), v.end(),
								v.travelSeconds(), v.travelMeters(), v.windowStart(), v.windowEnd(), v.pinned(), v.status(),
								v.lat(), v.lng(), flags.get(v.orderId()), v.reasons()))
					.toList(), lane.reasons()))
			.toList();
		return new Board(plan.region(), plan.date(), plan.version(), plan.score(), plan.feasible(), plan.constraints(),
				lanes, plan.unassigned(), plan.reoptimization());
	}

	/** The city the code plans in, if the caller may work there. */
	private String region(String code) {
		if (code == null || !code.matches("\\d{6}")) {
			throw new InvalidFieldException("region", "must be a 6-digit region code, e.g. 330100");
		}
		if (!regions.exists(code)) {
			throw new InvalidFieldException("region", "is not a known region code");
		}
		String city = code.substring(0, 4) + "00";
		staffRegions.requireWorkIn(CurrentActor.get(), city);
		return city;
	}

	/** The first outcome of a retried commit, from its audit rows. */
	private Applied read(String auditIds) {
		List<Long> ids = Arrays.stream(auditIds.split(",")).map(Long::valueOf).toList();
		BoardAudit.Entry first = audit.find(ids.get(0))
			.orElseThrow(() -> new ConflictException("idempotency-gone", "The first outcome of this key is no longer kept"));
		try {
			List<Place> before = json.readValue(first.before(), new TypeReference<List<Place>>() {
			});
			List<Place> after = json.readValue(first.after(), new TypeReference<List<Place>>() {
			});
			return new Applied(ids, new Committed(first.scoreBefore(), first.scoreAfter(), before, after));
		}
		catch (JsonProcessingException ex) {
			throw new ConflictException("idempotency-unreadable", "The first outcome of this key cannot be read back");
		}
	}

}
