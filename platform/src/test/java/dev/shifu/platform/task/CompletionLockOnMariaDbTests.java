package dev.shifu.platform.task;

import dev.shifu.platform.support.UsesMariaDb;

/** The same lock, unlock and fresh code on MariaDB through Connector/J. */
@UsesMariaDb
class CompletionLockOnMariaDbTests extends CompletionLockTests {

}
