package dev.shifu.platform.installer.internal;

import java.time.LocalDate;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.shifu.mobile.server.api.RouteApi;
import dev.shifu.mobile.server.model.RouteDto;

/** The day's route; its version is the ETag, so an unchanged route answers 304. */
@RestController
@RequestMapping(MobileSecurityConfig.BASE)
class RouteController implements RouteApi {

	private final InstallerRoutesView routes;

	private final MobileMapper mapper;

	RouteController(InstallerRoutesView routes, MobileMapper mapper) {
		this.routes = routes;
		this.mapper = mapper;
	}

	@Override
	public ResponseEntity<RouteDto> getRoute(LocalDate date, String ifNoneMatch) {
		MobileAuth.MobileInstaller who = MobileInstallers.current();
		LocalDate day = date == null ? routes.today(who.providerId()) : date;
		MobileViews.Route route = routes.route(who.installerId(), day);
		String etag = "\"" + route.version() + "\"";
		if (ifNoneMatch != null && (ifNoneMatch.equals(etag) || ifNoneMatch.equals("W/" + etag))) {
			return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(etag).build();
		}
		return ResponseEntity.ok().eTag(etag).body(mapper.route(route));
	}

}
