package dev.shifu.platform.identity;

import java.util.Optional;

import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** The caller of the current request. */
public final class CurrentActor {

	private CurrentActor() {
	}

	public static Actor get() {
		return find().orElseThrow(() -> new AuthenticationCredentialsNotFoundException("not authenticated"));
	}

	public static Optional<Actor> find() {
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		if (auth == null) {
			return Optional.empty();
		}
		if (auth.getPrincipal() instanceof Actor actor) {
			return Optional.of(actor);
		}
		if (auth.getPrincipal() instanceof ActorHolder holder) {
			return Optional.of(holder.actor());
		}
		return Optional.empty();
	}

	/**
	 * The id (the public part) of the API key the current request authenticated with; empty for users and installers.
	 * Per-key quotas are counted on it.
	 */
	public static Optional<String> apiKeyId() {
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		return auth != null && auth.getDetails() instanceof ApiKeyUsed used ? Optional.of(used.keyId()) : Optional.empty();
	}

	/** The authentication's details when a brand called with {@code X-Api-Key}. */
	public record ApiKeyUsed(String keyId) {
	}

	/** Implemented by principals that carry an actor (signed-in users). */
	public interface ActorHolder {

		Actor actor();

	}

}
