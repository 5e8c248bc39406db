package dev.shifu.platform.network;

import dev.shifu.platform.support.UsesMariaDb;

@UsesMariaDb
class NetworkApiOnMariaDbTests extends NetworkApiContract {

}
