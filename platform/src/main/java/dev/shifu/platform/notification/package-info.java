/**
 * Messages to consumers and providers (booking link, reminders, rating request, cancellation, new offers) in
 * zh-CN and en, written to an outbox in the sender's transaction and sent by a scheduled sender through a channel.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Notifications")
package dev.shifu.platform.notification;
