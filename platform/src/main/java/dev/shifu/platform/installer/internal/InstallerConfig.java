package dev.shifu.platform.installer.internal;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.validation.ValidationConfigurationCustomizer;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.shifu.platform.installer.PhotoStore;

@Configuration
@EnableConfigurationProperties(InstallerSettings.class)
class InstallerConfig {

	/** The local-disk default; another {@link PhotoStore} bean (S3-compatible) replaces it. */
	@Bean
	@ConditionalOnMissingBean(PhotoStore.class)
	PhotoStore localDiskPhotoStore(InstallerSettings settings) {
		return new LocalDiskPhotoStore(settings.photos().directory());
	}

	/** A sync batch is validated item by item ({@link SyncItemsOneByOne}); the app's one validator serves both. */
	@Bean
	ValidationConfigurationCustomizer syncItemsOneByOne() {
		return configuration -> configuration
			.traversableResolver(new SyncItemsOneByOne(configuration.getDefaultTraversableResolver()));
	}

}
