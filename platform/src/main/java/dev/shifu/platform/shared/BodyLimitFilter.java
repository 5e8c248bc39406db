package dev.shifu.platform.shared;

import java.io.IOException;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Caps API request bodies before anything buffers them: a declared length over the cap is refused at once, and a
 * chunked body is cut off when it crosses the cap. CSV batches get a larger cap than JSON.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class BodyLimitFilter extends OncePerRequestFilter {

	private final long maxJson;

	private final long maxCsv;

	private final ObjectMapper mapper;

	BodyLimitFilter(@Value("${shifu.limits.max-json-body-bytes}") long maxJson,
			@Value("${shifu.limits.max-csv-body-bytes}") long maxCsv, ObjectMapper mapper) {
		this.maxJson = maxJson;
		this.maxCsv = maxCsv;
		this.mapper = mapper;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !request.getRequestURI().startsWith("/api/");
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String type = request.getContentType();
		boolean batch = type != null && (type.startsWith("text/csv") || type.startsWith("multipart/"));
		long limit = batch ? maxCsv : maxJson;
		if (request.getContentLengthLong() > limit) {
			ProblemDetail problem = Problems.of(HttpStatus.PAYLOAD_TOO_LARGE, "payload-too-large", "Payload too large",
					"The body is larger than " + limit + " bytes");
			problem.setProperty("field", "body");
			Problems.write(mapper, request, response, problem);
			return;
		}
		chain.doFilter(new LimitedRequest(request, limit), response);
	}

	private static final class LimitedRequest extends HttpServletRequestWrapper {

		private final long limit;

		LimitedRequest(HttpServletRequest request, long limit) {
			super(request);
			this.limit = limit;
		}

		@Override
		public ServletInputStream getInputStream() throws IOException {
			ServletInputStream in = super.getInputStream();
			return new ServletInputStream() {
				private long read;

				@Override
				public int read() throws IOException {
					int b = in.read();
					if (b >= 0) {
						count(1);
					}
					return b;
				}

				@Override
				public int read(byte[] buf, int off, int len) throws IOException {
					int n = in.read(buf, off, len);
					if (n > 0) {
						count(n);
					}
					return n;
				}

				private void count(long n) {
					read += n;
					if (read > limit) {
						throw new PayloadTooLargeException("body", "The body is larger than " + limit + " bytes");
					}
				}

				@Override
				public boolean isFinished() {
					return in.isFinished();
				}

				@Override
				public boolean isReady() {
					return in.isReady();
				}

				@Override
				public void setReadListener(ReadListener listener) {
					in.setReadListener(listener);
				}
			};
		}

	}

}
