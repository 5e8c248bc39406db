package dev.shifu.platform.dispatch.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import dev.shifu.platform.dispatch.ReworkPolicy;
import dev.shifu.platform.identity.Actor;
import dev.shifu.platform.identity.CurrentActor;

interface BrandDispatchSettingRepository extends JpaRepository<BrandDispatchSetting, Long> {

}

/** Each brand's dispatch settings, read and written by the brand itself. */
@Service
@Transactional
class BrandDispatchSettings implements ReworkPolicy {

	private final BrandDispatchSettingRepository settings;

	BrandDispatchSettings(BrandDispatchSettingRepository settings) {
		this.settings = settings;
	}

	@Override
	@Transactional(readOnly = true)
	public boolean reworkBySameInstaller(long brandId) {
		return settings.findById(brandId).map(BrandDispatchSetting::isReworkBySameInstaller).orElse(false);
	}

	Settings update(long brandId, Settings request) {
		BrandDispatchSetting setting = settings.findById(brandId).orElseGet(() -> settings.save(new BrandDispatchSetting(brandId)));
		setting.reworkBySameInstaller(request.reworkBySameInstaller());
		return new Settings(setting.isReworkBySameInstaller());
	}

	record Settings(@NotNull @Schema(description = "true: the original installer does a rework after a low rating; "
			+ "false (default): someone else does it where the plan can") Boolean reworkBySameInstaller) {
	}

	@RestController
	static class Api {

		private final BrandDispatchSettings settings;

		Api(BrandDispatchSettings settings) {
			this.settings = settings;
		}

		@GetMapping("/api/v1/brand/dispatch-settings")
		@Operation(summary = "The brand's dispatch settings")
		Settings get() {
			return new Settings(settings.reworkBySameInstaller(brand()));
		}

		@PutMapping("/api/v1/brand/dispatch-settings")
		@Operation(summary = "Change the brand's dispatch settings (who does a rework after a low rating)")
		Settings put(@Valid @RequestBody Settings request) {
			return settings.update(brand(), request);
		}

		private static long brand() {
			Actor actor = CurrentActor.get();
			return actor.brandId();
		}

	}

}
