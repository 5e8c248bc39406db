package dev.shifu.platform.order;

/**
 * The one id an order's visit has in the schedule, the process and the API: {@code "O" + orderId}. One order has at
 * most one open visit at a time (a revisit or rework follows the visit before it), so the order id is enough.
 */
public record JobId(long orderId) {

	private static final String PREFIX = "O";

	public static JobId of(long orderId) {
		return new JobId(orderId);
	}

	/** @throws IllegalArgumentException when the text is not a job id */
	public static JobId parse(String text) {
		if (text == null || !text.startsWith(PREFIX)) {
			throw new IllegalArgumentException("not a job id: " + text);
		}
		try {
			return new JobId(Long.parseLong(text.substring(PREFIX.length())));
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException("not a job id: " + text, ex);
		}
	}

	public static boolean isValid(String text) {
		return text != null && text.matches(PREFIX + "\\d{1,18}");
	}

	public String value() {
		return PREFIX + orderId;
	}

	@Override
	public String toString() {
		return value();
	}

}
