package dev.shifu.platform.shared;

import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;

/**
 * An upload over the multipart limit is answered 413 problem+json. By default Tomcat then stops reading the rest of
 * the body and drops the connection, so a phone still sending its photo sees a broken pipe instead of the answer.
 * Swallowing the rest (up to {@code server.tomcat.max-swallow-size}) lets the client read the 413.
 */
@Component
class AbortedUploads implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

	@Override
	public void customize(TomcatServletWebServerFactory factory) {
		factory.addContextCustomizers(context -> context.setSwallowAbortedUploads(true));
	}

}
