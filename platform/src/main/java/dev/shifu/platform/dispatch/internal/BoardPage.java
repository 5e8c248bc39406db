package dev.shifu.platform.dispatch.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.net.URLEncoder;
import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

import dev.shifu.platform.catalog.Regions;
import dev.shifu.platform.identity.Actor;
import dev.shifu.platform.identity.CurrentActor;
import dev.shifu.platform.identity.Role;
import dev.shifu.platform.identity.StaffRegions;

/**
 * The route board page for signed-in dispatchers: static HTML and JavaScript under {@code /console/}, with the
 * session's CSRF token, the dispatcher's first region, today, and the map tile URL (only when configured) filled in.
 * A dispatcher with no region assigned gets a page (zh-CN and en) saying so instead: regions fail closed, so the board
 * would only show refusals.
 */
@RestController
class BoardPage {

	private final String template;

	private final String noRegions;

	private final StaffRegions staffRegions;

	private final Regions regions;

	private final String tiles;

	BoardPage(StaffRegions staffRegions, Regions regions, @Value("${shifu.board.map-tiles:}") String tiles) {
		this.staffRegions = staffRegions;
		this.regions = regions;
		this.tiles = tiles;
		try {
			this.template = new ClassPathResource("static/console/board.html").getContentAsString(StandardCharsets.UTF_8);
			// Outside static/: served only here, with the placeholders filled in.
			this.noRegions = new ClassPathResource("dispatch/no-regions.html").getContentAsString(StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@GetMapping(path = "/console/board", produces = MediaType.TEXT_HTML_VALUE)
	ResponseEntity<String> page(HttpServletRequest request, @RequestParam Optional<String> region,
			@RequestParam Optional<LocalDate> date) {
		CsrfToken csrf = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
		Actor actor = CurrentActor.get();
		Set<String> assigned = staffRegions.assigned(actor.name());
		if (assigned.isEmpty() && !actor.has(Role.ADMIN)) {
			// 403: the page explains, and it names no region and carries no plan.
			return ResponseEntity.status(HttpStatus.FORBIDDEN)
				.contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
				.body(noRegions.replace("__USER_PATH__",
						HtmlUtils.htmlEscape(URLEncoder.encode(actor.name(), StandardCharsets.UTF_8)))
					.replace("__USER__", HtmlUtils.htmlEscape(actor.name()))
					.replace("__CSRF_PARAM__", csrf == null ? "" : HtmlUtils.htmlEscape(csrf.getParameterName()))
					.replace("__CSRF_TOKEN__", csrf == null ? "" : HtmlUtils.htmlEscape(csrf.getToken())));
		}
		String city = region.filter(code -> code.matches("\\d{6}"))
			.orElseGet(() -> assigned.stream().findFirst().orElse("330100"));
		LocalDate day = date.orElseGet(() -> LocalDate.now(regions.zoneOf(city)));
		return ResponseEntity.ok(template.replace("__CSRF_HEADER__", csrf == null ? "" : HtmlUtils.htmlEscape(csrf.getHeaderName()))
			.replace("__CSRF_TOKEN__", csrf == null ? "" : HtmlUtils.htmlEscape(csrf.getToken()))
			.replace("__TILES__", HtmlUtils.htmlEscape(tiles))
			.replace("__REGION__", HtmlUtils.htmlEscape(city))
			.replace("__DATE__", day.toString()));
	}

}
