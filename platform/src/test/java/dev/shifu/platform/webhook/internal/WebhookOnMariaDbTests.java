package dev.shifu.platform.webhook.internal;

import dev.shifu.platform.support.UsesMariaDb;

@UsesMariaDb
class WebhookOnMariaDbTests extends WebhookContract {

}
