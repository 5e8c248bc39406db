package dev.shifu.platform.workflow.internal;

import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import dev.shifu.platform.catalog.Regions;
import dev.shifu.platform.identity.BrandDirectory;
import dev.shifu.platform.order.GoodsStatus;
import dev.shifu.platform.order.OrderLifecycle;
import dev.shifu.platform.order.OrderStatus;
import dev.shifu.platform.order.OrderEvents.GoodsStatusChanged;
import dev.shifu.platform.order.OrderEvents.OrderAccepted;
import dev.shifu.platform.workflow.OrderProcess;
import dev.shifu.platform.workflow.ProcessVariables;
import dev.shifu.workflows.ServiceOrderProcess;
import dev.shifu.workflows.ServiceOrderProcess.Vars;

/**
 * Order events reach the process through Spring Modulith's event publication registry: an accepted order gets its
 * process even if a start fails or the app stops between the commit and the start, because incomplete publications
 * are resubmitted while the app runs and on restart. Redelivery is safe: the {@code order_process} key lets only one
 * start per order commit.
 */
@Component
class ProcessStarter {

	private static final Logger log = LoggerFactory.getLogger(ProcessStarter.class);


	private final RuntimeService runtime;

	private final HistoryService history;

	private final BrandDirectory brands;

	private final OrderProcess process;

	private final OrderLifecycle orders;

	private final ProcessClaims claims;

	private final Regions regions;

	ProcessStarter(RuntimeService runtime, HistoryService history, BrandDirectory brands, OrderProcess process,
			OrderLifecycle orders, ProcessClaims claims, Regions regions) {
		this.regions = regions;
		this.runtime = runtime;
		this.history = history;
		this.brands = brands;
		this.process = process;
		this.orders = orders;
		this.claims = claims;
	}

	@ApplicationModuleListener
	void on(OrderAccepted order) {
		String key = String.valueOf(order.orderId());
		// Cheap check for a republished event; the claim below is what holds under concurrent delivery.
		if (history.createHistoricProcessInstanceQuery()
			.processDefinitionKey(ServiceOrderProcess.PROCESS_ID)
			.processInstanceBusinessKey(key)
			.count() > 0) {
			return;
		}
		if (orders.find(order.orderId()).map(o -> o.status() == OrderStatus.CANCELLED).orElse(true)) {
			return;
		}
		if (!claims.claimStart(order.orderId())) {
			log.debug("Order {} already has its process, or was cancelled before one started", key);
			return;
		}
		Map<String, Object> variables = new HashMap<>();
		variables.put(Vars.ORDER_ID, key);
		variables.put(Vars.BRAND_ID, String.valueOf(order.brandId()));
		variables.put(Vars.BRAND_CODE, brands.find(order.brandId()).map(b -> b.code()).orElse(""));
		variables.put(Vars.REGION_CODE, order.regionCode());
		// The order's calendar for its whole process: the booked day, the installation-day and other date timers.
		java.time.ZoneId zone = regions.zoneOf(order.regionCode());
		variables.put(Vars.ZONE, zone.getId());
		variables.put(Vars.SERVICE_TYPE, order.serviceType().name());
		variables.put(Vars.MEMBER_TIER, order.memberTier().name());
		variables.put(Vars.GOODS_STATUS, order.goodsStatus().name());
		variables.put(Vars.NEEDS_GOODS, order.serviceType().needsGoods());
		if (order.promisedBy() != null) {
			variables.put(Vars.PROMISED_BY, ProcessVariables.startOf(order.promisedBy(), zone));
		}
		runtime.startProcessInstanceByKey(ServiceOrderProcess.PROCESS_ID, key, variables);
		log.debug("Started the service-order process for order {}", key);
	}

	@ApplicationModuleListener
	void on(GoodsStatusChanged goods) {
		if (goods.goodsStatus() == GoodsStatus.ARRIVED) {
			process.goodsArrived(goods.orderId());
		}
	}

}
