package dev.shifu.platform.task.internal;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.Expression;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

import dev.shifu.platform.identity.StaffGroups;
import dev.shifu.workflows.ServiceOrderProcess.Vars;

/**
 * Dispatcher tasks per city in Tasklist: every user task whose candidate groups include the plain {@code dispatcher}
 * group also gets its order's city group ({@code dispatcher-330100} for an order in 330106), which the engine grants
 * the task to like any candidate group. Dispatchers are members of their cities' groups in Camunda's webapps, so
 * Tasklist shows each their regions' tasks; the plain group stays for the platform's staff task API, which queries
 * as the plain group and filters by region itself. Added as a built-in create listener by parse listener, so models
 * need nothing and skipping custom listeners cannot drop it; tasks opened before this existed get their group at
 * start-up.
 */
@Component
class RegionCandidateGroups extends AbstractProcessEnginePlugin implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(RegionCandidateGroups.class);

	/** Created lazily: the plugin is a bean the engine is built from, the services come from that engine. */
	private final ObjectProvider<TaskService> tasks;

	private final ObjectProvider<RuntimeService> runtime;

	RegionCandidateGroups(ObjectProvider<TaskService> tasks, ObjectProvider<RuntimeService> runtime) {
		this.tasks = tasks;
		this.runtime = runtime;
	}

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		if (configuration.getCustomPostBPMNParseListeners() == null) {
			configuration.setCustomPostBPMNParseListeners(new ArrayList<>());
		}
		configuration.getCustomPostBPMNParseListeners().add(new AbstractBpmnParseListener() {

			@Override
			public void parseUserTask(Element userTask, ScopeImpl scope, ActivityImpl activity) {
				if (activity.getActivityBehavior() instanceof UserTaskActivityBehavior behavior
						&& isDispatcherTask(behavior.getTaskDefinition())) {
					behavior.getTaskDefinition().addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE, CITY_GROUP);
				}
			}

		});
	}

	private static boolean isDispatcherTask(TaskDefinition definition) {
		return definition.getCandidateGroupIdExpressions()
			.stream()
			.map(Expression::getExpressionText)
			.anyMatch(text -> StaffGroups.DISPATCHERS.equals(text.trim()));
	}

	/** Adds the order's city group; an order without a region code keeps the plain group only (admins see it). */
	private static final TaskListener CITY_GROUP = task -> {
		String group = cityGroup(task.getVariable(Vars.REGION_CODE));
		if (group != null) {
			task.addCandidateGroup(group);
		}
		else {
			log.warn("Dispatcher task {} of process {} has no region code: no dispatcher sees it in Tasklist",
					task.getTaskDefinitionKey(), task.getProcessInstanceId());
		}
	};

	private static String cityGroup(Object regionCode) {
		String city = StaffGroups.cityOf(regionCode == null ? null : String.valueOf(regionCode));
		return city == null ? null : StaffGroups.dispatchersOf(city);
	}

	/** Open dispatcher tasks created before the city groups existed get theirs. */
	@Override
	public void run(ApplicationArguments args) {
		TaskService taskService = tasks.getObject();
		int added = 0;
		for (int first = 0;; first += 500) {
			List<Task> page = taskService.createTaskQuery()
				.taskCandidateGroup(StaffGroups.DISPATCHERS)
				.includeAssignedTasks()
				.orderByTaskId()
				.asc()
				.listPage(first, 500);
			for (Task task : page) {
				List<IdentityLink> links = taskService.getIdentityLinksForTask(task.getId());
				if (task.getProcessInstanceId() == null || links.stream()
					.anyMatch(l -> IdentityLinkType.CANDIDATE.equals(l.getType()) && StaffGroups.isRegionGroup(l.getGroupId()))) {
					continue;
				}
				String group = cityGroup(runtime.getObject().getVariable(task.getProcessInstanceId(), Vars.REGION_CODE));
				if (group != null) {
					taskService.addCandidateGroup(task.getId(), group);
					added++;
				}
			}
			if (page.size() < 500) {
				break;
			}
		}
		if (added > 0) {
			log.info("Gave {} open dispatcher tasks their city's candidate group", added);
		}
	}

}
