package dev.shifu.platform;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import org.junit.jupiter.api.Test;
import org.mapstruct.Mapper;
import org.springframework.web.bind.annotation.RestController;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * MapStruct at the API edge only: the mappers live in the installer context's mobile API edge, and the contract's
 * generated server interfaces and DTOs ({@code dev.shifu.mobile.server}) are touched only there, by the controllers
 * that implement them and the mappers (with MapStruct's generated implementations), never by the domain.
 */
class InstallerApiEdgeTests {

	static final String EDGE = "dev.shifu.platform.installer.internal";

	static final String GENERATED = "dev.shifu.mobile.server..";

	private final JavaClasses platform = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("dev.shifu.platform");

	/** A controller or a mapper of the edge, a MapStruct implementation of one, or a class nested in one. */
	static final DescribedPredicate<JavaClass> EDGE_CLASS = DescribedPredicate.describe(
			"a controller or MapStruct mapper of the installer API edge", InstallerApiEdgeTests::edge);

	private static boolean edge(JavaClass type) {
		JavaClass outer = type;
		while (outer.getEnclosingClass().isPresent()) {
			outer = outer.getEnclosingClass().get();
		}
		JavaClass top = outer;
		return top.getPackageName().equals(EDGE) && (top.isAnnotatedWith(RestController.class)
				|| top.isAnnotatedWith(Mapper.class)
				// How the contract's requests are validated (a sync batch item by item) is part of the edge too.
				|| top.isAssignableTo(jakarta.validation.TraversableResolver.class)
				|| top.getAllRawInterfaces().stream().anyMatch(i -> i.isAnnotatedWith(Mapper.class)));
	}

	@Test
	void mapStructMappersLiveOnlyInTheInstallerApiEdge() {
		classes().that().areAnnotatedWith(Mapper.class).should().resideInAPackage(EDGE).check(platform);
		noClasses().that().resideOutsideOfPackage(EDGE).should().dependOnClassesThat().resideInAPackage("org.mapstruct..")
			.check(platform);
	}

	@Test
	void theGeneratedMobileDtosAndInterfacesAreUsedOnlyAtTheEdge() {
		noClasses().that(DescribedPredicate.not(EDGE_CLASS))
			.should()
			.dependOnClassesThat()
			.resideInAPackage(GENERATED)
			.because("the domain speaks in its own records; MapStruct maps to the contract at the edge")
			.check(platform);
		// Not vacuous: the edge does implement the contract's interfaces.
		classes().that().resideInAPackage(EDGE).and().areAnnotatedWith(RestController.class)
			.and().implement(DescribedPredicate.describe("a generated server API", (JavaClass i) ->
					i.getPackageName().equals("dev.shifu.mobile.server.api")))
			.should().dependOnClassesThat().resideInAPackage(GENERATED)
			.check(platform);
	}

}
