package dev.shifu.platform.order;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Order bodies as a brand would send them, as plain maps so a test can break any field. */
final class OrderJson {

	/** Today in Shanghai, read at each call (a suite may cross midnight). */
	static LocalDate today() {
		return LocalDate.now(ZoneId.of("Asia/Shanghai"));
	}

	private OrderJson() {
	}

	static Map<String, Object> wardrobe(String externalOrderId) {
		return wardrobe(externalOrderId, "330106");
	}

	static Map<String, Object> wardrobe(String externalOrderId, String region) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("externalOrderId", externalOrderId);
		body.put("consumer", new LinkedHashMap<>(Map.of("name", "李娜", "phone", "138 1234 5678", "address",
				"浙江省杭州市西湖区文三路 90 号 3 幢 501", "regionCode", region, "location",
				new LinkedHashMap<>(Map.of("lat", 30.2765, "lng", 120.1229)))));
		List<Object> items = new ArrayList<>();
		items.add(new LinkedHashMap<>(Map.of("sku", "WD-2400-OAK", "name", "Oak wardrobe", "category", "WARDROBE",
				"quantity", 1, "serialNumberRequired", true)));
		body.put("items", items);
		body.put("serviceType", "DELIVERY_AND_INSTALLATION");
		body.put("memberTier", "GOLD");
		body.put("goods", new LinkedHashMap<>(Map.of("status", "SHIPPED", "expectedArrival", today().plusDays(2).toString())));
		body.put("promisedBy", today().plusDays(7).toString());
		return body;
	}

	@SuppressWarnings("unchecked")
	static Map<String, Object> consumer(Map<String, Object> body) {
		return (Map<String, Object>) body.get("consumer");
	}

}
