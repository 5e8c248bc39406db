package dev.shifu.workflows;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Table tests of the {@code dispatch-policy} decision, evaluated directly through the decision service. */
@Deployment(resources = ServiceOrderProcess.DMN_RESOURCE)
class DispatchPolicyDecisionTest {

    @RegisterExtension
    static ProcessEngineExtension extension = TestEngine.extension();

    private DmnDecisionRuleResult evaluate(String brand, String region, String serviceType, String tier) {
        Map<String, Object> inputs = Variables.createVariables()
            .putValue("brandCode", brand)
            .putValue("regionCode", region)
            .putValue("serviceType", serviceType)
            .putValue("memberTier", tier);
        return extension.getDecisionService()
            .evaluateDecisionTableByKey(ServiceOrderProcess.DISPATCH_POLICY_DECISION, inputs)
            .getSingleResult();
    }

    @ParameterizedTest(name = "{0}/{1}/{2}/{3} -> {4}, min {5}, {6} offers")
    @CsvSource({
        // brand,    region, service type,  tier,       channels,             min rating, offers
        "globex,     310101,     INSTALLATION,  NORMAL,   'DEALER,THIRD_PARTY', 3.5,        5",
        "globex,     310101,     INSTALLATION,  GOLD,       'DEALER,THIRD_PARTY', 4.0,        4",
        "globex,     110105,     REPAIR,        PLATINUM,   'DEALER,THIRD_PARTY', 4.5,        3",
        "acme,       310101,     INSTALLATION,  NORMAL,   DEALER,               3.5,        3",
        "acme,       440106,     REPAIR,        PLATINUM,   DEALER,               4.5,        3",
        "breeze   ,  310101,     REPAIR,        NORMAL,   'THIRD_PARTY,DEALER', 4.0,        3",
        "breeze   ,  310101,     REPAIR,        PLATINUM,   'THIRD_PARTY,DEALER', 4.5,        3",
        "breeze   ,  310101,     INSTALLATION,  NORMAL,   'DEALER,THIRD_PARTY', 3.5,        5",
        "acme,       540102,     INSTALLATION,  NORMAL,   THIRD_PARTY,          3.5,        5",
        "globex,     650102,     REPAIR,        PLATINUM,   THIRD_PARTY,          4.5,        5",
        "breeze   ,  630102,     REPAIR,        GOLD,       THIRD_PARTY,          3.5,        5",
    })
    void decidesChannelOrderMinimumRatingAndOfferLimit(String brand, String region, String serviceType, String tier,
            String channels, double minRating, int offers) {
        DmnDecisionRuleResult result = evaluate(brand, region, serviceType, tier);

        assertThat(result.<String>getEntry("channelOrder")).isEqualTo(channels);
        assertThat(result.<Double>getEntry("minProviderRating")).isEqualTo(minRating);
        assertThat(result.<Integer>getEntry("maxOfferAttempts")).isEqualTo(offers);
    }

    @ParameterizedTest(name = "PLATINUM at {0} in {1} for {2}")
    @CsvSource({
        "globex,    310101, INSTALLATION",
        "acme,      310101, INSTALLATION",
        "breeze   , 310101, REPAIR",
        "breeze   , 330106, INSTALLATION",
        "initech,   540102, REPAIR",
    })
    void platinumMembersOnlyGetProvidersRatedAtLeast4Point5(String brand, String region, String serviceType) {
        assertThat(evaluate(brand, region, serviceType, "PLATINUM").<Double>getEntry("minProviderRating"))
            .isEqualTo(4.5);
    }
}
