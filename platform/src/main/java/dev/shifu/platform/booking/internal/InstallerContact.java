package dev.shifu.platform.booking.internal;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.shifu.platform.network.InstallerView;
import dev.shifu.platform.shared.PhoneNumbers;

/**
 * The number the consumer sees for the installer of their visit. Behind an interface so that a virtual-number
 * service (a number that forwards to the installer for this order only, and stops afterwards) can replace it.
 */
interface InstallerContact {

	String numberFor(long orderId, InstallerView installer);

}

@Configuration(proxyBeanMethods = false)
class InstallerContactConfig {

	/** Without a virtual-number service the consumer sees the installer's number masked (138****5678). */
	@Bean
	@ConditionalOnMissingBean
	InstallerContact maskedInstallerContact() {
		return (orderId, installer) -> installer.phone() == null ? null : PhoneNumbers.mask(installer.phone());
	}

}
