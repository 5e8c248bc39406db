/**
 * The installer network: service providers (a brand's authorised dealers and third-party installer companies)
 * with coverage, capacity and status, and their installers with skills, certificates, home base, shifts, leave,
 * crew size and rating.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Installer network")
package dev.shifu.platform.network;
