package dev.shifu.platform.task.internal;

import java.util.Optional;
import java.util.function.Function;

import org.springframework.stereotype.Component;

import dev.shifu.platform.network.NetworkDirectory;
import dev.shifu.platform.network.PartnerStatus;
import dev.shifu.platform.shared.FieldError;
import dev.shifu.workflows.ServiceOrderProcess.Elements;
import dev.shifu.workflows.ServiceOrderProcess.Vars;

/**
 * The provider a dispatcher assigns by hand must exist and be active; a free-text id used to become an incident.
 */
@Component
class ManualAssignmentCheck implements OutcomeCheck {

	private final NetworkDirectory network;

	ManualAssignmentCheck(NetworkDirectory network) {
		this.network = network;
	}

	@Override
	public String taskKey() {
		return Elements.ASSIGN_MANUALLY_TASK;
	}

	@Override
	public Optional<FieldError> check(Function<String, Object> variables) {
		Object value = variables.apply(Vars.ASSIGNED_PROVIDER_ID);
		if (value == null || value.toString().isBlank()) {
			return Optional.empty(); // the form's "required" answers this
		}
		long providerId;
		try {
			providerId = Long.parseLong(value.toString().trim());
		}
		catch (NumberFormatException ex) {
			return Optional.of(new FieldError(Vars.ASSIGNED_PROVIDER_ID, "must be a provider id"));
		}
		// LEAD: replace with the dispatch context's ManualAssignment published interface (region, brand, skills,
		// capacity, and the eligible-provider list) once the paths helper's branch is merged.
		var provider = network.provider(providerId);
		if (provider.isEmpty()) {
			return Optional.of(new FieldError(Vars.ASSIGNED_PROVIDER_ID, "no provider " + providerId));
		}
		if (provider.get().status() != PartnerStatus.ACTIVE) {
			return Optional.of(new FieldError(Vars.ASSIGNED_PROVIDER_ID,
					"provider " + providerId + " is " + provider.get().status()));
		}
		return Optional.empty();
	}

}
