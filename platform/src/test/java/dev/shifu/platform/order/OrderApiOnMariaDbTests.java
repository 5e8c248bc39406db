package dev.shifu.platform.order;

import dev.shifu.platform.support.UsesMariaDb;

@UsesMariaDb
class OrderApiOnMariaDbTests extends OrderApiContract {

}
