/**
 * What several bounded contexts really share: problem details, field validation errors, CSV reading,
 * phone numbers, geo points and idempotency records. Nothing domain-specific lives here.
 */
package dev.shifu.platform.shared;
