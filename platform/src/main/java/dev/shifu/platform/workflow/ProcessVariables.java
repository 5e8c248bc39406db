package dev.shifu.platform.workflow;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.function.Function;

import org.camunda.bpm.engine.delegate.DelegateExecution;

import dev.shifu.platform.catalog.Regions;
import dev.shifu.workflows.ServiceOrderProcess.Vars;

/** Reads the process variables every context's delegates share, the same way everywhere. */
public final class ProcessVariables {

	private ProcessVariables() {
	}

	public static long orderId(DelegateExecution execution) {
		return Long.parseLong(String.valueOf(execution.getVariable(Vars.ORDER_ID)));
	}

	public static String text(DelegateExecution execution, String name) {
		Object value = execution.getVariable(name);
		return value == null ? null : String.valueOf(value);
	}

	public static Long number(DelegateExecution execution, String name) {
		String value = text(execution, name);
		return value == null || value.isBlank() ? null : Long.valueOf(value);
	}

	/** A date variable (the start of that day) as the calendar day of the order's zone. */
	public static LocalDate date(DelegateExecution execution, String name, Regions regions) {
		return day(execution.getVariable(name), zone(execution::getVariable, regions));
	}

	/**
	 * The one answer to "the zone of this order" inside its process: the region's zone the process was started with
	 * ({@code zone}, which the model's date timers read too), else (a process started before it carried one) its
	 * region's zone from the catalog.
	 * @param variable reads one variable of the order's process
	 */
	public static ZoneId zone(Function<String, Object> variable, Regions regions) {
		Object zone = variable.apply(Vars.ZONE);
		if (zone != null && !String.valueOf(zone).isBlank()) {
			return ZoneId.of(String.valueOf(zone));
		}
		Object region = variable.apply(Vars.REGION_CODE);
		return region == null ? regions.defaultZone() : regions.zoneOf(String.valueOf(region));
	}

	/** A day as the process stores it: the instant its first moment starts in the order's zone. */
	public static Date startOf(LocalDate day, ZoneId zone) {
		return Date.from(day.atStartOfDay(zone).toInstant());
	}

	/** A stored day back as the calendar day of the order's zone; null for anything else. */
	public static LocalDate day(Object value, ZoneId zone) {
		return value instanceof Date date ? date.toInstant().atZone(zone).toLocalDate() : null;
	}

	public static String input(DelegateExecution execution, String name) {
		Object value = execution.getVariableLocal(name);
		if (value == null) {
			throw new IllegalStateException("The model passes no input '" + name + "' to " + execution.getCurrentActivityId());
		}
		return String.valueOf(value);
	}

}
