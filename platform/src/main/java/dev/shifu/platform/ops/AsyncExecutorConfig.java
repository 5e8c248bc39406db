package dev.shifu.platform.ops;

import org.springframework.aop.interceptor.AsyncExecutionAspectSupport;
import org.springframework.boot.task.ThreadPoolTaskExecutorBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * The one executor of the async event listeners ({@code @ApplicationModuleListener}, {@code @Async}).
 *
 * <p>Camunda's job executor brings a {@code TaskExecutor} bean and {@code @EnableScheduling} another, so Spring Boot
 * backs off its own, {@code @Async} finds several and none named {@code taskExecutor}, and falls back to a new thread
 * per event: under a surge, dozens of threads each holding a database connection. This pool is bounded by
 * {@code spring.task.execution.pool.*}. What happens when its queue is full: {@link ListenerOverflow}.
 */
@Configuration(proxyBeanMethods = false)
class AsyncExecutorConfig {

	@Bean(name = { AsyncExecutionAspectSupport.DEFAULT_TASK_EXECUTOR_BEAN_NAME, "applicationTaskExecutor" })
	ThreadPoolTaskExecutor taskExecutor(ThreadPoolTaskExecutorBuilder builder, MeterRegistry meters) {
		ThreadPoolTaskExecutor executor = builder.build();
		executor.setRejectedExecutionHandler(new ListenerOverflow(meters));
		return executor;
	}

}
