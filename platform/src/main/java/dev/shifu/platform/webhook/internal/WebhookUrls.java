package dev.shifu.platform.webhook.internal;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;

import dev.shifu.platform.shared.InvalidFieldException;

/**
 * What a webhook URL may be: absolute http or https with a host, no credentials, no fragment. Unless private
 * networks are allowed, loopback, private, link-local and wildcard addresses are refused, both when the URL is
 * registered (address literals, {@code localhost}) and before every attempt (after DNS resolution).
 */
final class WebhookUrls {

	static final int MAX_LENGTH = 2000;

	private final boolean allowPrivateNetworks;

	WebhookUrls(boolean allowPrivateNetworks) {
		this.allowPrivateNetworks = allowPrivateNetworks;
	}

	/** @return the URL as it will be called; a 400 naming {@code url} if it is not acceptable */
	URI check(String url) {
		if (url == null || url.isBlank()) {
			throw invalid("must not be blank");
		}
		String trimmed = url.trim();
		if (trimmed.length() > MAX_LENGTH) {
			throw invalid("must be at most " + MAX_LENGTH + " characters");
		}
		URI uri;
		try {
			uri = new URI(trimmed);
		}
		catch (URISyntaxException ex) {
			throw invalid("is not a valid URL");
		}
		String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
		if (!"https".equals(scheme) && !"http".equals(scheme)) {
			throw invalid("must be an absolute http or https URL");
		}
		if (uri.getHost() == null || uri.getHost().isBlank()) {
			throw invalid("must name a host");
		}
		if (uri.getRawUserInfo() != null) {
			throw invalid("must not contain credentials");
		}
		if (uri.getRawFragment() != null) {
			throw invalid("must not contain a fragment");
		}
		if (uri.getPort() == 0) {
			throw invalid("must not use port 0");
		}
		if (!allowPrivateNetworks && literalIsPrivate(uri.getHost())) {
			throw invalid("must not point at a private, loopback or link-local address");
		}
		return uri;
	}

	/** Resolves the host before an attempt; a reason to refuse it, or empty when it may be called. */
	Optional<String> refusal(URI uri) {
		if (allowPrivateNetworks) {
			return Optional.empty();
		}
		try {
			for (InetAddress address : InetAddress.getAllByName(uri.getHost())) {
				if (isPrivate(address)) {
					return Optional.of("refused: " + uri.getHost() + " resolves to a private address");
				}
			}
			return Optional.empty();
		}
		catch (UnknownHostException ex) {
			return Optional.of("unknown host " + uri.getHost());
		}
	}

	private static boolean literalIsPrivate(String host) {
		String h = host.toLowerCase(Locale.ROOT);
		if (h.equals("localhost") || h.endsWith(".localhost")) {
			return true;
		}
		boolean literal = h.startsWith("[") || h.matches("[0-9.]+");
		if (!literal) {
			return false;
		}
		try {
			return isPrivate(InetAddress.getByName(h.startsWith("[") ? h.substring(1, h.length() - 1) : h));
		}
		catch (UnknownHostException ex) {
			return true;
		}
	}

	private static boolean isPrivate(InetAddress address) {
		byte[] ip = address.getAddress();
		boolean uniqueLocalV6 = ip.length == 16 && (ip[0] & 0xfe) == 0xfc;
		boolean carrierNat = ip.length == 4 && (ip[0] & 0xff) == 100 && (ip[1] & 0xc0) == 64;
		return address.isLoopbackAddress() || address.isSiteLocalAddress() || address.isLinkLocalAddress()
				|| address.isAnyLocalAddress() || address.isMulticastAddress() || uniqueLocalV6 || carrierNat;
	}

	private static InvalidFieldException invalid(String message) {
		return new InvalidFieldException("url", message);
	}

}
