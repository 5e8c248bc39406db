/**
 * After the job: the consumer's rating (stars, tags, comment), complaints from low ratings and return visits, and
 * rework counted per installer.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Ratings and complaints")
package dev.shifu.platform.rating;
