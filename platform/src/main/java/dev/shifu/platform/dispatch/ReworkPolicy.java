package dev.shifu.platform.dispatch;

/** A brand's dispatch setting for rework visits after a low rating. */
public interface ReworkPolicy {

	/**
	 * Whether the brand wants the original installer to do the rework; by default someone else does it (the
	 * original installer is avoided where the plan can).
	 */
	boolean reworkBySameInstaller(long brandId);

}
