package dev.shifu.platform.dispatch.internal;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import dev.shifu.platform.schedule.RouteBoard;

/** Discards re-optimization results nobody decided on in time, and audits each as the system's decision. */
@Component
@EnableConfigurationProperties(BoardSettings.class)
class ReoptimizationExpiry {

	static final String ACTOR = "system";

	private static final Logger log = LoggerFactory.getLogger(ReoptimizationExpiry.class);

	private final RouteBoard board;

	private final BoardAudit audit;

	private final BoardSettings settings;

	ReoptimizationExpiry(RouteBoard board, BoardAudit audit, BoardSettings settings) {
		this.board = board;
		this.audit = audit;
		this.settings = settings;
	}

	@Scheduled(fixedDelayString = "${shifu.board.decision-sweep:30s}")
	void sweep() {
		List<RouteBoard.Reoptimization> expired = board.expireWaiting(settings.decisionTimeout());
		for (RouteBoard.Reoptimization outcome : expired) {
			log.info("Re-optimization of {} on {} expired after {} without a decision: discarded", outcome.region(),
					outcome.date(), settings.decisionTimeout());
			audit.expired(outcome.region(), ACTOR, outcome);
		}
	}

}
