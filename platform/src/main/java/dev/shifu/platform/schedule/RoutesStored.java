package dev.shifu.platform.schedule;

/**
 * A new version of the region's plan was stored: the routes the installer mobile API serves changed. Published on the
 * node that runs the region's solver, after the routes are committed.
 */
public record RoutesStored(String region, long planVersion) {
}
