/**
 * Staff tasks: the dispatcher's and customer service's user tasks of the order process (phone the consumer, manual
 * assignment, address resolution, return visit) as a typed API scoped by role, and the validation of task outcomes
 * in the engine itself, so Tasklist, Camunda REST and the API all refuse a value the model does not allow.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Staff tasks")
package dev.shifu.platform.task;
