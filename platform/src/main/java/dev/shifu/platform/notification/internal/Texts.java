package dev.shifu.platform.notification.internal;

import java.util.Map;

import dev.shifu.platform.notification.Notifications.Template;

/** What consumers and providers read, in zh-CN and en. Parameters are {name} placeholders. */
final class Texts {

	record Text(String zh, String en) {
	}

	private static final Map<Template, Text> TEXTS = Map.of(
			Template.BOOKING_LINK, new Text("【师傅】您的{service}服务（订单 {order}）可以预约上门时间了：{link}",
					"[Shifu] Your {service} (order {order}) is ready to book. Choose a time: {link}"),
			Template.BOOKING_REMINDER, new Text("【师傅】提醒：您的订单 {order} 还未预约上门时间，请点击预约：{link}",
					"[Shifu] Reminder: order {order} has no appointment yet. Book here: {link}"),
			Template.RATING_REQUEST, new Text("【师傅】服务已完成，请为本次服务评价（订单 {order}）：{link}",
					"[Shifu] Your service is done. Please rate it (order {order}): {link}"),
			Template.ORDER_CANCELLED, new Text("【师傅】订单 {order} 已取消。原因：{reason}",
					"[Shifu] Order {order} was cancelled. Reason: {reason}"),
			Template.OFFER_RECEIVED, new Text("【师傅】新派单：订单 {order}（{region}），请在 {expires} 前接单或拒单。",
					"[Shifu] New job offer: order {order} ({region}). Accept or decline before {expires}."));

	private Texts() {
	}

	static Text render(Template template, Map<String, String> parameters) {
		Text text = TEXTS.get(template);
		String zh = text.zh();
		String en = text.en();
		for (var p : parameters.entrySet()) {
			String value = p.getValue() == null ? "" : p.getValue();
			zh = zh.replace("{" + p.getKey() + "}", value);
			en = en.replace("{" + p.getKey() + "}", value);
		}
		return new Text(zh, en);
	}

}
