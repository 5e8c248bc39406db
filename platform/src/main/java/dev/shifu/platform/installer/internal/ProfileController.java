package dev.shifu.platform.installer.internal;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.shifu.mobile.server.api.ProfileApi;
import dev.shifu.mobile.server.model.MeDto;
import dev.shifu.platform.network.InstallerView;
import dev.shifu.platform.network.NetworkDirectory;
import dev.shifu.platform.network.ProviderView;
import dev.shifu.platform.shared.NotFoundException;

@RestController
@RequestMapping(MobileSecurityConfig.BASE)
class ProfileController implements ProfileApi {

	private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

	private final NetworkDirectory network;

	private final InstallerRoutesView routes;

	private final MobileMapper mapper;

	ProfileController(NetworkDirectory network, InstallerRoutesView routes, MobileMapper mapper) {
		this.network = network;
		this.routes = routes;
		this.mapper = mapper;
	}

	@Override
	public ResponseEntity<MeDto> getMe() {
		MobileAuth.MobileInstaller who = MobileInstallers.current();
		InstallerView installer = routes.installer(who.installerId());
		ProviderView provider = network.provider(installer.providerId())
			.orElseThrow(() -> new NotFoundException("provider", installer.providerId()));
		LocalDate today = routes.today(provider.id());
		String zone = routes.zoneOfProvider(provider.id()).getId();
		MobileViews.Shift shift = installer.leaveDays().contains(today) ? null
				: installer.shifts()
					.stream()
					.filter(s -> s.day() == today.getDayOfWeek())
					.findFirst()
					.map(s -> new MobileViews.Shift(today, s.start().format(HH_MM), s.end().format(HH_MM), zone))
					.orElse(null);
		return ResponseEntity.ok(mapper.me(new MobileViews.Me(installer.id(), installer.name(), installer.phone(),
				new MobileViews.Provider(provider.id(), provider.name(), provider.type().name()),
				installer.skills().stream().map(Enum::name).sorted().toList(), installer.rating(),
				installer.ratingCount(), installer.crewSize(), who.canAnswerOffers(), shift)));
	}

}
