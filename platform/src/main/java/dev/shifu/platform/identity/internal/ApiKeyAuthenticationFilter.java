package dev.shifu.platform.identity.internal;

import java.io.IOException;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import dev.shifu.platform.identity.Actor;
import dev.shifu.platform.identity.CurrentActor;
import dev.shifu.platform.identity.Role;
import dev.shifu.platform.shared.Problems;

/** Brands authenticate every API call with {@code X-Api-Key}; a wrong key is a 401 at once, not a fallback. */
class ApiKeyAuthenticationFilter extends OncePerRequestFilter {

	static final String HEADER = "X-Api-Key";

	private final AccountService identity;

	private final ObjectMapper mapper;

	ApiKeyAuthenticationFilter(AccountService identity, ObjectMapper mapper) {
		this.identity = identity;
		this.mapper = mapper;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String presented = request.getHeader(HEADER);
		if (presented == null) {
			chain.doFilter(request, response);
			return;
		}
		Actor actor = identity.authenticate(presented).orElse(null);
		if (actor == null) {
			response.setHeader("WWW-Authenticate", "ApiKey");
			Problems.write(mapper, request, response, Problems.of(HttpStatus.UNAUTHORIZED, "unauthenticated",
					"Unauthenticated", "The API key is unknown or revoked"));
			return;
		}
		var auth = new UsernamePasswordAuthenticationToken(actor, null,
				List.of(new SimpleGrantedAuthority(Role.BRAND.authority())));
		ApiKeys.parse(presented).ifPresent(parts -> auth.setDetails(new CurrentActor.ApiKeyUsed(parts.keyId())));
		SecurityContextHolder.getContext().setAuthentication(auth);
		chain.doFilter(request, response);
	}

}
