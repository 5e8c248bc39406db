package dev.shifu.platform.workflow;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;

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

	/** A date variable (the start of that day) as the calendar day of the order's region. */
	public static LocalDate date(DelegateExecution execution, String name, Regions regions) {
		Object value = execution.getVariable(name);
		ZoneId zone = regions.zoneOf(text(execution, Vars.REGION_CODE));
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
