package dev.shifu.platform.shared;

/** Unknown id, or an id the caller may not see: both are a 404 so ids leak nothing across tenants. */
public class NotFoundException extends RuntimeException {

	public NotFoundException(String what, Object id) {
		super(what + " " + id + " not found");
	}

}
