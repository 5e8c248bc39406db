/**
 * Dispatch: which providers may take an order (the brand's dealer covering the region first, then third parties,
 * as the dispatch policy decides), offers with an expiry, and the provider side of accept and decline. Until the
 * installer mobile API exists, provider admins also report a job's progress here.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Dispatch")
package dev.shifu.platform.dispatch;
