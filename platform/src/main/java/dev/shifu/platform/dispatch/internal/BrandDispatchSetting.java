package dev.shifu.platform.dispatch.internal;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A brand's dispatch settings; a brand without a row has the defaults. */
@Entity
@Table(name = "brand_dispatch_setting")
class BrandDispatchSetting {

	@Id
	private Long brandId;

	private boolean reworkBySameInstaller;

	@Version
	private long version;

	protected BrandDispatchSetting() {
	}

	BrandDispatchSetting(long brandId) {
		this.brandId = brandId;
	}

	void reworkBySameInstaller(boolean value) {
		this.reworkBySameInstaller = value;
	}

	boolean isReworkBySameInstaller() {
		return reworkBySameInstaller;
	}

}
