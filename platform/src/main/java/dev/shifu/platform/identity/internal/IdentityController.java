package dev.shifu.platform.identity.internal;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import dev.shifu.platform.identity.Actor;
import dev.shifu.platform.identity.BrandAccounts.IssuedBrand;
import dev.shifu.platform.identity.CurrentActor;
import dev.shifu.platform.identity.Role;

@RestController
@Tag(name = "Identity", description = "Brands, their API keys, and platform users")
class IdentityController {

	private final AccountService identity;

	private final dev.shifu.platform.identity.StaffRegions staffRegions;

	IdentityController(AccountService identity, dev.shifu.platform.identity.StaffRegions staffRegions) {
		this.identity = identity;
		this.staffRegions = staffRegions;
	}

	record CreateBrand(@NotBlank @Pattern(regexp = "[a-z0-9-]{2,40}", message = "must be 2-40 of a-z, 0-9 and -") String code,
			@NotBlank @Size(max = 200) String name) {
	}

	record BrandView(long id, String code, String name, Instant createdAt) {
	}

	record KeyView(String keyId, Instant createdAt, Instant revokedAt) {
	}

	record NewKey(String apiKey) {
	}

	record CreateUser(@NotBlank @Pattern(regexp = "[A-Za-z0-9._-]{3,80}", message = "must be 3-80 of letters, digits, . _ -") String username,
			@NotBlank @Size(min = 10, max = 200, message = "must be 10 to 200 characters") String password,
			@Size(max = 200) String displayName, @NotEmpty Set<Role> roles, Long providerId) {
	}

	record UserCreated(long id, String username) {
	}

	@PostMapping("/api/v1/brands")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Create a brand (platform admin); the response holds its first API key, shown once")
	IssuedBrand createBrand(@Valid @RequestBody CreateBrand request) {
		return identity.createBrand(request.code(), request.name());
	}

	@GetMapping("/api/v1/brands")
	@Operation(summary = "List brands (platform admin)")
	List<BrandView> brands() {
		return identity.allBrands().stream().map(b -> new BrandView(b.getId(), b.getCode(), b.getName(), b.getCreatedAt())).toList();
	}

	@PostMapping("/api/v1/brands/{brandId}/api-keys")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Issue an extra API key for a brand (platform admin)")
	NewKey issueForBrand(@PathVariable long brandId) {
		return new NewKey(identity.issueKey(brandId));
	}

	@GetMapping("/api/v1/brand/api-keys")
	@Operation(summary = "The calling brand's API keys, without secrets")
	List<KeyView> ownKeys() {
		return identity.keysOf(brandId()).stream().map(k -> new KeyView(k.getKeyId(), k.getCreatedAt(), k.getRevokedAt())).toList();
	}

	@PostMapping("/api/v1/brand/api-keys")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Rotate: issue a new key; the old one keeps working until revoked")
	NewKey rotate() {
		return new NewKey(identity.issueKey(brandId()));
	}

	@DeleteMapping("/api/v1/brand/api-keys/{keyId}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Revoke one of the calling brand's keys (not the last active one)")
	void revoke(@PathVariable String keyId) {
		identity.revokeKey(brandId(), keyId);
	}

	@PostMapping("/api/v1/users")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Create a platform user (admin, dispatcher, customer service, provider admin)")
	UserCreated createUser(@Valid @RequestBody CreateUser request) {
		long id = identity.createUser(request.username(), request.password(), request.displayName(), request.roles(),
				request.providerId(), null);
		return new UserCreated(id, request.username());
	}

	record UserRegions(@jakarta.validation.constraints.NotNull Set<String> regions) {
	}

	@org.springframework.web.bind.annotation.PutMapping("/api/v1/users/{username}/regions")
	@Operation(summary = "The regions (city codes, e.g. 330100) a dispatcher works in; empty: none (regions fail closed)")
	UserRegions assignRegions(@PathVariable String username, @Valid @RequestBody UserRegions request) {
		staffRegions.assign(username, request.regions());
		return new UserRegions(staffRegions.assigned(username));
	}

	@GetMapping("/api/v1/users/{username}/regions")
	@Operation(summary = "The regions a dispatcher works in; empty: none (regions fail closed)")
	UserRegions regions(@PathVariable String username) {
		return new UserRegions(staffRegions.assigned(username));
	}

	private static long brandId() {
		Actor actor = CurrentActor.get();
		return actor.brandId();
	}

}
