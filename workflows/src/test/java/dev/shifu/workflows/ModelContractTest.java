package dev.shifu.workflows;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Message;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaInputParameter;
import org.junit.jupiter.api.Test;

/**
 * Keeps {@link ServiceOrderProcess} and the enums in step with the BPMN model, since the platform compiles against
 * them: a renamed message, bean, element or status in the model must show up here first.
 */
class ModelContractTest {

    private final BpmnModelInstance model = read();

    private static BpmnModelInstance read() {
        InputStream stream = ModelContractTest.class.getClassLoader()
            .getResourceAsStream(ServiceOrderProcess.BPMN_RESOURCE);
        return Bpmn.readModelFromStream(stream);
    }

    private static Set<String> constants(Class<?> holder) {
        return Arrays.stream(holder.getDeclaredFields())
            .filter(f -> Modifier.isStatic(f.getModifiers()) && f.getType() == String.class)
            .map(ModelContractTest::value)
            .collect(Collectors.toCollection(TreeSet::new));
    }

    private static String value(Field field) {
        try {
            return (String) field.get(null);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    private Set<String> inputValues(String name) {
        return model.getModelElementsByType(CamundaInputParameter.class).stream()
            .filter(p -> p.getCamundaName().equals(name))
            .map(CamundaInputParameter::getTextContent)
            .collect(Collectors.toCollection(TreeSet::new));
    }

    private static Set<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).collect(Collectors.toCollection(TreeSet::new));
    }

    @Test
    void everyMessageOfTheModelHasAConstantAndViceVersa() {
        Set<String> inModel = model.getModelElementsByType(Message.class).stream().map(Message::getName)
            .collect(Collectors.toCollection(TreeSet::new));

        assertThat(constants(ServiceOrderProcess.Messages.class)).isEqualTo(inModel);
    }

    @Test
    void everyDelegateBeanOfTheModelHasAConstant() {
        Pattern bean = Pattern.compile("\\$\\{(\\w+)}");
        Set<String> inModel = new TreeSet<>();
        for (ServiceTask task : model.getModelElementsByType(ServiceTask.class)) {
            if (task.getCamundaDelegateExpression() != null) {
                Matcher matcher = bean.matcher(task.getCamundaDelegateExpression());
                assertThat(matcher.matches()).as(task.getId()).isTrue();
                inModel.add(matcher.group(1));
            }
        }
        inModel.add(ServiceOrderProcess.Beans.SLA_TIMERS);
        // Form field validators and task listeners are beans too.
        Matcher others = Pattern.compile("(?:config|delegateExpression)=\"\\$\\{(\\w+)}\"").matcher(Bpmn.convertToString(model));
        while (others.find()) {
            inModel.add(others.group(1));
        }

        assertThat(constants(ServiceOrderProcess.Beans.class)).isEqualTo(inModel);
    }

    @Test
    void everyElementConstantNamesAnElementOfTheModel() {
        for (String id : constants(ServiceOrderProcess.Elements.class)) {
            assertThat((Object) model.getModelElementById(id)).as(id).isNotNull();
        }
    }

    @Test
    void everyFlowNodeHasAName() {
        List<String> unnamed = model.getModelElementsByType(FlowNode.class).stream()
            .filter(n -> n.getName() == null || n.getName().isBlank()).map(FlowNode::getId).toList();

        assertThat(unnamed).isEmpty();
    }

    @Test
    void theStatusesTheModelEmitsAreExactlyTheOrderStatuses() {
        assertThat(inputValues(ServiceOrderProcess.Inputs.NEW_STATUS)).isEqualTo(names(OrderStatus.values()));
    }

    @Test
    void theOtherInputsUseTheirEnums() {
        assertThat(names(WarningLevel.values())).isEqualTo(inputValues(ServiceOrderProcess.Inputs.WARNING_LEVEL));
        assertThat(names(WarningReason.values())).isEqualTo(inputValues(ServiceOrderProcess.Inputs.WARNING_REASON));
        assertThat(names(NotificationTemplate.values()))
            .isEqualTo(inputValues(ServiceOrderProcess.Inputs.NOTIFICATION_TEMPLATE));
        assertThat(names(ComplaintSource.values()))
            .isEqualTo(inputValues(ServiceOrderProcess.Inputs.COMPLAINT_SOURCE));
        assertThat(names(VisitType.values())).isEqualTo(inputValues(ServiceOrderProcess.Inputs.VISIT_TYPE));
    }

    @Test
    void userTasksUseTheDocumentedCandidateGroups() {
        Collection<String> groups = model.getModelElementsByType(UserTask.class).stream()
            .map(UserTask::getCamundaCandidateGroups).collect(Collectors.toCollection(TreeSet::new));

        assertThat(groups).isEqualTo(constants(ServiceOrderProcess.Groups.class));
    }
}
