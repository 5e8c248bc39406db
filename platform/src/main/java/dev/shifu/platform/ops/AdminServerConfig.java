package dev.shifu.platform.ops;

import de.codecentric.boot.admin.server.config.EnableAdminServer;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;

/** Spring Boot Admin runs inside the platform at /admin; the platform registers itself with it. */
@Configuration(proxyBeanMethods = false)
@EnableAdminServer
@ConditionalOnProperty(name = "spring.boot.admin.server.enabled", matchIfMissing = true)
class AdminServerConfig {

}
