package dev.shifu.platform.shared;

import java.net.URI;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.util.HtmlUtils;

/**
 * The container's error page ({@code /error}), reached by errors that no MVC handler saw: a request the security
 * firewall rejected, an entry point that only set a status, a URL Tomcat refused. It answers problem+json like every
 * other error (Spring Boot's default would be plain JSON with a timestamp), and a short page to a browser.
 */
@Controller
@RequestMapping("${server.error.path:/error}")
class ProblemErrorController implements ErrorController {

	private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ProblemErrorController.class);

	@RequestMapping(produces = MediaType.TEXT_HTML_VALUE)
	ResponseEntity<String> page(HttpServletRequest request) {
		HttpStatus status = status(request);
		String text = status.value() + " " + status.getReasonPhrase();
		return ResponseEntity.status(status).contentType(MediaType.TEXT_HTML)
			.body("<!doctype html><html><head><meta charset=\"utf-8\"><title>" + HtmlUtils.htmlEscape(text)
					+ "</title></head><body><h1>" + HtmlUtils.htmlEscape(text) + "</h1><p><a href=\"/\">Shifu</a></p></body></html>");
	}

	@RequestMapping
	ResponseEntity<ProblemDetail> problem(HttpServletRequest request) {
		HttpStatus status = status(request);
		ProblemDetail problem = Problems.of(status, slug(status), status.getReasonPhrase(), detail(status));
		Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
		if (uri instanceof String path) {
			try {
				problem.setInstance(URI.create(path));
			}
			catch (IllegalArgumentException unparseable) {
				// A rejected URL may not even be a URI; the problem then names none.
			}
		}
		return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

	private static HttpStatus status(HttpServletRequest request) {
		Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
		if (code == null) {
			// Asked for directly, not reached by an error: there is nothing here.
			return HttpStatus.NOT_FOUND;
		}
		HttpStatus status = code instanceof Integer value ? HttpStatus.resolve(value) : null;
		status = status == null ? HttpStatus.INTERNAL_SERVER_ERROR : status;
		if (status.is5xxServerError()) {
			// No MVC advice saw this one (a filter's or the container's), so nothing else logs why.
			Object failure = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
			log.error("{} for {} {}", status.value(), request.getMethod(),
					request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI),
					failure instanceof Throwable thrown ? thrown : null);
		}
		return status;
	}

	private static String slug(HttpStatus status) {
		return switch (status) {
			case BAD_REQUEST -> "invalid-request";
			case UNAUTHORIZED -> "unauthenticated";
			case FORBIDDEN -> "forbidden";
			case NOT_FOUND -> "not-found";
			case METHOD_NOT_ALLOWED -> "method-not-allowed";
			case INTERNAL_SERVER_ERROR -> "internal";
			default -> status.name().toLowerCase().replace('_', '-');
		};
	}

	private static String detail(HttpStatus status) {
		return switch (status) {
			case BAD_REQUEST -> "path: the request URL is malformed or not allowed (encoded slashes, dots or percent signs)";
			case UNAUTHORIZED -> "Send X-Api-Key (brands) or HTTP basic credentials (users)";
			case INTERNAL_SERVER_ERROR -> "Something went wrong on our side";
			default -> status.getReasonPhrase();
		};
	}

}
