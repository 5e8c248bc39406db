package dev.shifu.platform.installer.internal;

import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** The installer signed in on the current mobile request. */
final class MobileInstallers {

	private MobileInstallers() {
	}

	static MobileAuth.MobileInstaller current() {
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		if (auth != null && auth.getPrincipal() instanceof MobileAuth.MobileInstaller installer) {
			return installer;
		}
		throw new AuthenticationCredentialsNotFoundException("no installer signed in");
	}

}
