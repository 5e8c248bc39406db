package dev.shifu.platform.dispatch.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param decisionTimeout how long a re-optimization's result waits for the dispatcher's keep or discard before it
 * is discarded by itself (it holds the region's rebuilds meanwhile); {@code decision-sweep}: how often that is checked
 */
@ConfigurationProperties("shifu.board")
record BoardSettings(@DefaultValue("10m") Duration decisionTimeout) {
}
