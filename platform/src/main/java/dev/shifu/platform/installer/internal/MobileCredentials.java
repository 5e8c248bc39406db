package dev.shifu.platform.installer.internal;

import java.nio.charset.StandardCharsets;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.http.ResponseEntity;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;

import dev.shifu.platform.identity.Actor;
import dev.shifu.platform.identity.CurrentActor;
import dev.shifu.platform.identity.Role;
import dev.shifu.platform.installer.MobileSignIns;
import dev.shifu.platform.network.InstallerView;
import dev.shifu.platform.network.NetworkDirectory;
import dev.shifu.platform.shared.InvalidFieldException;
import dev.shifu.platform.shared.NotFoundException;

/**
 * A provider admin (or a platform admin) gives an installer a mobile sign-in: the installer's own phone and a
 * password (or none: one-time codes only). {@code providerAdmin} lets the installer answer the provider's offers.
 */
@RestController
class MobileCredentials implements MobileSignIns {

	/** BCrypt reads at most 72 bytes of a password (and refuses more), so that is the limit, in UTF-8 bytes. */
	static final int MAX_PASSWORD_BYTES = 72;

	record MobileLogin(@Size(min = 8, max = MAX_PASSWORD_BYTES) String password, @NotNull Boolean providerAdmin) {
	}

	record MobileLoginView(long installerId, String phone, boolean password, boolean providerAdmin) {
	}

	private final InstallerCredentialRepository credentials;

	private final NetworkDirectory network;

	private final PasswordEncoder passwords;

	MobileCredentials(InstallerCredentialRepository credentials, NetworkDirectory network, PasswordEncoder passwords) {
		this.credentials = credentials;
		this.network = network;
		this.passwords = passwords;
	}

	@PutMapping("/api/v1/providers/{providerId}/installers/{installerId}/mobile-login")
	@Operation(summary = "Give an installer a mobile-app sign-in (phone + password, or codes only without password)")
	@Transactional
	public ResponseEntity<MobileLoginView> set(@PathVariable long providerId, @PathVariable long installerId,
			@Valid @RequestBody MobileLogin request) {
		Actor actor = CurrentActor.get();
		if (!actor.has(Role.ADMIN) && (actor.providerId() == null || actor.providerId() != providerId)) {
			throw new NotFoundException("installer", installerId);
		}
		InstallerView installer = network.installer(installerId)
			.filter(i -> i.providerId() == providerId)
			.orElseThrow(() -> new NotFoundException("installer", installerId));
		if (request.password() != null
				&& request.password().getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
			throw new InvalidFieldException("password", "must be at most " + MAX_PASSWORD_BYTES + " bytes in UTF-8");
		}
		InstallerCredential credential = store(installer, request.password(), request.providerAdmin());
		return ResponseEntity.ok(new MobileLoginView(installerId, credential.getPhone(),
				credential.getPasswordHash() != null, credential.isProviderAdmin()));
	}

	@Override
	@Transactional
	public void give(long installerId, String password, boolean providerAdmin) {
		store(network.installer(installerId).orElseThrow(() -> new NotFoundException("installer", installerId)), password,
				providerAdmin);
	}

	private InstallerCredential store(InstallerView installer, String password, boolean providerAdmin) {
		String hash = password == null ? null : passwords.encode(password);
		return credentials.findById(installer.id())
			.map(c -> {
				c.update(installer.phone(), hash, providerAdmin);
				return c;
			})
			.orElseGet(() -> credentials.save(new InstallerCredential(installer.id(), installer.phone(), hash, providerAdmin)));
	}

}
