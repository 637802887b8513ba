package dev.larder;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The dependency rules of docs/architecture.md, checked on the compiled classes. */
@AnalyzeClasses(packages = "dev.larder", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule packagingIsPureValuesWithoutIo = classes()
            .that().resideInAPackage("dev.larder.packaging..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("dev.larder.packaging..", "java.lang..",
                    "java.util..", "java.math..", "java.nio", "java.nio.charset..");

    @ArchTest
    static final ArchRule storageKnowsNothingOfProjectsOrIndexes = noClasses()
            .that().resideInAPackage("dev.larder.storage..")
            .should().dependOnClassesThat(resideInAPackage("dev.larder..").and(resideOutsideOfPackage("dev.larder.storage..")));

    @ArchTest
    static final ArchRule onlyControllersKnowStatusCodes = noClasses()
            .that().haveSimpleNameNotEndingWith("Controller")
            .and().resideOutsideOfPackage("dev.larder.platform..")
            .and().haveNameNotMatching(".*\\.\\$.*") // bean definitions Micronaut generates for controllers
            .should().dependOnClassesThat().haveFullyQualifiedName("io.micronaut.http.HttpStatus")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("io.micronaut.http.HttpResponse")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("io.micronaut.http.MutableHttpResponse");

    @ArchTest
    static final ArchRule featuresDoNotDependOnEachOtherInCircles = slices()
            .matching("dev.larder.(*)..")
            .should().beFreeOfCycles();
}
