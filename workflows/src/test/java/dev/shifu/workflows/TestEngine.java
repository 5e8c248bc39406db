package dev.shifu.workflows;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.MockExpressionManager;

/**
 * One in-memory engine for all tests of this module: H2, full history, no job executor (tests run jobs by hand) and
 * the mock expression manager, so beans registered with {@code Mocks.register} resolve in the model's expressions.
 */
final class TestEngine {

    private static ProcessEngine engine;

    private TestEngine() {
    }

    /** A JUnit extension on the shared engine; register one per test class (it clears its state after the class). */
    static ProcessEngineExtension extension() {
        return ProcessEngineExtension.builder().useProcessEngine(get()).build();
    }

    static synchronized ProcessEngine get() {
        if (engine == null) {
            ProcessEngineConfigurationImpl configuration = new StandaloneInMemProcessEngineConfiguration();
            configuration.setJdbcUrl("jdbc:h2:mem:shifu-workflows;DB_CLOSE_DELAY=-1");
            configuration.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_CREATE_DROP);
            configuration.setJobExecutorActivate(false);
            configuration.setHistory(ProcessEngineConfiguration.HISTORY_FULL);
            configuration.setExpressionManager(new MockExpressionManager());
            configuration.setProcessEngineName("shifu-workflows-test");
            engine = configuration.buildProcessEngine();
        }
        return engine;
    }
}
