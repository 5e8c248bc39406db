/** Operations: where to find the API docs, Cockpit and Spring Boot Admin once the app is up. */
@org.springframework.modulith.ApplicationModule(displayName = "Operations")
package dev.shifu.platform.ops;
