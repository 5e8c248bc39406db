package dev.shifu.platform.booking.internal;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ConsumerLinkProperties.class)
class ConsumerLinkConfig implements WebMvcConfigurer {

	private final ConsumerLinkGuard guard;

	ConsumerLinkConfig(ConsumerLinkGuard guard) {
		this.guard = guard;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(guard).addPathPatterns("/api/v1/consumer/**");
	}

}
