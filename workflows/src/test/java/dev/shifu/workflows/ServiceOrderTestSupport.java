package dev.shifu.workflows;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.jobQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;

import dev.shifu.workflows.ServiceOrderProcess.Beans;
import dev.shifu.workflows.ServiceOrderProcess.Inputs;
import dev.shifu.workflows.ServiceOrderProcess.Messages;
import dev.shifu.workflows.ServiceOrderProcess.Vars;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * Deploys the models, registers mocked delegates, and drives an order through its stages. Delegates are Mockito
 * mocks whose answers do the least the platform's beans must do for the model to route (set the variables the README
 * contract says they set) and record what the model asked for (statuses, notifications, warnings).
 *
 * <p>Each concrete test class registers its own {@link TestEngine#extension()}: the extension keeps per-class state.
 */
@Deployment(resources = {ServiceOrderProcess.BPMN_RESOURCE, ServiceOrderProcess.DMN_RESOURCE})
abstract class ServiceOrderTestSupport {

    static final String ORDER_ID = "order-42";
    static final String VALID_CODE = "246810";
    static final Date BOOKED_DATE = Date.from(Instant.now().plus(Duration.ofDays(5)));

    final List<String> statuses = new ArrayList<>();
    final List<String> notifications = new ArrayList<>();
    final List<String> warnings = new ArrayList<>();
    final List<String> scheduledVisits = new ArrayList<>();
    final List<String> complaints = new ArrayList<>();
    /** Providers the candidate delegate finds, in order. */
    List<String> candidates = List.of("dealer-1", "third-party-2", "third-party-3");

    final JavaDelegate orderStatusDelegate = recording(Inputs.NEW_STATUS, statuses);
    final JavaDelegate notificationDelegate = recording(Inputs.NOTIFICATION_TEMPLATE, notifications);
    final JavaDelegate slaWarningDelegate = recording(Inputs.WARNING_LEVEL, warnings);
    final JavaDelegate scheduleJobDelegate = mock(JavaDelegate.class);
    final JavaDelegate complaintDelegate = recording(Inputs.COMPLAINT_SOURCE, complaints);
    final JavaDelegate candidateProviderDelegate = mock(JavaDelegate.class);
    final JavaDelegate providerOfferDelegate = mock(JavaDelegate.class);
    final JavaDelegate offerExpiryDelegate = mock(JavaDelegate.class);
    final JavaDelegate bookingReleaseDelegate = mock(JavaDelegate.class);
    final JavaDelegate verificationCodeDelegate = mock(JavaDelegate.class);
    final JavaDelegate brandWebhookDelegate = mock(JavaDelegate.class);
    final JavaDelegate reworkDelegate = mock(JavaDelegate.class);
    final SlaTimers slaTimers = new SlaTimers();
    /** Accepts every provider id; the platform's validator checks eligibility. */
    final org.camunda.bpm.engine.impl.form.validator.FormFieldValidator manualAssignmentValidator = (value, context) -> true;
    final org.camunda.bpm.engine.delegate.TaskListener manualAssignmentListener = task -> { };

    ProcessInstance order;

    @BeforeEach
    void registerDelegates() throws Exception {
        BpmnAwareTests.init(TestEngine.get());
        answer(candidateProviderDelegate, execution -> {
            execution.setVariable(Vars.CANDIDATE_PROVIDER_IDS, String.join(",", candidates));
            execution.setVariable(Vars.CANDIDATE_COUNT, candidates.size());
        });
        answer(providerOfferDelegate, execution -> {
            int attempt = ((Number) execution.getVariable(Vars.OFFER_ATTEMPT)).intValue();
            String[] ids = ((String) execution.getVariable(Vars.CANDIDATE_PROVIDER_IDS)).split(",");
            execution.setVariable(Vars.OFFERED_PROVIDER_ID, ids[attempt]);
        });
        answer(scheduleJobDelegate, execution -> {
            scheduledVisits.add((String) execution.getVariableLocal(Inputs.VISIT_TYPE));
            execution.setVariable(Vars.SCHEDULED_JOB_ID, "job-" + scheduledVisits.size());
        });
        answer(verificationCodeDelegate, execution -> execution.setVariable(Vars.VERIFICATION_CODE_VALID,
            VALID_CODE.equals(execution.getVariable(Vars.VERIFICATION_CODE))));
        Mocks.register(Beans.ORDER_STATUS, orderStatusDelegate);
        Mocks.register(Beans.NOTIFICATION, notificationDelegate);
        Mocks.register(Beans.SLA_WARNING, slaWarningDelegate);
        Mocks.register(Beans.CANDIDATE_PROVIDER, candidateProviderDelegate);
        Mocks.register(Beans.PROVIDER_OFFER, providerOfferDelegate);
        Mocks.register(Beans.OFFER_EXPIRY, offerExpiryDelegate);
        Mocks.register(Beans.SCHEDULE_JOB, scheduleJobDelegate);
        Mocks.register(Beans.BOOKING_RELEASE, bookingReleaseDelegate);
        Mocks.register(Beans.VERIFICATION_CODE, verificationCodeDelegate);
        Mocks.register(Beans.BRAND_WEBHOOK, brandWebhookDelegate);
        Mocks.register(Beans.COMPLAINT, complaintDelegate);
        Mocks.register(Beans.REWORK, reworkDelegate);
        Mocks.register(Beans.SLA_TIMERS, slaTimers);
        Mocks.register(Beans.MANUAL_ASSIGNMENT_VALIDATOR, manualAssignmentValidator);
        Mocks.register(Beans.MANUAL_ASSIGNMENT_LISTENER, manualAssignmentListener);
    }

    @AfterEach
    void resetDelegatesAndClock() {
        Mocks.reset();
        ClockUtil.reset();
    }

    // ------------------------------------------------------------------ mocks

    private static JavaDelegate recording(String input, List<String> into) {
        JavaDelegate delegate = mock(JavaDelegate.class);
        answer(delegate, execution -> into.add((String) execution.getVariableLocal(input)));
        return delegate;
    }

    interface Behaviour {
        void on(DelegateExecution execution) throws Exception;
    }

    static void answer(JavaDelegate delegate, Behaviour behaviour) {
        try {
            doAnswer(invocation -> {
                behaviour.on(invocation.getArgument(0));
                return null;
            }).when(delegate).execute(any());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    // ------------------------------------------------------------------ driving the process

    Map<String, Object> startVariables() {
        Map<String, Object> variables = new HashMap<>();
        variables.put(Vars.ORDER_ID, ORDER_ID);
        variables.put(Vars.BRAND_ID, "7");
        variables.put(Vars.BRAND_CODE, "globex");
        variables.put(Vars.REGION_CODE, "310101");
        variables.put(Vars.SERVICE_TYPE, "INSTALLATION");
        variables.put(Vars.MEMBER_TIER, "NORMAL");
        variables.put(Vars.GOODS_STATUS, "ARRIVED");
        variables.put(Vars.PROMISED_BY, Date.from(Instant.now().plus(Duration.ofDays(10))));
        return variables;
    }

    /** Starts the order and runs its first async step: it then waits for the consumer's booking. */
    ProcessInstance startOrder(Map<String, Object> variables) {
        order = runtimeService().startProcessInstanceByKey(ServiceOrderProcess.PROCESS_ID, ORDER_ID, variables);
        run("StatusAwaitingBookingTask");
        return order;
    }

    ProcessInstance startOrder() {
        return startOrder(startVariables());
    }

    /** Runs the async continuation or fires the timer of the given element. */
    void run(String elementId) {
        execute(job(elementId, order));
    }

    void correlate(String message, Object... keyValues) {
        Map<String, Object> payload = new HashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            payload.put((String) keyValues[i], keyValues[i + 1]);
        }
        runtimeService().createMessageCorrelation(message)
            .processInstanceBusinessKey(ORDER_ID)
            .setVariables(payload)
            .correlateWithResult();
    }

    void correlateOffer(String message, String providerId) {
        runtimeService().createMessageCorrelation(message)
            .processInstanceBusinessKey(ORDER_ID)
            .processInstanceVariableEquals(Vars.OFFERED_PROVIDER_ID, providerId)
            .correlateWithResult();
    }

    /** Consumer books; with goods already there the order moves on to dispatch. */
    void book() {
        correlate(Messages.BOOKING_CONFIRMED, Vars.BOOKED_DATE, BOOKED_DATE);
        run("StatusBookedTask");
    }

    /** Runs dispatch up to the first offer, which then waits for the provider's answer. */
    void startDispatch() {
        run("StatusDispatchingTask");
    }

    /** The offered provider accepts; the job is handed to the schedule and waits for the installation day. */
    void accept(String providerId) {
        correlateOffer(Messages.OFFER_ACCEPTED, providerId);
        run("StatusAssignedTask");
        run("ScheduleJobTask");
    }

    /** From a fresh order to waiting for installer events on the installation day. */
    void driveToInService() {
        startOrder();
        book();
        startDispatch();
        accept("dealer-1");
        run("InstallationDayTimer");
    }

    /** From a fresh order to a completed job: the fulfilment scope is left, rating and return visit are open. */
    void driveToCompleted() {
        driveToInService();
        correlate(Messages.INSTALLER_COMPLETED, Vars.VERIFICATION_CODE, VALID_CODE);
        run("StatusCompletedTask");
    }

    /** Due date of the timer (or async job) waiting at the given element. */
    Date dueDate(String elementId) {
        return job(elementId, order).getDuedate();
    }

    /** Jobs of this order still pending, by element id. */
    List<String> pendingJobElements() {
        return jobQuery().processInstanceId(order.getId()).list().stream()
            .map(j -> managementService().createJobDefinitionQuery().jobDefinitionId(j.getJobDefinitionId())
                .singleResult().getActivityId())
            .sorted().toList();
    }

    Object variable(String name) {
        return runtimeService().getVariable(order.getId(), name);
    }
}
