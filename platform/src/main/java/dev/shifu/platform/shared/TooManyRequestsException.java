package dev.shifu.platform.shared;

/**
 * A rate limit said no ({@link RateLimits}): 429 problem+json {@code too-many-requests} with {@code Retry-After}.
 * Nothing of the request was done.
 */
public class TooManyRequestsException extends RuntimeException {

	private final String field;

	private final long retryAfterSeconds;

	public TooManyRequestsException(String field, String message, long retryAfterSeconds) {
		super(message);
		this.field = field;
		this.retryAfterSeconds = retryAfterSeconds;
	}

	/** The standard message, in English and zh-CN, for "too many {@code what}". */
	public static TooManyRequestsException of(String field, String what, long retryAfterSeconds) {
		return new TooManyRequestsException(field, "Too many " + what + "; try again in " + retryAfterSeconds
				+ " s. 请求过于频繁，请 " + retryAfterSeconds + " 秒后再试。", retryAfterSeconds);
	}

	public String field() {
		return field;
	}

	public long retryAfterSeconds() {
		return retryAfterSeconds;
	}

	/** The 429 body, the same for the MVC advice and for filters that answer before MVC. */
	public org.springframework.http.ProblemDetail problem() {
		var problem = Problems.of(org.springframework.http.HttpStatus.TOO_MANY_REQUESTS, "too-many-requests",
				"Too many requests", getMessage());
		problem.setProperty("field", field);
		problem.setProperty("retryAfterSeconds", retryAfterSeconds);
		return problem;
	}

}
