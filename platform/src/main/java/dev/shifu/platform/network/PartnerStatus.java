package dev.shifu.platform.network;

public enum PartnerStatus {

	ACTIVE, SUSPENDED

}
