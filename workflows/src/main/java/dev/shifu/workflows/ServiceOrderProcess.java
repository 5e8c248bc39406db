package dev.shifu.workflows;

/**
 * Names the platform needs to drive the {@code service-order} process: ids, messages, variables, delegate beans.
 * Kept in step with {@code bpmn/service-order.bpmn} and {@code dmn/dispatch-policy.dmn}; the README of this module
 * describes what each delegate must do. Plain constants, no Camunda dependency.
 */
public final class ServiceOrderProcess {

    /** Process definition key. Start one instance per accepted order, business key = order id. */
    public static final String PROCESS_ID = "service-order";
    /** Decision key of the dispatch policy table. */
    public static final String DISPATCH_POLICY_DECISION = "dispatch-policy";
    /** Classpath location of the BPMN model. */
    public static final String BPMN_RESOURCE = "bpmn/service-order.bpmn";
    /** Classpath location of the DMN model. */
    public static final String DMN_RESOURCE = "dmn/dispatch-policy.dmn";

    private ServiceOrderProcess() {
    }

    /** Message names. Correlate all of them by business key (= order id); see the README for payloads. */
    public static final class Messages {
        /** Consumer booked a window. Payload: bookedDate (Date). */
        public static final String BOOKING_CONFIRMED = "BookingConfirmed";
        /** Consumer moved the booked window while goods are awaited or the job is scheduled. Payload: bookedDate. */
        public static final String BOOKING_CHANGED = "BookingChanged";
        /** Goods (or replacement goods) arrived. No payload needed; the process sets goodsStatus=ARRIVED. */
        public static final String GOODS_ARRIVED = "GoodsArrived";
        /** Offered provider accepted. Also match processInstanceVariableEquals(offeredProviderId, providerId). */
        public static final String OFFER_ACCEPTED = "OfferAccepted";
        /** Offered provider declined. Also match processInstanceVariableEquals(offeredProviderId, providerId). */
        public static final String OFFER_DECLINED = "OfferDeclined";
        public static final String INSTALLER_EN_ROUTE = "InstallerEnRoute";
        public static final String INSTALLER_ARRIVED = "InstallerArrived";
        public static final String INSTALLER_STARTED = "InstallerStarted";
        /** Installer finished a visit. Payload: verificationCode (String) for the regular visit. */
        public static final String INSTALLER_COMPLETED = "InstallerCompleted";
        /** Installer hit a problem on site. Payload: exceptionReason (String, {@link ExceptionReason}), exceptionNote. */
        public static final String INSTALLER_EXCEPTION = "InstallerException";
        /** Consumer rated. Payload: ratingStars (Integer 1-5), ratingTags (String), ratingComment (String). */
        public static final String RATING_SUBMITTED = "RatingSubmitted";
        /** Brand or consumer cancelled. Payload: cancelledBy (BRAND|CONSUMER), cancelReason. Only before completion. */
        public static final String ORDER_CANCELLED = "OrderCancelled";

        private Messages() {
        }
    }

    /** Process variable names. */
    public static final class Vars {
        // start variables
        public static final String ORDER_ID = "orderId";
        public static final String BRAND_ID = "brandId";
        /** The brand's code (e.g. {@code mulan}); the dispatch policy's brand rows match on it. */
        public static final String BRAND_CODE = "brandCode";
        public static final String REGION_CODE = "regionCode";
        /**
         * The order's region's time zone id (e.g. {@code Europe/Berlin}): its calendar defines the booked day and the
         * date timers ({@link SlaTimers}). Optional: without it the timers use {@link SlaTimers#getZone()}.
         */
        public static final String ZONE = "zone";
        public static final String SERVICE_TYPE = "serviceType";
        public static final String MEMBER_TIER = "memberTier";
        public static final String GOODS_STATUS = "goodsStatus";
        /** Boolean: whether the service touches the goods; false (MEASUREMENT, REPAIR) skips the goods wait. */
        public static final String NEEDS_GOODS = "needsGoods";
        public static final String PROMISED_BY = "promisedBy";
        // booking
        public static final String BOOKED_DATE = "bookedDate";
        // dispatch
        public static final String DISPATCH_CHANNELS = "dispatchChannels";
        public static final String MIN_PROVIDER_RATING = "minProviderRating";
        public static final String MAX_OFFER_ATTEMPTS = "maxOfferAttempts";
        public static final String CANDIDATE_PROVIDER_IDS = "candidateProviderIds";
        public static final String CANDIDATE_COUNT = "candidateCount";
        public static final String OFFER_ATTEMPT = "offerAttempt";
        public static final String OFFERED_PROVIDER_ID = "offeredProviderId";
        public static final String ASSIGNED_PROVIDER_ID = "assignedProviderId";
        // schedule and visit
        public static final String SCHEDULED_JOB_ID = "scheduledJobId";
        public static final String ASSIGNED_INSTALLER_ID = "assignedInstallerId";
        public static final String PREFERRED_INSTALLER_ID = "preferredInstallerId";
        /** Set by {@link Beans#REWORK}: the installer the rework visit should not go to (the original one), if any. */
        public static final String AVOIDED_INSTALLER_ID = "avoidedInstallerId";
        public static final String EXCEPTION_REASON = "exceptionReason";
        public static final String EXCEPTION_NOTE = "exceptionNote";
        public static final String VERIFICATION_CODE = "verificationCode";
        public static final String VERIFICATION_CODE_VALID = "verificationCodeValid";
        public static final String VERIFICATION_FAILURE_COUNT = "verificationFailureCount";
        public static final String REVISIT_COUNT = "revisitCount";
        public static final String ADDRESS_RESOLUTION = "addressResolution";
        public static final String ADDRESS_NOTE = "addressNote";
        public static final String CONSUMER_REACHED = "consumerReached";
        public static final String CONTACT_NOTE = "contactNote";
        // after care
        public static final String RATING_STARS = "ratingStars";
        public static final String RATING_TAGS = "ratingTags";
        public static final String RATING_COMMENT = "ratingComment";
        public static final String REWORK_COUNT = "reworkCount";
        public static final String RETURN_VISIT_OUTCOME = "returnVisitOutcome";
        public static final String RETURN_VISIT_NOTE = "returnVisitNote";
        // cancellation
        public static final String CANCELLED_BY = "cancelledBy";
        public static final String CANCEL_REASON = "cancelReason";

        private Vars() {
        }
    }

    /**
     * Local input parameters the model passes to shared delegates (read them with
     * {@code execution.getVariableLocal(name)}; they are constants set in the model, one per task).
     */
    public static final class Inputs {
        /** {@link OrderStatus} name, for {@link Beans#ORDER_STATUS}. */
        public static final String NEW_STATUS = "newStatus";
        /** {@link NotificationTemplate} name, for {@link Beans#NOTIFICATION}. */
        public static final String NOTIFICATION_TEMPLATE = "notificationTemplate";
        /** {@link WarningLevel} name, for {@link Beans#SLA_WARNING}. */
        public static final String WARNING_LEVEL = "warningLevel";
        /** {@link WarningReason} name, for {@link Beans#SLA_WARNING}. */
        public static final String WARNING_REASON = "warningReason";
        /** Brand webhook event name (GOODS_DAMAGED), for {@link Beans#BRAND_WEBHOOK}. */
        public static final String WEBHOOK_EVENT = "webhookEvent";
        /** {@link ComplaintSource} name, for {@link Beans#COMPLAINT}. */
        public static final String COMPLAINT_SOURCE = "complaintSource";
        /** {@link VisitType} name, for {@link Beans#SCHEDULE_JOB}. */
        public static final String VISIT_TYPE = "visitType";

        private Inputs() {
        }
    }

    /** Bean names the model resolves ({@code camunda:delegateExpression="${name}"} and timer expressions). */
    public static final class Beans {
        public static final String ORDER_STATUS = "orderStatusDelegate";
        public static final String NOTIFICATION = "notificationDelegate";
        public static final String SLA_WARNING = "slaWarningDelegate";
        public static final String CANDIDATE_PROVIDER = "candidateProviderDelegate";
        public static final String PROVIDER_OFFER = "providerOfferDelegate";
        public static final String OFFER_EXPIRY = "offerExpiryDelegate";
        public static final String SCHEDULE_JOB = "scheduleJobDelegate";
        public static final String BOOKING_RELEASE = "bookingReleaseDelegate";
        public static final String VERIFICATION_CODE = "verificationCodeDelegate";
        public static final String BRAND_WEBHOOK = "brandWebhookDelegate";
        public static final String COMPLAINT = "complaintDelegate";
        public static final String REWORK = "reworkDelegate";
        /**
         * A form field validator ({@code camunda:constraint name="validator"}) on {@code assignedProviderId} of
         * {@link Elements#ASSIGN_MANUALLY_TASK}: refuses a provider that may not take the order, with the reason.
         */
        public static final String MANUAL_ASSIGNMENT_VALIDATOR = "manualAssignmentValidator";
        /** A complete task listener on {@link Elements#ASSIGN_MANUALLY_TASK}: the same check for every completion. */
        public static final String MANUAL_ASSIGNMENT_LISTENER = "manualAssignmentListener";
        /** An instance of {@link SlaTimers}: every timer of the model reads its duration or date from it. */
        public static final String SLA_TIMERS = "slaTimers";

        private Beans() {
        }
    }

    /** Candidate groups of the user tasks. */
    public static final class Groups {
        public static final String DISPATCHER = "dispatcher";
        public static final String CUSTOMER_SERVICE = "customer-service";

        private Groups() {
        }
    }

    /** BPMN error codes. */
    public static final class Errors {
        /** Thrown by the cancellation event sub-process, caught on the fulfilment to end the order as CANCELLED. */
        public static final String ORDER_CANCELLED = "ORDER_CANCELLED";

        private Errors() {
        }
    }

    /** Element ids of the BPMN model (wait states and the elements the platform or Cockpit users care about). */
    public static final class Elements {
        public static final String FULFILMENT = "FulfilmentSubProcess";
        public static final String AWAIT_BOOKING_TASK = "AwaitBookingTask";
        public static final String BOOKING_REMINDER_TIMER = "BookingReminderTimer";
        public static final String BOOKING_ESCALATION_TIMER = "BookingEscalationTimer";
        public static final String PHONE_CONSUMER_TASK = "PhoneConsumerTask";
        public static final String CONTACT_SLA_TIMER = "ContactSlaTimer";
        public static final String GOODS_OR_DEADLINE_GATEWAY = "GoodsOrDeadlineGateway";
        public static final String GOODS_ARRIVED_EVENT = "GoodsArrivedEvent";
        public static final String GOODS_LATE_TIMER = "GoodsLateTimer";
        public static final String DISPATCH = "DispatchSubProcess";
        public static final String DECIDE_DISPATCH_POLICY_TASK = "DecideDispatchPolicyTask";
        public static final String OFFER_ANSWER_GATEWAY = "OfferAnswerGateway";
        public static final String OFFER_EXPIRED_TIMER = "OfferExpiredTimer";
        public static final String ASSIGN_MANUALLY_TASK = "AssignManuallyTask";
        public static final String INSTALLATION_DAY_GATEWAY = "InstallationDayGateway";
        public static final String INSTALLATION_DAY_TIMER = "InstallationDayTimer";
        public static final String INSTALLER_EVENT_GATEWAY = "InstallerEventGateway";
        public static final String GOODS_REPLACEMENT = "GoodsReplacementSubProcess";
        public static final String AWAIT_REPLACEMENT_GOODS_TASK = "AwaitReplacementGoodsTask";
        public static final String RESOLVE_ADDRESS_TASK = "ResolveAddressTask";
        public static final String PROMISED_BY_AT_RISK_TIMER = "PromisedByAtRiskTimer";
        public static final String AWAIT_RATING_TASK = "AwaitRatingTask";
        public static final String RATING_TIMEOUT_TIMER = "RatingTimeoutTimer";
        public static final String REWORK = "ReworkSubProcess";
        /** Waits for {@link Messages#BOOKING_CONFIRMED}: the rework visit's day (consumer link or dispatcher). */
        public static final String AWAIT_REWORK_BOOKING_TASK = "AwaitReworkBookingTask";
        public static final String AWAIT_REWORK_DONE_TASK = "AwaitReworkDoneTask";
        public static final String RETURN_VISIT_DUE_TIMER = "ReturnVisitDueTimer";
        public static final String RETURN_VISIT_TASK = "ReturnVisitTask";
        public static final String ORDER_CLOSED_END = "OrderClosedEndEvent";
        public static final String ORDER_CANCELLED_END = "OrderCancelledEndEvent";

        private Elements() {
        }
    }
}
