/**
 * Keeps the platform's own records healthy while it runs: resubmits event publications whose listener failed (with
 * backoff), reports how many are pending and how old the oldest is (metrics and a health indicator), and deletes
 * records past their retention. Its scheduled jobs run once across app instances (ShedLock).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Housekeeping")
package dev.shifu.platform.housekeeping;
