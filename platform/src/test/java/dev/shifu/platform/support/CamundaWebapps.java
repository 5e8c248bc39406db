package dev.shifu.platform.support;

import org.camunda.bpm.admin.Admin;
import org.camunda.bpm.admin.impl.DefaultAdminRuntimeDelegate;
import org.camunda.bpm.cockpit.Cockpit;
import org.camunda.bpm.cockpit.impl.DefaultCockpitRuntimeDelegate;
import org.camunda.bpm.tasklist.Tasklist;
import org.camunda.bpm.tasklist.impl.DefaultTasklistRuntimeDelegate;
import org.camunda.bpm.welcome.Welcome;
import org.camunda.bpm.welcome.impl.DefaultWelcomeRuntimeDelegate;

/**
 * Camunda's webapps keep their runtime delegates in JVM-wide statics, set when a servlet context starts and set to
 * null when one is destroyed. The test JVM runs several apps: when one closes (a second node, a restarted app, a
 * dirtied context), every app still running loses its webapps until the next one starts, and Tasklist answers 500
 * (a NullPointerException in {@code ProcessEnginesFilter}). Tests of the webapps put them back first, as a start does.
 */
public final class CamundaWebapps {

	private CamundaWebapps() {
	}

	public static synchronized void ensureRuntimeDelegates() {
		if (Cockpit.getRuntimeDelegate() == null) {
			Cockpit.setCockpitRuntimeDelegate(new DefaultCockpitRuntimeDelegate());
		}
		if (Tasklist.getRuntimeDelegate() == null) {
			Tasklist.setTasklistRuntimeDelegate(new DefaultTasklistRuntimeDelegate());
		}
		if (Admin.getRuntimeDelegate() == null) {
			Admin.setAdminRuntimeDelegate(new DefaultAdminRuntimeDelegate());
		}
		if (Welcome.getRuntimeDelegate() == null) {
			Welcome.setRuntimeDelegate(new DefaultWelcomeRuntimeDelegate());
		}
	}

}
