package dev.shifu.platform.shared;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.InvalidNullException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.validation.ConstraintViolationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.annotation.Order;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Every API error as RFC 9457 problem+json naming the offending field. Anything unforeseen is logged and still
 * answered as a problem, never as an HTML error page.
 */
@RestControllerAdvice
@Order(0)
class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<FieldError> errors = new ArrayList<>();
		ex.getBindingResult().getFieldErrors().forEach(e -> errors.add(new FieldError(e.getField(), e.getDefaultMessage())));
		ex.getBindingResult().getGlobalErrors().forEach(e -> errors.add(new FieldError(e.getObjectName(), e.getDefaultMessage())));
		errors.sort(java.util.Comparator.comparing(FieldError::field));
		return ResponseEntity.badRequest().body(Problems.invalid(errors));
	}

	@Override
	protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<FieldError> errors = new ArrayList<>();
		ex.getParameterValidationResults().forEach(result -> result.getResolvableErrors()
			.forEach(e -> errors.add(new FieldError(result.getMethodParameter().getParameterName(), e.getDefaultMessage()))));
		return ResponseEntity.badRequest().body(Problems.invalid(errors));
	}

	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		PayloadTooLargeException tooLarge = causeOf(ex, PayloadTooLargeException.class);
		if (tooLarge != null) {
			return tooLarge(tooLarge);
		}
		Throwable cause = ex.getCause();
		if (cause instanceof JsonMappingException mapping && !(cause instanceof JsonParseException)) {
			if (mapping.getPath().isEmpty()) {
				// The body is JSON, but not the shape the endpoint reads (an array, a string, a number).
				return malformed("The body must be a JSON object, not " + shapeOf(mapping));
			}
			return ResponseEntity.badRequest()
				.body(Problems.invalid(List.of(new FieldError(path(mapping), messageFor(mapping)))));
		}
		if (cause instanceof JsonParseException) {
			return malformed("The body is not valid JSON: expected a JSON object");
		}
		// No body, or the literal null.
		return malformed("The body is missing or null: expected a JSON object");
	}

	@Override
	protected ResponseEntity<Object> handleNoResourceFoundException(NoResourceFoundException ex, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		// Say what the client asked for, not which Spring component gave up on it.
		return ResponseEntity.status(HttpStatus.NOT_FOUND)
			.body(Problems.of(HttpStatus.NOT_FOUND, "not-found", "Not found", "There is no such endpoint"));
	}

	@Override
	protected ResponseEntity<Object> handleNoHandlerFoundException(NoHandlerFoundException ex, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		return ResponseEntity.status(HttpStatus.NOT_FOUND)
			.body(Problems.of(HttpStatus.NOT_FOUND, "not-found", "Not found", "There is no such endpoint"));
	}

	private static ResponseEntity<Object> malformed(String detail) {
		ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "malformed-body", "Malformed request body", detail);
		problem.setProperty("field", "body");
		problem.setProperty("errors", List.of(new FieldError("body", detail)));
		return ResponseEntity.badRequest().body(problem);
	}

	private static String messageFor(JsonMappingException mapping) {
		if (mapping instanceof UnrecognizedPropertyException) {
			return "is not a known field";
		}
		if (mapping instanceof InvalidNullException) {
			return "may not be null";
		}
		if (mapping instanceof InvalidFormatException format && format.getTargetType() != null
				&& format.getTargetType().isEnum()) {
			return "must be one of " + java.util.Arrays.toString(format.getTargetType().getEnumConstants());
		}
		if (mapping instanceof MismatchedInputException mismatched && mismatched.getTargetType() != null) {
			return "must be " + simpleType(mismatched.getTargetType());
		}
		return "has an invalid value";
	}

	private static String shapeOf(JsonMappingException mapping) {
		String message = String.valueOf(mapping.getOriginalMessage());
		if (message.contains("Array value") || message.contains("START_ARRAY")) {
			return "an array";
		}
		if (message.contains("String value") || message.contains("VALUE_STRING")) {
			return "a string";
		}
		if (message.contains("Integer value") || message.contains("Floating-point value") || message.contains("VALUE_NUMBER")) {
			return "a number";
		}
		if (message.contains("Boolean value") || message.contains("VALUE_TRUE") || message.contains("VALUE_FALSE")) {
			return "a boolean";
		}
		return "this value";
	}

	@Override
	protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		return ResponseEntity.badRequest()
			.body(Problems.invalid(List.of(new FieldError(ex.getParameterName(), "is required"))));
	}

	@Override
	protected ResponseEntity<Object> handleMissingServletRequestPart(MissingServletRequestPartException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		return ResponseEntity.badRequest()
			.body(Problems.invalid(List.of(new FieldError(ex.getRequestPartName(), "is required"))));
	}

	@Override
	protected ResponseEntity<Object> handleMaxUploadSizeExceededException(MaxUploadSizeExceededException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		return tooLarge(new PayloadTooLargeException("file", "the upload is larger than allowed"));
	}

	@Override
	protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
			HttpStatusCode statusCode, WebRequest request) {
		ResponseEntity<Object> response = super.handleExceptionInternal(ex, body, headers, statusCode, request);
		if (response != null && response.getBody() instanceof ProblemDetail problem
				&& ex instanceof org.springframework.web.HttpMediaTypeNotSupportedException) {
			problem.setProperty("field", "Content-Type");
		}
		return response;
	}

	@ExceptionHandler(MissingRequestHeaderException.class)
	ResponseEntity<ProblemDetail> missingHeader(MissingRequestHeaderException ex) {
		return ResponseEntity.badRequest().body(Problems.invalid(List.of(new FieldError(ex.getHeaderName(), "is required"))));
	}

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException ex) {
		String message = ex.getRequiredType() != null && ex.getRequiredType().isEnum()
				? "must be one of " + java.util.Arrays.toString(ex.getRequiredType().getEnumConstants())
				: "has an invalid value";
		return ResponseEntity.badRequest().body(Problems.invalid(List.of(new FieldError(ex.getName(), message))));
	}

	@ExceptionHandler(InvalidFieldException.class)
	ResponseEntity<ProblemDetail> invalidField(InvalidFieldException ex) {
		return ResponseEntity.badRequest().body(Problems.invalid(ex.errors()));
	}

	@ExceptionHandler(ConstraintViolationException.class)
	ResponseEntity<ProblemDetail> constraintViolation(ConstraintViolationException ex) {
		List<FieldError> errors = ex.getConstraintViolations()
			.stream()
			.map(v -> new FieldError(v.getPropertyPath().toString(), v.getMessage()))
			.sorted(java.util.Comparator.comparing(FieldError::field))
			.toList();
		return ResponseEntity.badRequest().body(Problems.invalid(errors));
	}

	@ExceptionHandler(NotFoundException.class)
	ResponseEntity<ProblemDetail> notFound(NotFoundException ex) {
		return ResponseEntity.status(HttpStatus.NOT_FOUND)
			.body(Problems.of(HttpStatus.NOT_FOUND, "not-found", "Not found", ex.getMessage()));
	}

	@ExceptionHandler(ConflictException.class)
	ResponseEntity<ProblemDetail> conflict(ConflictException ex) {
		ProblemDetail problem = Problems.of(HttpStatus.CONFLICT, ex.code(), "Conflict", ex.getMessage());
		return ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
	}

	@ExceptionHandler(OptimisticLockingFailureException.class)
	ResponseEntity<ProblemDetail> concurrentChange(OptimisticLockingFailureException ex) {
		return ResponseEntity.status(HttpStatus.CONFLICT)
			.body(Problems.of(HttpStatus.CONFLICT, "concurrent-change", "Conflict",
					"The resource was changed by another request; read it again and retry"));
	}

	/** A row lock not had in time, or a deadlock the database broke: the same answer as a version clash, not a 500. */
	@ExceptionHandler(org.springframework.dao.PessimisticLockingFailureException.class)
	ResponseEntity<ProblemDetail> lockNotHad(org.springframework.dao.PessimisticLockingFailureException ex) {
		log.warn("Gave up waiting for a row lock: {}", ex.getMostSpecificCause().getMessage());
		return ResponseEntity.status(HttpStatus.CONFLICT)
			.body(Problems.of(HttpStatus.CONFLICT, "concurrent-change", "Conflict",
					"The resource is being changed by another request; read it again and retry"));
	}

	@ExceptionHandler(DataIntegrityViolationException.class)
	ResponseEntity<ProblemDetail> integrity(DataIntegrityViolationException ex) {
		log.warn("Rejected by a database constraint: {}", ex.getMostSpecificCause().getMessage());
		return ResponseEntity.status(HttpStatus.CONFLICT)
			.body(Problems.of(HttpStatus.CONFLICT, "duplicate", "Conflict", "The request collides with existing data"));
	}

	@ExceptionHandler(TooManyAttemptsException.class)
	ResponseEntity<ProblemDetail> tooManyAttempts(TooManyAttemptsException ex) {
		ProblemDetail problem = Problems.of(HttpStatus.TOO_MANY_REQUESTS, "too-many-attempts", "Too many attempts",
				ex.getMessage());
		problem.setProperty("field", ex.field());
		problem.setProperty("retryAfter", ex.retryAfter().toString());
		long seconds = Math.max(1, java.time.Duration.between(java.time.Instant.now(), ex.retryAfter()).toSeconds());
		return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS).header("Retry-After", String.valueOf(seconds)).body(problem);
	}

	@ExceptionHandler(TooManyRequestsException.class)
	ResponseEntity<ProblemDetail> tooManyRequests(TooManyRequestsException ex) {
		return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
			.header("Retry-After", String.valueOf(ex.retryAfterSeconds()))
			.body(ex.problem());
	}

	@ExceptionHandler(UnsupportedContentException.class)
	ResponseEntity<ProblemDetail> unsupportedContent(UnsupportedContentException ex) {
		ProblemDetail problem = Problems.of(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type",
				"Unsupported media type", ex.field() + ": " + ex.getMessage());
		problem.setProperty("field", ex.field());
		return ResponseEntity.status(HttpStatus.UNSUPPORTED_MEDIA_TYPE).body(problem);
	}

	/**
	 * A multipart body that cannot be parsed (no boundary, cut short): the client's fault, named by its header. (Too
	 * large a body has its own, closer handler above.)
	 */
	@ExceptionHandler(org.springframework.web.multipart.MultipartException.class)
	ResponseEntity<ProblemDetail> unreadableMultipart(org.springframework.web.multipart.MultipartException ex) {
		ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request",
				"Content-Type: the multipart body cannot be read (a boundary is missing or the body is cut short)");
		problem.setProperty("field", "Content-Type");
		return ResponseEntity.badRequest().body(problem);
	}

	@ExceptionHandler(PayloadTooLargeException.class)
	ResponseEntity<Object> payloadTooLarge(PayloadTooLargeException ex) {
		return tooLarge(ex);
	}

	@ExceptionHandler({ AccessDeniedException.class, AuthenticationException.class })
	void rethrowSecurity(RuntimeException ex) {
		// Let Spring Security's entry point and denied handler answer, with their own problem bodies.
		throw ex;
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<ProblemDetail> unexpected(Exception ex) {
		if (DatabaseOutage.causedBy(ex)) {
			log.warn("Database unavailable: {}", ex.getMessage());
			return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
				.header("Retry-After", String.valueOf(DatabaseOutage.RETRY_AFTER_SECONDS))
				.body(DatabaseOutage.problem());
		}
		log.error("Unexpected error", ex);
		return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR)
			.body(Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "internal", "Internal error",
					"Something went wrong on our side"));
	}

	private static ResponseEntity<Object> tooLarge(PayloadTooLargeException ex) {
		ProblemDetail problem = Problems.of(HttpStatus.PAYLOAD_TOO_LARGE, "payload-too-large", "Payload too large",
				ex.getMessage());
		problem.setProperty("field", ex.field());
		return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).body(problem);
	}

	private static String path(JsonMappingException ex) {
		StringBuilder path = new StringBuilder();
		for (JsonMappingException.Reference ref : ex.getPath()) {
			if (ref.getFieldName() != null) {
				if (path.length() > 0) {
					path.append('.');
				}
				path.append(ref.getFieldName());
			}
			else if (ref.getIndex() >= 0) {
				path.append('[').append(ref.getIndex()).append(']');
			}
		}
		return path.toString();
	}

	private static String simpleType(Class<?> type) {
		if (type == int.class || type == long.class || type == short.class || type == Integer.class
				|| type == Long.class || type == Short.class || type == java.math.BigInteger.class) {
			return "a whole number";
		}
		if (Number.class.isAssignableFrom(type) || type == double.class || type == float.class) {
			return "a number";
		}
		if (type == Boolean.class || type == boolean.class) {
			return "true or false";
		}
		if (type == java.time.LocalDate.class) {
			return "a date like 2026-12-01";
		}
		if (java.time.temporal.Temporal.class.isAssignableFrom(type)) {
			return "a date or time (ISO-8601)";
		}
		if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
			return "an array";
		}
		if (type == String.class || CharSequence.class.isAssignableFrom(type)) {
			return "a string";
		}
		return "an object";
	}

	private static <T extends Throwable> T causeOf(Throwable ex, Class<T> type) {
		for (Throwable t = ex; t != null; t = t.getCause()) {
			if (type.isInstance(t)) {
				return type.cast(t);
			}
		}
		return null;
	}

}
