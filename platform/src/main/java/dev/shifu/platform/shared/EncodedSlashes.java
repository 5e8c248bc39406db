package dev.shifu.platform.shared;

import org.apache.tomcat.util.buf.EncodedSolidusHandling;

import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;

/**
 * Tomcat refuses a URL with an encoded slash ({@code %2F}) itself, with an HTML page, before the app sees it. Passed
 * through, the security firewall refuses it instead, and the refusal is a problem+json like every other 400
 * ({@link ProblemErrorController}). Nothing decodes it, so it can never become a path separator.
 */
@Component
class EncodedSlashes implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

	@Override
	public void customize(TomcatServletWebServerFactory factory) {
		factory.addConnectorCustomizers(connector -> connector.setEncodedSolidusHandling(EncodedSolidusHandling.PASS_THROUGH.getValue()));
	}

}
