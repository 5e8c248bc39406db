package dev.shifu.platform.network.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.shifu.platform.catalog.Regions;
import dev.shifu.platform.identity.Actor;
import dev.shifu.platform.identity.BrandDirectory;
import dev.shifu.platform.identity.Role;
import dev.shifu.platform.network.InstallerRequest;
import dev.shifu.platform.network.InstallerView;
import dev.shifu.platform.network.NetworkAdministration;
import dev.shifu.platform.network.NetworkDirectory;
import dev.shifu.platform.network.PartnerStatus;
import dev.shifu.platform.network.ProviderRequest;
import dev.shifu.platform.network.ProviderType;
import dev.shifu.platform.network.ProviderView;
import dev.shifu.platform.shared.FieldError;
import dev.shifu.platform.shared.InvalidFieldException;
import dev.shifu.platform.shared.NotFoundException;
import dev.shifu.platform.shared.PhoneNumbers;

/**
 * Platform admins manage every provider; a provider admin reads its own provider and manages only its own
 * installers. Anything outside the caller's reach is reported as not found.
 */
@Service
@Transactional
class NetworkService implements NetworkDirectory, NetworkAdministration {

	private final ServiceProviderRepository providers;

	private final InstallerRepository installers;

	private final Regions regions;

	private final BrandDirectory brands;

	private final org.springframework.context.ApplicationEventPublisher events;

	private final ProviderRating providerRating;

	NetworkService(ServiceProviderRepository providers, InstallerRepository installers, Regions regions,
			BrandDirectory brands, org.springframework.context.ApplicationEventPublisher events,
			ProviderRating providerRating) {
		this.events = events;
		this.providerRating = providerRating;
		this.providers = providers;
		this.installers = installers;
		this.regions = regions;
		this.brands = brands;
	}

	@Override
	public ProviderView createProvider(Actor actor, ProviderRequest request) {
		requireAdmin(actor);
		validate(request);
		ServiceProvider provider = new ServiceProvider(request.name(), request.type(), request.brandId());
		describe(provider, request);
		return view(providers.save(provider));
	}

	ProviderView updateProvider(Actor actor, long id, ProviderRequest request) {
		requireAdmin(actor);
		ServiceProvider provider = visibleProvider(actor, id);
		validate(request);
		if (request.type() != provider.getType() || !java.util.Objects.equals(request.brandId(), provider.getBrandId())) {
			throw new InvalidFieldException("type", "a provider's type and brand cannot change; create a new provider");
		}
		describe(provider, request);
		return view(provider);
	}

	ProviderView setProviderStatus(Actor actor, long id, PartnerStatus status) {
		requireAdmin(actor);
		ServiceProvider provider = visibleProvider(actor, id);
		if (status == PartnerStatus.SUSPENDED) {
			provider.suspend();
		}
		else {
			provider.activate();
		}
		events.publishEvent(new dev.shifu.platform.network.NetworkEvents.ProviderChanged(id));
		return view(provider);
	}

	@Transactional(readOnly = true)
	List<ProviderView> listProviders(Actor actor) {
		if (actor.has(Role.PROVIDER_ADMIN) && !actor.isPlatformStaff()) {
			return providers.findById(actor.providerId()).map(this::view).stream().toList();
		}
		return providers.findAll(org.springframework.data.domain.Sort.by("id")).stream().map(this::view).toList();
	}

	@Transactional(readOnly = true)
	ProviderView getProvider(Actor actor, long id) {
		return view(visibleProvider(actor, id));
	}

	@Override
	public InstallerView createInstaller(Actor actor, long providerId, InstallerRequest request) {
		ServiceProvider provider = managedProvider(actor, providerId);
		Installer installer = new Installer(provider.getId());
		describe(installer, request, provider.getId());
		InstallerView view = view(installers.save(installer));
		events.publishEvent(new dev.shifu.platform.network.NetworkEvents.InstallerChanged(view.id(), providerId));
		return view;
	}

	@Override
	public void recordRating(long installerId, int stars) {
		installers.findById(installerId).ifPresent(i -> i.rate(stars));
	}

	@Override
	public void recordComplaint(long installerId) {
		installers.findById(installerId).ifPresent(Installer::complained);
	}

	@Override
	public void recordRework(long installerId) {
		installers.findById(installerId).ifPresent(Installer::reworked);
	}

	/** @return the existing installer's id when one with the same phone is on file, else empty */
	Optional<Long> findInstallerByPhone(long providerId, String rawPhone) {
		return installers.findByProviderIdAndPhone(providerId, PhoneNumbers.normalise("phone", rawPhone))
			.map(Installer::getId);
	}

	InstallerView updateInstaller(Actor actor, long providerId, long installerId, InstallerRequest request) {
		managedProvider(actor, providerId);
		Installer installer = installerOf(providerId, installerId);
		describe(installer, request, providerId);
		events.publishEvent(new dev.shifu.platform.network.NetworkEvents.InstallerChanged(installerId, providerId));
		return view(installer);
	}

	InstallerView setInstallerStatus(Actor actor, long providerId, long installerId, PartnerStatus status) {
		managedProvider(actor, providerId);
		Installer installer = installerOf(providerId, installerId);
		if (status == PartnerStatus.SUSPENDED) {
			installer.suspend();
		}
		else {
			installer.activate();
		}
		events.publishEvent(new dev.shifu.platform.network.NetworkEvents.InstallerChanged(installerId, providerId));
		return view(installer);
	}

	@Transactional(readOnly = true)
	List<InstallerView> listInstallers(Actor actor, long providerId) {
		visibleProvider(actor, providerId);
		return installers.findByProviderIdOrderById(providerId).stream().map(this::view).toList();
	}

	@Transactional(readOnly = true)
	InstallerView getInstaller(Actor actor, long providerId, long installerId) {
		visibleProvider(actor, providerId);
		return view(installerOf(providerId, installerId));
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<ProviderView> provider(long providerId) {
		return providers.findById(providerId).map(this::view);
	}

	@Override
	@Transactional(readOnly = true)
	public List<ProviderView> activeProviders() {
		return providers.findByStatusOrderById(PartnerStatus.ACTIVE).stream().map(this::view).toList();
	}

	@Override
	@Transactional(readOnly = true)
	public List<InstallerView> activeInstallers(long providerId) {
		return installers.findByProviderIdAndStatusOrderById(providerId, PartnerStatus.ACTIVE)
			.stream()
			.map(this::view)
			.toList();
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<InstallerView> installer(long installerId) {
		return installers.findById(installerId).map(this::view);
	}

	private void validate(ProviderRequest request) {
		List<FieldError> errors = new ArrayList<>();
		if (request.type() == ProviderType.DEALER) {
			if (request.brandId() == null) {
				errors.add(new FieldError("brandId", "is required for a DEALER"));
			}
			else if (brands.find(request.brandId()).isEmpty()) {
				errors.add(new FieldError("brandId", "is not a known brand"));
			}
		}
		else if (request.brandId() != null) {
			errors.add(new FieldError("brandId", "must be absent for a THIRD_PARTY provider"));
		}
		List<String> codes = request.coverage().regionCodes();
		for (int i = 0; i < codes.size(); i++) {
			if (!regions.exists(codes.get(i))) {
				errors.add(new FieldError("coverage.regionCodes[" + i + "]", "is not a known region code"));
			}
		}
		if ((request.coverage().centre() == null) != (request.coverage().radiusKm() == null)) {
			errors.add(new FieldError("coverage.radiusKm", "centre and radiusKm go together"));
		}
		if (!errors.isEmpty()) {
			throw new InvalidFieldException(errors);
		}
	}

	private void describe(ServiceProvider provider, ProviderRequest request) {
		String phone = request.contactPhone() == null ? null
				: PhoneNumbers.normalise("contactPhone", request.contactPhone());
		provider.describe(request.name(), phone, request.coverage().regionCodes().stream().distinct().toList(),
				request.coverage().centre(), request.coverage().radiusKm(), request.dailyCapacity());
	}

	private void describe(Installer installer, InstallerRequest request, long providerId) {
		String phone = PhoneNumbers.normalise("phone", request.phone());
		installers.findByProviderIdAndPhone(providerId, phone)
			.filter(other -> !other.getId().equals(installer.getId()))
			.ifPresent(other -> {
				throw new InvalidFieldException("phone", "another installer of this provider has this phone");
			});
		List<FieldError> errors = new ArrayList<>();
		List<InstallerRequest.Shift> shifts = request.shifts() == null ? List.of() : request.shifts();
		for (int i = 0; i < shifts.size(); i++) {
			if (!shifts.get(i).start().isBefore(shifts.get(i).end())) {
				errors.add(new FieldError("shifts[" + i + "].end", "must be after start"));
			}
		}
		Long partner = request.crewPartnerId();
		if (partner != null && request.crewSize() != 2) {
			errors.add(new FieldError("crewPartnerId", "only a crew of two (crewSize 2) has a partner"));
		}
		else if (partner != null && (partner.equals(installer.getId())
				|| installers.findById(partner).filter(p -> p.getProviderId() == providerId).isEmpty())) {
			errors.add(new FieldError("crewPartnerId", "is not another installer of this provider"));
		}
		if (!errors.isEmpty()) {
			throw new InvalidFieldException(errors);
		}
		var certificates = (request.certificates() == null ? List.<InstallerRequest.Certificate>of() : request.certificates())
			.stream()
			.map(c -> new Installer.CertificateRecord(c.skill(), c.number(), c.expiresOn()))
			.toList();
		var shiftRecords = shifts.stream().map(s -> new Installer.ShiftRecord(s.day(), s.start(), s.end())).toList();
		installer.describe(request.name(), phone, request.skills(), certificates, request.homeBase(), shiftRecords,
				new TreeSet<>(request.leaveDays() == null ? List.of() : request.leaveDays()), request.crewSize(),
				partner);
	}

	private ServiceProvider visibleProvider(Actor actor, long id) {
		if (!actor.isPlatformStaff() && !(actor.has(Role.PROVIDER_ADMIN) && Long.valueOf(id).equals(actor.providerId()))) {
			throw new NotFoundException("provider", id);
		}
		return providers.findById(id).orElseThrow(() -> new NotFoundException("provider", id));
	}

	private ServiceProvider managedProvider(Actor actor, long id) {
		boolean own = actor.has(Role.PROVIDER_ADMIN) && Long.valueOf(id).equals(actor.providerId());
		if (!actor.has(Role.ADMIN) && !own) {
			throw new NotFoundException("provider", id);
		}
		return providers.findById(id).orElseThrow(() -> new NotFoundException("provider", id));
	}

	private Installer installerOf(long providerId, long installerId) {
		return installers.findById(installerId)
			.filter(i -> i.getProviderId() == providerId)
			.orElseThrow(() -> new NotFoundException("installer", installerId));
	}

	private static void requireAdmin(Actor actor) {
		if (!actor.has(Role.ADMIN)) {
			throw new org.springframework.security.access.AccessDeniedException("platform admins only");
		}
	}

	private ProviderView view(ServiceProvider p) {
		Object[] totals = installers.ratingTotals(p.getId()).get(0);
		double stars = ((Number) totals[0]).doubleValue();
		long count = ((Number) totals[1]).longValue();
		return new ProviderView(p.getId(), p.getName(), p.getType(), p.getBrandId(), p.getContactPhone(),
				List.copyOf(p.getRegionCodes()), p.centre(), p.getRadiusKm(), java.util.Map.copyOf(p.getDailyCapacity()),
				p.getStatus(), providerRating.of(stars, count), installers.countByProviderId(p.getId()), count);
	}

	private InstallerView view(Installer i) {
		return new InstallerView(i.getId(), i.getProviderId(), i.getName(), i.getPhone(), java.util.Set.copyOf(i.getSkills()),
				i.getCertificates().stream().map(c -> new InstallerRequest.Certificate(c.skill(), c.number(), c.expiresOn())).toList(),
				i.home(), i.getShifts().stream().map(s -> new InstallerRequest.Shift(s.day(), s.start(), s.end())).toList(),
				List.copyOf(i.getLeaveDays()), i.getCrewSize(), i.getRating(), i.getRatingCount(), i.getStatus(),
				i.getComplaintCount(), i.getReworkCount(), i.getCrewPartnerId());
	}

}
