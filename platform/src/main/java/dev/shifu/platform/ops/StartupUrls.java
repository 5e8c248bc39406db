package dev.shifu.platform.ops;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.web.context.WebServerInitializedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

@Component
class StartupUrls {

	private static final Logger log = LoggerFactory.getLogger(StartupUrls.class);

	@EventListener
	void onStarted(WebServerInitializedEvent event) {
		String base = "http://localhost:" + event.getWebServer().getPort();
		log.info("""

				==================== Shifu platform is up ====================
				  API docs (Swagger UI):  {}/swagger-ui.html
				  OpenAPI JSON:           {}/v3/api-docs
				  Camunda Cockpit:        {}/camunda/app/cockpit/
				  Camunda Tasklist:       {}/camunda/app/tasklist/
				  Spring Boot Admin:      {}/admin
				  Health:                 {}/actuator/health
				==============================================================""", base, base, base, base, base, base);
	}

}
