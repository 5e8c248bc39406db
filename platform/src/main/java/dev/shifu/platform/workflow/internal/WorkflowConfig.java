package dev.shifu.platform.workflow.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.shifu.workflows.ServiceOrderProcess;
import dev.shifu.workflows.SlaTimers;

@Configuration(proxyBeanMethods = false)
class WorkflowConfig {

	/** Every timer of the model reads its duration from this bean, so profiles can shorten a whole lifecycle. */
	@Bean(ServiceOrderProcess.Beans.SLA_TIMERS)
	@ConfigurationProperties("shifu.sla-timers")
	SlaTimers slaTimers() {
		return new SlaTimers();
	}

}
