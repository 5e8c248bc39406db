package dev.shifu.platform.dispatch.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.shifu.platform.catalog.Regions;
import dev.shifu.platform.network.NetworkDirectory;
import dev.shifu.platform.notification.Notifications;
import dev.shifu.platform.order.OrderLifecycle;
import dev.shifu.platform.order.OrderSnapshot;
import dev.shifu.platform.schedule.WindowCapacity;
import dev.shifu.platform.shared.NotFoundException;
import dev.shifu.platform.workflow.ProcessVariables;
import dev.shifu.workflows.ServiceOrderProcess.Beans;
import dev.shifu.workflows.ServiceOrderProcess.Vars;
import dev.shifu.workflows.SlaTimers;

/** The dispatch steps of the process: find candidates, offer to the next one, withdraw an expired offer. */
@Configuration(proxyBeanMethods = false)
class DispatchDelegates {

	/** The offer's deadline as the provider reads it: in the order's region's zone. */
	private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("MM-dd HH:mm");

	@Bean(Beans.CANDIDATE_PROVIDER)
	JavaDelegate candidateProviderDelegate(Candidates candidates, OrderLifecycle orders, Regions regions,
			WindowCapacity capacity) {
		return execution -> {
			OrderSnapshot order = order(orders, execution);
			List<String> channels = Arrays.asList(String.valueOf(execution.getVariable(Vars.DISPATCH_CHANNELS)).split(","));
			double minRating = ((Number) execution.getVariable(Vars.MIN_PROVIDER_RATING)).doubleValue();
			Object preferred = execution.getVariable(Vars.PREFERRED_INSTALLER_ID);
			List<Long> ids = candidates.forOrder(order, channels, minRating,
					preferred == null ? null : Long.valueOf(String.valueOf(preferred)),
					ProcessVariables.date(execution, Vars.BOOKED_DATE, regions),
					// A premium window promised an installer rated that high: only providers who have one.
					capacity.minInstallerRating(order.id()).orElse(null));
			execution.setVariable(Vars.CANDIDATE_PROVIDER_IDS, String.join(",", ids.stream().map(String::valueOf).toList()));
			execution.setVariable(Vars.CANDIDATE_COUNT, ids.size());
		};
	}

	@Bean(Beans.PROVIDER_OFFER)
	JavaDelegate providerOfferDelegate(OfferRepository offers, OrderLifecycle orders, NetworkDirectory network,
			Notifications notifications, SlaTimers timers, Regions regions) {
		return execution -> {
			OrderSnapshot order = order(orders, execution);
			int attempt = ((Number) execution.getVariable(Vars.OFFER_ATTEMPT)).intValue();
			String[] candidates = String.valueOf(execution.getVariable(Vars.CANDIDATE_PROVIDER_IDS)).split(",");
			long providerId = Long.parseLong(candidates[attempt]);
			// The engine's clock: the offer expires when the model's expiry timer (started now) fires.
			Instant expiresAt = org.camunda.bpm.engine.impl.util.ClockUtil.getCurrentTime().toInstant()
				.plus(Duration.parse(timers.getOfferExpiry()));
			offers.save(new Offer(order.id(), providerId, attempt, expiresAt));
			execution.setVariable(Vars.OFFERED_PROVIDER_ID, String.valueOf(providerId));
			network.provider(providerId)
				.filter(p -> p.contactPhone() != null)
				.ifPresent(p -> notifications.send(order.id(), p.contactPhone(), Notifications.Template.OFFER_RECEIVED,
						Map.of("order", order.externalOrderId(), "region", order.regionCode(), "expires",
								CLOCK.withZone(regions.zoneOf(order.regionCode())).format(expiresAt))));
		};
	}

	@Bean(Beans.OFFER_EXPIRY)
	JavaDelegate offerExpiryDelegate(OfferRepository offers) {
		return execution -> {
			long orderId = ProcessVariables.orderId(execution);
			long providerId = Long.parseLong(String.valueOf(execution.getVariable(Vars.OFFERED_PROVIDER_ID)));
			offers.findFirstByOrderIdAndProviderIdAndStatusOrderByIdDesc(orderId, providerId, Offer.Status.OFFERED)
				.ifPresent(Offer::expire);
		};
	}

	private static OrderSnapshot order(OrderLifecycle orders, DelegateExecution execution) {
		long id = ProcessVariables.orderId(execution);
		return orders.find(id).orElseThrow(() -> new NotFoundException("order", id));
	}

}
