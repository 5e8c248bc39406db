/**
 * Installer: what installers report from the road through the mobile API (job events, photos, offline replay), the
 * evidence record of each completion and the dispatcher's review list of flagged jobs.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Installer")
package dev.shifu.platform.installer;
