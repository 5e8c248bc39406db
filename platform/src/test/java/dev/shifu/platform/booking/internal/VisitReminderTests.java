package dev.shifu.platform.booking.internal;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import dev.shifu.platform.identity.Role;
import dev.shifu.platform.order.OrderLifecycle;
import dev.shifu.platform.support.Api;
import dev.shifu.platform.support.PlatformIntegrationTest;
import dev.shifu.platform.support.ProcessDriver;

import static org.assertj.core.api.Assertions.assertThat;

/** The day before the visit the consumer gets one reminder, from the reminder hour of their region, however often the job runs. */
class VisitReminderTests extends PlatformIntegrationTest {

	private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

	@Autowired
	private ConsumerMessages messages;

	@Autowired
	private OrderLifecycle orders;

	@Autowired
	private RuntimeService runtime;

	@Autowired
	private ManagementService management;

	@Autowired
	private HistoryService history;

	@Autowired
	private TaskService tasks;

	@Test
	void oneReminderTheDayBeforeFromTheReminderHour() {
		long order = asBrand(newBrand()).post("/api/v1/orders", Map.of("externalOrderId", unique("REMIND"),
				"consumer", Map.of("name", "李娜", "phone", "13812345678", "address", "杭州市西湖区文三路 90 号",
						"regionCode", "330106", "location", Map.of("lat", 30.27, "lng", 120.12)),
				"items", List.of(Map.of("sku", "D", "name", "Door", "category", "DOOR", "quantity", 1)),
				"serviceType", "INSTALLATION", "goods", Map.of("status", "ARRIVED"))).json().get("id").asLong();
		ProcessDriver driver = new ProcessDriver(runtime, management, history, tasks);
		driver.drainUntil(order, () -> orders.find(order).orElseThrow().status().name().equals("AWAITING_BOOKING"), "awaiting booking");
		LocalDate visit = LocalDate.now(SHANGHAI).plusDays(2);
		Api staff = asNewUser(Role.DISPATCHER, null);
		// The reminder needs a booked day, not a window: a dispatcher books it with the consumer on the phone.
		assertThat(staff.post("/api/v1/bookings/" + order, Map.of("date", visit.toString())).status()).isEqualTo(200);
		driver.drain(order);

		messages.remindVisitsTomorrow(visit.minusDays(1).atTime(9, 0).atZone(SHANGHAI).toInstant());
		assertThat(templates(staff, order)).as("not before the reminder hour").doesNotContain("VISIT_REMINDER");
		messages.remindVisitsTomorrow(visit.minusDays(2).atTime(11, 0).atZone(SHANGHAI).toInstant());
		assertThat(templates(staff, order)).as("not two days before").doesNotContain("VISIT_REMINDER");

		messages.remindVisitsTomorrow(visit.minusDays(1).atTime(11, 0).atZone(SHANGHAI).toInstant());
		messages.remindVisitsTomorrow(visit.minusDays(1).atTime(12, 0).atZone(SHANGHAI).toInstant());

		assertThat(templates(staff, order).stream().filter("VISIT_REMINDER"::equals)).as("once, on SMS").hasSize(1);
	}

	private static List<String> templates(Api staff, long order) {
		List<String> sms = new java.util.ArrayList<>();
		staff.get("/api/v1/notifications?orderId=" + order).json().forEach(n -> {
			if (n.get("channel").asText().equals("SMS")) {
				sms.add(n.get("template").asText());
			}
		});
		return sms;
	}

}
