package dev.shifu.platform.installer.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Installer sign-in ({@code shifu.mobile.auth.*}).
 * @param jwtSecret HMAC key of the access tokens (at least 32 bytes); every node must share it. Unset: a random key
 * per start, so tokens die with the process (fine for one node and tests, not for a cluster)
 * @param accessTokenTtl lifetime of an access token: short, since a token is checked against its session anyway
 * @param refreshTokenTtl lifetime of a refresh token (each works once)
 * @param codeTtl lifetime of a one-time login code
 * @param codeAttempts wrong tries that void a code
 * @param codesPerHour codes one phone may request per hour
 */
@ConfigurationProperties("shifu.mobile.auth")
record MobileAuthSettings(String jwtSecret, @DefaultValue("PT15M") Duration accessTokenTtl,
		@DefaultValue("P30D") Duration refreshTokenTtl, @DefaultValue("PT5M") Duration codeTtl,
		@DefaultValue("5") int codeAttempts, @DefaultValue("5") int codesPerHour) {
}
