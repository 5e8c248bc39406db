package dev.shifu.platform.network.internal;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import dev.shifu.platform.identity.CurrentActor;
import dev.shifu.platform.network.InstallerRequest;
import dev.shifu.platform.network.InstallerView;
import dev.shifu.platform.network.PartnerStatus;
import dev.shifu.platform.network.ProviderRequest;
import dev.shifu.platform.network.ProviderView;
import dev.shifu.platform.shared.ImportReport;

@RestController
@RequestMapping("/api/v1/providers")
@Tag(name = "Network", description = "Service providers and their installers")
class NetworkController {

	private final NetworkService network;

	private final InstallerImport installerImport;

	NetworkController(NetworkService network, InstallerImport installerImport) {
		this.network = network;
		this.installerImport = installerImport;
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Create a provider (platform admin)")
	ProviderView create(@Valid @RequestBody ProviderRequest request) {
		return network.createProvider(CurrentActor.get(), request);
	}

	@GetMapping
	@Operation(summary = "Providers: all for platform staff, its own for a provider admin")
	List<ProviderView> list() {
		return network.listProviders(CurrentActor.get());
	}

	@GetMapping("/{providerId}")
	ProviderView get(@PathVariable long providerId) {
		return network.getProvider(CurrentActor.get(), providerId);
	}

	@PutMapping("/{providerId}")
	@Operation(summary = "Replace a provider's name, coverage and capacity (platform admin)")
	ProviderView update(@PathVariable long providerId, @Valid @RequestBody ProviderRequest request) {
		return network.updateProvider(CurrentActor.get(), providerId, request);
	}

	@PostMapping("/{providerId}/suspend")
	@Operation(summary = "Suspend a provider: it gets no new offers (platform admin)")
	ProviderView suspend(@PathVariable long providerId) {
		return network.setProviderStatus(CurrentActor.get(), providerId, PartnerStatus.SUSPENDED);
	}

	@PostMapping("/{providerId}/activate")
	ProviderView activate(@PathVariable long providerId) {
		return network.setProviderStatus(CurrentActor.get(), providerId, PartnerStatus.ACTIVE);
	}

	@PostMapping("/{providerId}/installers")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Add an installer (platform admin, or the provider's own admin)")
	InstallerView createInstaller(@PathVariable long providerId, @Valid @RequestBody InstallerRequest request) {
		return network.createInstaller(CurrentActor.get(), providerId, request);
	}

	@GetMapping("/{providerId}/installers")
	List<InstallerView> installers(@PathVariable long providerId) {
		return network.listInstallers(CurrentActor.get(), providerId);
	}

	@GetMapping("/{providerId}/installers/{installerId}")
	InstallerView installer(@PathVariable long providerId, @PathVariable long installerId) {
		return network.getInstaller(CurrentActor.get(), providerId, installerId);
	}

	@PutMapping("/{providerId}/installers/{installerId}")
	InstallerView updateInstaller(@PathVariable long providerId, @PathVariable long installerId,
			@Valid @RequestBody InstallerRequest request) {
		return network.updateInstaller(CurrentActor.get(), providerId, installerId, request);
	}

	@PostMapping("/{providerId}/installers/{installerId}/suspend")
	InstallerView suspendInstaller(@PathVariable long providerId, @PathVariable long installerId) {
		return network.setInstallerStatus(CurrentActor.get(), providerId, installerId, PartnerStatus.SUSPENDED);
	}

	@PostMapping("/{providerId}/installers/{installerId}/activate")
	InstallerView activateInstaller(@PathVariable long providerId, @PathVariable long installerId) {
		return network.setInstallerStatus(CurrentActor.get(), providerId, installerId, PartnerStatus.ACTIVE);
	}

	@PostMapping(path = "/{providerId}/installers:import", consumes = "text/csv")
	@Operation(summary = "Import installers from CSV; reports counts and each rejected row with its reasons")
	ImportReport importInstallers(@PathVariable long providerId, @RequestBody String csv) {
		return installerImport.run(CurrentActor.get(), providerId, csv);
	}

}
