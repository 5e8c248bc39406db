package dev.shifu.platform.installer.internal;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Async;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import dev.shifu.platform.installer.InstallerEvents.JobEventApplied;
import dev.shifu.platform.network.NetworkEvents;
import dev.shifu.platform.schedule.RoutesStored;

/**
 * Route versions pushed to the app as server-sent events ({@code GET /mobile/v1/route/stream}, tag RouteStream of
 * the contract; the generator has no SSE support for Spring MVC, so this controller is written by hand). The stream
 * is pushed by events: a new stored plan ({@link RoutesStored}) re-reads the subscribed routes, a job event the
 * route of whoever reported it, and a {@code route-version} goes out when the route changed; neither the app nor the
 * server polls. Only the node that runs a region's solver hears its plans stored: a subscriber on another node is
 * caught up by the slow safety check ({@code shifu.mobile.route-stream-cron}, every minute; off with "-").
 */
@Component
class RouteStreams {

	private final InstallerRoutesView routes;

	private final MobileMapper mapper;

	private final Clock clock;

	private final Duration timeout;

	private final List<Subscription> subscriptions = new CopyOnWriteArrayList<>();

	private final MobileAuth auth;

	RouteStreams(InstallerRoutesView routes, MobileMapper mapper, MobileAuth auth, Optional<Clock> clock,
			@Value("${shifu.mobile.route-stream-timeout:PT30M}") Duration timeout) {
		this.auth = auth;
		this.routes = routes;
		this.mapper = mapper;
		this.clock = clock.orElse(Clock.systemUTC());
		this.timeout = timeout;
	}

	private final class Subscription {

		final long installerId;

		final String sessionId;

		final LocalDate day;

		final SseEmitter emitter;

		volatile String sent;

		Subscription(long installerId, String sessionId, LocalDate day, SseEmitter emitter) {
			this.installerId = installerId;
			this.sessionId = sessionId;
			this.day = day;
			this.emitter = emitter;
		}

	}

	SseEmitter subscribe(long installerId, String sessionId, LocalDate day) {
		SseEmitter emitter = new SseEmitter(timeout.toMillis());
		Subscription subscription = new Subscription(installerId, sessionId, day, emitter);
		emitter.onCompletion(() -> subscriptions.remove(subscription));
		emitter.onTimeout(() -> subscriptions.remove(subscription));
		emitter.onError(e -> subscriptions.remove(subscription));
		subscriptions.add(subscription);
		push(subscription);
		return emitter;
	}

	/** A region's new plan is stored: every subscribed route is read again (unchanged ones send nothing). */
	@Async
	@EventListener
	void on(RoutesStored stored) {
		subscriptions.forEach(this::push);
	}

	/** The installer's own report changed their route's status: their streams hear it after the commit. */
	@Async
	@TransactionalEventListener
	void on(JobEventApplied applied) {
		subscriptions.stream().filter(s -> applied.installerId() != null && s.installerId == applied.installerId())
			.forEach(this::push);
	}

	/** An installer or provider was suspended (or changed): their streams re-check the session at once. */
	@Async
	@TransactionalEventListener(fallbackExecution = true)
	void on(NetworkEvents.InstallerChanged changed) {
		subscriptions.stream().filter(s -> s.installerId == changed.installerId()).forEach(this::push);
	}

	@Async
	@TransactionalEventListener(fallbackExecution = true)
	void on(NetworkEvents.ProviderChanged changed) {
		// Few streams are open per node: re-checking all of them is cheaper than looking up each one's provider.
		subscriptions.forEach(this::push);
	}

	/** Logout ends the session's streams; the app signs in again for a new one. */
	void end(String sessionId) {
		subscriptions.stream().filter(s -> s.sessionId.equals(sessionId)).forEach(s -> {
			subscriptions.remove(s);
			s.emitter.complete();
		});
	}

	/** The safety net across nodes, not the way changes arrive. */
	@Scheduled(cron = "${shifu.mobile.route-stream-cron:0 * * * * *}")
	void check() {
		subscriptions.forEach(this::push);
	}

	private synchronized void push(Subscription s) {
		// Spring Security checked the token once, when the stream opened: every push checks the session again.
		if (!auth.admits(s.sessionId)) {
			subscriptions.remove(s);
			s.emitter.complete();
			return;
		}
		try {
			InstallerRoutesView.Observation seen = routes.observe(s.installerId, s.day);
			MobileViews.Route route = seen.route();
			if (route.version().equals(s.sent)) {
				return;
			}
			// Every job under way that the plan changed is named: the app alerts, it does not update silently.
			List<Long> underWay = seen.flagged().stream().sorted().toList();
			MobileViews.RouteVersion event = new MobileViews.RouteVersion(s.day, route.version(),
					OffsetDateTime.now(clock), underWay, !underWay.isEmpty());
			s.emitter.send(SseEmitter.event().name("route-version").id(route.version())
				.data(mapper.routeVersion(event), MediaType.APPLICATION_JSON));
			s.sent = route.version();
		}
		catch (IOException | IllegalStateException ex) {
			subscriptions.remove(s);
			s.emitter.completeWithError(ex);
		}
	}

	@RestController
	static class RouteStreamController {

		private final RouteStreams streams;

		private final InstallerRoutesView routes;

		RouteStreamController(RouteStreams streams, InstallerRoutesView routes) {
			this.streams = streams;
			this.routes = routes;
		}

		@GetMapping(path = MobileSecurityConfig.BASE + "/route/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
		SseEmitter stream(@RequestParam(required = false) @org.springframework.format.annotation.DateTimeFormat(
				iso = org.springframework.format.annotation.DateTimeFormat.ISO.DATE) LocalDate date) {
			MobileAuth.MobileInstaller who = MobileInstallers.current();
			return streams.subscribe(who.installerId(), who.sessionId(), date == null ? routes.today(who.providerId()) : date);
		}

	}

}
