package dev.shifu.platform.workflow.internal;

import java.time.ZoneId;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import dev.shifu.platform.identity.BrandDirectory;
import dev.shifu.platform.order.GoodsStatus;
import dev.shifu.platform.order.OrderLifecycle;
import dev.shifu.platform.order.OrderStatus;
import dev.shifu.platform.order.OrderEvents.GoodsStatusChanged;
import dev.shifu.platform.order.OrderEvents.OrderAccepted;
import dev.shifu.platform.order.OrderEvents.OrderCancelled;
import dev.shifu.platform.workflow.OrderProcess;
import dev.shifu.workflows.ServiceOrderProcess;
import dev.shifu.workflows.ServiceOrderProcess.Messages;
import dev.shifu.workflows.ServiceOrderProcess.Vars;

/**
 * Order events reach the process through Spring Modulith's event publication registry: an accepted order gets its
 * process even if the app stops between the commit and the start, because the publication is retried on restart.
 */
@Component
class ProcessStarter {

	private static final Logger log = LoggerFactory.getLogger(ProcessStarter.class);

	private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	private final RuntimeService runtime;

	private final HistoryService history;

	private final BrandDirectory brands;

	private final OrderProcess process;

	private final OrderLifecycle orders;

	ProcessStarter(RuntimeService runtime, HistoryService history, BrandDirectory brands, OrderProcess process,
			OrderLifecycle orders) {
		this.runtime = runtime;
		this.history = history;
		this.brands = brands;
		this.process = process;
		this.orders = orders;
	}

	@ApplicationModuleListener
	void on(OrderAccepted order) {
		String key = String.valueOf(order.orderId());
		// Idempotent: a republished event must not start a second process for the same order.
		if (history.createHistoricProcessInstanceQuery()
			.processDefinitionKey(ServiceOrderProcess.PROCESS_ID)
			.processInstanceBusinessKey(key)
			.count() > 0) {
			return;
		}
		if (orders.find(order.orderId()).map(o -> o.status() == OrderStatus.CANCELLED).orElse(true)) {
			return;
		}
		Map<String, Object> variables = new HashMap<>();
		variables.put(Vars.ORDER_ID, key);
		variables.put(Vars.BRAND_ID, String.valueOf(order.brandId()));
		variables.put(Vars.BRAND_CODE, brands.find(order.brandId()).map(b -> b.code()).orElse(""));
		variables.put(Vars.REGION_CODE, order.regionCode());
		variables.put(Vars.SERVICE_TYPE, order.serviceType().name());
		variables.put(Vars.MEMBER_TIER, order.memberTier().name());
		variables.put(Vars.GOODS_STATUS, order.goodsStatus().name());
		variables.put(Vars.NEEDS_GOODS, order.serviceType().needsGoods());
		if (order.promisedBy() != null) {
			variables.put(Vars.PROMISED_BY, Date.from(order.promisedBy().atStartOfDay(ZONE).toInstant()));
		}
		runtime.startProcessInstanceByKey(ServiceOrderProcess.PROCESS_ID, key, variables);
		log.debug("Started the service-order process for order {}", key);
	}

	@ApplicationModuleListener
	void on(OrderCancelled cancelled) {
		boolean taken = process.correlateIfWaiting(cancelled.orderId(), Messages.ORDER_CANCELLED,
				Map.of(Vars.CANCELLED_BY, cancelled.cancelledBy().startsWith("consumer") ? "CONSUMER" : "BRAND",
						Vars.CANCEL_REASON, cancelled.reason()));
		if (!taken) {
			log.info("Order {} was cancelled before its process listened for cancellation", cancelled.orderId());
		}
	}

	@ApplicationModuleListener
	void on(GoodsStatusChanged goods) {
		if (goods.goodsStatus() == GoodsStatus.ARRIVED) {
			process.correlateIfWaiting(goods.orderId(), Messages.GOODS_ARRIVED, Map.of());
		}
	}

}
