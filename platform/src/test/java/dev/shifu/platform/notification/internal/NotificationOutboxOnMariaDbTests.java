package dev.shifu.platform.notification.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import dev.shifu.platform.ShifuApplication;
import dev.shifu.platform.notification.Notifications;
import dev.shifu.platform.notification.Notifications.Template;
import dev.shifu.platform.support.PlatformIntegrationTest;
import dev.shifu.platform.support.UsesMariaDb;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two nodes on one MariaDB database send each queued message once: this test's app and a second app on the same
 * database (STACK pitfall 34: its settings go in as arguments) run their senders at the same moment, several threads
 * each, beside both nodes' scheduled senders. The claim is the database's, not a lock in one JVM.
 */
@UsesMariaDb
class NotificationOutboxOnMariaDbTests extends PlatformIntegrationTest {

	private static ConfigurableApplicationContext nodeB;

	@Autowired
	private ApplicationContext context;

	@Autowired
	private Notifications notifications;

	@Autowired
	private NotificationSender sender;

	@Autowired
	private NotificationRepository repository;

	@BeforeEach
	void startSecondNode() {
		if (nodeB != null) {
			return;
		}
		org.springframework.core.env.Environment env = context.getEnvironment();
		List<String> args = new ArrayList<>(List.of("--server.port=0"));
		for (String key : List.of("spring.datasource.url", "spring.datasource.username", "spring.datasource.password",
				"spring.datasource.driver-class-name")) {
			args.add("--" + key + "=" + env.getProperty(key, ""));
		}
		nodeB = new SpringApplicationBuilder(ShifuApplication.class).profiles("test").run(args.toArray(String[]::new));
	}

	@AfterAll
	static void stopSecondNode() {
		if (nodeB != null) {
			nodeB.close();
			nodeB = null;
		}
	}

	@Test
	void sendersOnTwoNodesRacingOverOneOutboxSendEachMessageExactlyOnce() throws Exception {
		long order = asBrand(newBrand()).post("/api/v1/orders", Map.of("externalOrderId", unique("TWO-NODES"),
				"consumer", Map.of("name", "李娜", "phone", "13812345678", "address", "杭州市西湖区文三路 90 号",
						"regionCode", "330106", "location", Map.of("lat", 30.27, "lng", 120.12)),
				"items", List.of(Map.of("sku", "D", "name", "Door", "category", "DOOR", "quantity", 1)),
				"serviceType", "INSTALLATION", "goods", Map.of("status", "ARRIVED"))).json().get("id").asLong();
		for (int i = 0; i < 40; i++) {
			notifications.send(order, "+8613900001" + String.format("%03d", i), Template.SERVICE_COMPLETED,
					Map.of("order", "N-" + i));
		}
		NotificationSender senderB = nodeB.getBean(NotificationSender.class);

		ExecutorService pool = Executors.newFixedThreadPool(4);
		try {
			CountDownLatch start = new CountDownLatch(1);
			List<Future<Integer>> runs = new ArrayList<>();
			for (NotificationSender node : List.of(sender, senderB, sender, senderB)) {
				runs.add(pool.submit((Callable<Integer>) () -> {
					start.await();
					return node.sendPending();
				}));
			}
			start.countDown();
			for (Future<Integer> run : runs) {
				run.get();
			}
		}
		finally {
			pool.shutdown();
		}
		// Whatever one pass left (a claim held by the other node's scheduled sender) goes out on the next.
		for (int i = 0; i < 10 && repository.findByOrderIdOrderById(order).stream()
			.anyMatch(n -> n.getTemplate() == Template.SERVICE_COMPLETED && n.getStatus() != Notification.Status.SENT); i++) {
			senderB.sendPending();
			sender.sendPending();
		}

		List<Notification> sent = repository.findByOrderIdOrderById(order)
			.stream()
			.filter(n -> n.getTemplate() == Template.SERVICE_COMPLETED)
			.toList();
		assertThat(sent).hasSize(40).allMatch(n -> n.getStatus() == Notification.Status.SENT)
			.as("each sent exactly once by one of the two nodes")
			.allMatch(n -> n.getAttempts() == 1);
	}

}
