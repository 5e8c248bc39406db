package dev.shifu.platform.installer.internal;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import dev.shifu.mobile.server.model.RouteJobDto;

/**
 * {@code GET /mobile/v1/jobs/{jobId}} (the contract's getJob): one of the installer's own jobs, as the route shows
 * it; any other job id is not found. Written by hand until the job writes implement the generated {@code JobsApi},
 * which then takes this method over (delegating to {@link InstallerRoutesView#job}).
 */
@RestController
class MobileJobReads {

	private final InstallerRoutesView routes;

	private final MobileMapper mapper;

	MobileJobReads(InstallerRoutesView routes, MobileMapper mapper) {
		this.routes = routes;
		this.mapper = mapper;
	}

	@GetMapping(MobileSecurityConfig.BASE + "/jobs/{jobId}")
	ResponseEntity<RouteJobDto> getJob(@PathVariable long jobId) {
		return ResponseEntity.ok(mapper.job(routes.job(MobileInstallers.current().installerId(), jobId)));
	}

}
