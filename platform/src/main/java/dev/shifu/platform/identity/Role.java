package dev.shifu.platform.identity;

/** Platform roles; Spring authorities are ROLE_ + name. */
public enum Role {

	ADMIN, DISPATCHER, CUSTOMER_SERVICE, PROVIDER_ADMIN, INSTALLER, BRAND, OPS;

	public String authority() {
		return "ROLE_" + name();
	}

}
