package dev.shifu.platform.network;

/** A DEALER is authorised by one brand; a THIRD_PARTY installer company works for all brands. */
public enum ProviderType {

	DEALER, THIRD_PARTY

}
