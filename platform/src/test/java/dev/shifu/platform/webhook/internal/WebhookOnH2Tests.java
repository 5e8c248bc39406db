package dev.shifu.platform.webhook.internal;

class WebhookOnH2Tests extends WebhookContract {

}
