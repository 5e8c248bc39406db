package dev.shifu.platform.task.internal;

import java.util.HashMap;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import dev.shifu.workflows.AddressResolution;
import dev.shifu.workflows.ReturnVisitOutcome;
import dev.shifu.workflows.ServiceOrderProcess.Vars;

/**
 * The outcome of a staff task, one body per task type ({@code type} names it and must match the task). Each maps
 * to the process variables the model reads; the engine checks them again (see {@link TaskOutcomeValidation}).
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({ @JsonSubTypes.Type(value = TaskCompletion.PhoneConsumer.class, name = "PHONE_CONSUMER"),
		@JsonSubTypes.Type(value = TaskCompletion.ManualAssignment.class, name = "MANUAL_ASSIGNMENT"),
		@JsonSubTypes.Type(value = TaskCompletion.AddressResolved.class, name = "ADDRESS_RESOLUTION"),
		@JsonSubTypes.Type(value = TaskCompletion.ReturnVisit.class, name = "RETURN_VISIT") })
sealed interface TaskCompletion {

	StaffTaskType type();

	Map<String, Object> variables();

	/** The API field that carries a process variable, to name it in errors. */
	String field(String variable);

	record PhoneConsumer(@NotNull Boolean consumerReached, @Size(max = 2000) String note) implements TaskCompletion {

		@Override
		public StaffTaskType type() {
			return StaffTaskType.PHONE_CONSUMER;
		}

		@Override
		public Map<String, Object> variables() {
			return Map.of(Vars.CONSUMER_REACHED, consumerReached, Vars.CONTACT_NOTE, note == null ? "" : note);
		}

		@Override
		public String field(String variable) {
			return Vars.CONSUMER_REACHED.equals(variable) ? "consumerReached" : "note";
		}

	}

	record ManualAssignment(@NotNull @Positive Long providerId) implements TaskCompletion {

		@Override
		public StaffTaskType type() {
			return StaffTaskType.MANUAL_ASSIGNMENT;
		}

		@Override
		public Map<String, Object> variables() {
			// The model keeps provider ids as strings (assignedProviderId = offeredProviderId).
			return Map.of(Vars.ASSIGNED_PROVIDER_ID, String.valueOf(providerId));
		}

		@Override
		public String field(String variable) {
			return "providerId";
		}

	}

	record AddressResolved(@NotNull AddressResolution resolution, @Size(max = 2000) String note) implements TaskCompletion {

		@Override
		public StaffTaskType type() {
			return StaffTaskType.ADDRESS_RESOLUTION;
		}

		@Override
		public Map<String, Object> variables() {
			return Map.of(Vars.ADDRESS_RESOLUTION, resolution.name(), Vars.ADDRESS_NOTE, note == null ? "" : note);
		}

		@Override
		public String field(String variable) {
			return Vars.ADDRESS_RESOLUTION.equals(variable) ? "resolution" : "note";
		}

	}

	record ReturnVisit(@NotNull ReturnVisitOutcome outcome, @Size(max = 2000) String note) implements TaskCompletion {

		@Override
		public StaffTaskType type() {
			return StaffTaskType.RETURN_VISIT;
		}

		@Override
		public Map<String, Object> variables() {
			Map<String, Object> variables = new HashMap<>();
			variables.put(Vars.RETURN_VISIT_OUTCOME, outcome.name());
			variables.put(Vars.RETURN_VISIT_NOTE, note == null ? "" : note);
			return variables;
		}

		@Override
		public String field(String variable) {
			return Vars.RETURN_VISIT_OUTCOME.equals(variable) ? "outcome" : "note";
		}

	}

}
