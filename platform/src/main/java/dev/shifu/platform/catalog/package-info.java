/**
 * The service catalog: service types with default duration, required skills, crew size and per-region fees; the
 * skill and product-category vocabularies; and the administrative regions (GB/T 2260 codes) we operate in.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Service catalog")
package dev.shifu.platform.catalog;
