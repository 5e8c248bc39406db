package dev.shifu.platform.dispatch.internal;

import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.variable.Variables;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import dev.shifu.platform.dispatch.ProviderPolicy;
import dev.shifu.platform.identity.BrandDirectory;
import dev.shifu.platform.network.NetworkEvents;
import dev.shifu.platform.order.OrderLifecycle;
import dev.shifu.platform.order.OrderSnapshot;
import dev.shifu.platform.shared.NotFoundException;
import dev.shifu.platform.shared.ReadCache;
import dev.shifu.workflows.ServiceOrderProcess;
import dev.shifu.workflows.ServiceOrderProcess.Vars;

/**
 * The providers dispatch could give an order to: the dispatch policy's decision (the same DMN table and inputs as
 * the process: channel order, minimum rating) applied through {@link Candidates}, the rule the offers use. Kept per
 * order in this node's memory (the windows query asks on every request); a change of the network here clears it,
 * another node's within {@link #TTL}. A booking re-checks the window against the plan anyway.
 */
@Component
class PolicyProviders implements ProviderPolicy {

	static final Duration TTL = Duration.ofSeconds(60);

	private final OrderLifecycle orders;

	private final Candidates candidates;

	/** The table the process deploys, evaluated here without the engine's history: a read must not write. */
	private final DmnDecision policy;

	private final DmnEngine dmn = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();

	private final BrandDirectory brands;

	private final ReadCache<Long, Set<Long>> cache = new ReadCache<>(TTL, 50_000);

	PolicyProviders(OrderLifecycle orders, Candidates candidates, BrandDirectory brands) {
		this.orders = orders;
		this.candidates = candidates;
		this.brands = brands;
		try (InputStream table = ServiceOrderProcess.class.getClassLoader()
			.getResourceAsStream(ServiceOrderProcess.DMN_RESOURCE)) {
			this.policy = dmn.parseDecision(ServiceOrderProcess.DISPATCH_POLICY_DECISION, table);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	@Transactional(readOnly = true)
	public Set<Long> allowedProviders(long orderId) {
		return cache.get(orderId, this::compute);
	}

	private Set<Long> compute(long orderId) {
		OrderSnapshot order = orders.find(orderId).orElseThrow(() -> new NotFoundException("order", orderId));
		DmnDecisionRuleResult decided = dmn
			.evaluateDecisionTable(this.policy,
					Variables.createVariables()
						.putValue(Vars.BRAND_CODE, brands.find(order.brandId()).map(b -> b.code()).orElse(""))
						.putValue(Vars.REGION_CODE, order.regionCode())
						.putValue(Vars.SERVICE_TYPE, order.serviceType().name())
						.putValue(Vars.MEMBER_TIER, order.memberTier().name()))
			.getSingleResult();
		if (decided == null) {
			return Set.of();
		}
		Map<String, Object> entries = decided.getEntryMap();
		List<String> channels = Arrays.asList(String.valueOf(entries.get("channelOrder")).split(","));
		double minRating = ((Number) entries.get("minProviderRating")).doubleValue();
		return Set.copyOf(new LinkedHashSet<>(candidates.forOrder(order, channels, minRating, null, null)));
	}

	@EventListener
	void on(NetworkEvents.InstallerChanged changed) {
		cache.evictAll();
	}

	@EventListener
	void on(NetworkEvents.ProviderChanged changed) {
		cache.evictAll();
	}

}
