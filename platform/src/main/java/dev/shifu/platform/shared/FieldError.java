package dev.shifu.platform.shared;

/** One offending field of a request, as reported in problem+json {@code errors}. */
public record FieldError(String field, String message) {
}
