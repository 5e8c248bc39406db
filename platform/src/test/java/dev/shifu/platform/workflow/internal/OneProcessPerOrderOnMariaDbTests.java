package dev.shifu.platform.workflow.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.util.AopTestUtils;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import dev.shifu.platform.catalog.ServiceType;
import dev.shifu.platform.identity.BrandAccounts.IssuedBrand;
import dev.shifu.platform.order.GoodsStatus;
import dev.shifu.platform.order.MemberTier;
import dev.shifu.platform.order.OrderEvents.OrderAccepted;
import dev.shifu.platform.support.Api;
import dev.shifu.platform.support.PlatformIntegrationTest;
import dev.shifu.platform.support.UsesMariaDb;
import dev.shifu.workflows.ServiceOrderProcess;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The outbox delivers at least once, and a resubmission can overlap a slow first delivery: concurrent deliveries of
 * one accepted order must still start one process. Camunda's business key is not unique; the {@code order_process}
 * key is, on the real database.
 */
@UsesMariaDb
class OneProcessPerOrderOnMariaDbTests extends PlatformIntegrationTest {

	private static final int DELIVERIES = 6;

	@Autowired
	ProcessStarter starter;

	@Autowired
	RuntimeService runtime;

	@Autowired
	HistoryService history;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	PlatformTransactionManager transactions;

	@Test
	void concurrentDeliveriesOfOneAcceptedOrderStartExactlyOneProcess() throws Exception {
		IssuedBrand brand = newBrand();
		String externalId = unique("ONE");
		Api.Reply posted = asBrand(brand).post("/api/v1/orders", Map.of("externalOrderId", externalId,
				"consumer", Map.of("name", "李娜", "phone", "13812345678", "address", "杭州市西湖区文三路 90 号",
						"regionCode", "330106", "location", Map.of("lat", 30.2765, "lng", 120.1229)),
				"items", List.of(Map.of("sku", "DR-800", "name", "Walnut door", "category", "DOOR", "quantity", 1)),
				"serviceType", "INSTALLATION", "memberTier", "GOLD", "goods", Map.of("status", "ARRIVED")));
		assertThat(posted.status()).as(posted.body()).isEqualTo(201);
		long order = posted.json().get("id").asLong();
		String key = String.valueOf(order);

		// Undo the regular start, so the order is as it was between its commit and the first delivery.
		String first = eventually(() -> {
			var pi = runtime.createProcessInstanceQuery().processInstanceBusinessKey(key).singleResult();
			return pi == null ? null : pi.getId();
		});
		runtime.deleteProcessInstance(first, "test: undo the first start", true, true);
		history.deleteHistoricProcessInstance(first);
		jdbc.update("delete from order_process where order_id = ?", order);

		OrderAccepted accepted = new OrderAccepted(order, brand.brandId(), externalId, ServiceType.INSTALLATION,
				MemberTier.GOLD, "330106", GoodsStatus.ARRIVED, null, null);
		ProcessStarter target = AopTestUtils.getUltimateTargetObject(starter);
		TransactionTemplate tx = new TransactionTemplate(transactions);
		tx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		CyclicBarrier together = new CyclicBarrier(DELIVERIES);
		ExecutorService pool = Executors.newFixedThreadPool(DELIVERIES);
		List<Future<?>> deliveries = new ArrayList<>();
		for (int i = 0; i < DELIVERIES; i++) {
			deliveries.add(pool.submit(() -> {
				together.await(10, TimeUnit.SECONDS);
				tx.executeWithoutResult(status -> target.on(accepted));
				return null;
			}));
		}
		for (Future<?> delivery : deliveries) {
			delivery.get(60, TimeUnit.SECONDS); // every delivery completes: the losers see the claim and stand back
		}
		pool.shutdown();

		assertThat(runtime.createProcessInstanceQuery()
			.processDefinitionKey(ServiceOrderProcess.PROCESS_ID)
			.processInstanceBusinessKey(key)
			.count()).isEqualTo(1);
		assertThat(history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(key).count()).isEqualTo(1);
		assertThat(jdbc.queryForObject("select count(*) from order_process where order_id = ? and started", Long.class, order))
			.isEqualTo(1);
	}

	private static <T> T eventually(java.util.function.Supplier<T> probe) {
		for (int i = 0; i < 300; i++) {
			T value = probe.get();
			if (value != null) {
				return value;
			}
			try {
				Thread.sleep(50);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new AssertionError(ex);
			}
		}
		throw new AssertionError("gave up waiting");
	}

}
