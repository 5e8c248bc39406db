package dev.shifu.platform.ops;

import java.util.concurrent.ThreadPoolExecutor;

import org.springframework.aop.interceptor.AsyncExecutionAspectSupport;
import org.springframework.boot.task.ThreadPoolTaskExecutorBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * The one executor of the async event listeners ({@code @ApplicationModuleListener}, {@code @Async}).
 *
 * <p>Camunda's job executor brings a {@code TaskExecutor} bean and {@code @EnableScheduling} another, so Spring Boot
 * backs off its own, {@code @Async} finds several and none named {@code taskExecutor}, and falls back to a new thread
 * per event: under a surge, dozens of threads each holding a database connection. This pool is bounded by
 * {@code spring.task.execution.pool.*}. When its queue is full the publishing thread runs the listener itself, which
 * slows intake instead of dropping work; a listener that never ran stays an incomplete publication and is
 * resubmitted.
 */
@Configuration(proxyBeanMethods = false)
class AsyncExecutorConfig {

	@Bean(name = { AsyncExecutionAspectSupport.DEFAULT_TASK_EXECUTOR_BEAN_NAME, "applicationTaskExecutor" })
	ThreadPoolTaskExecutor taskExecutor(ThreadPoolTaskExecutorBuilder builder) {
		ThreadPoolTaskExecutor executor = builder.build();
		executor.setRejectedExecutionHandler(new ThreadPoolExecutor.CallerRunsPolicy());
		return executor;
	}

}
