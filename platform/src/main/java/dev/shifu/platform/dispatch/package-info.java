/**
 * Dispatch: which providers may take an order (the brand's dealer covering the region first, then third parties,
 * as the dispatch policy decides), offers with an expiry, the provider side of accept and decline, and who did
 * each visit. Job progress is reported through the installer context.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Dispatch")
package dev.shifu.platform.dispatch;
