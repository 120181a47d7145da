package org.dvmc.host.testkit;

import java.util.stream.Stream;
import org.dvmc.spi.VmFactory;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The {@link ConformanceSuite} as JUnit 5 tests: extend it with one method naming your factory,
 * and every check becomes a test of its own.
 *
 * <pre>{@code
 * class MyVmConformanceTest extends VmConformanceTest {
 *     @Override
 *     protected VmFactory factory() { return new MyVmFactory(); }
 * }
 * }</pre>
 *
 * <p>A failing check fails its test with the check's line, which says what is wrong and what the
 * contract requires. Override {@link #suite()} to check configured instances instead.
 */
public abstract class VmConformanceTest {

    /** {@return the factory of the VM under test} */
    protected abstract VmFactory factory();

    /**
     * The suite to run; by default {@link ConformanceSuite#forFactory} of {@link #factory()}.
     *
     * @return the suite to run
     */
    protected ConformanceSuite suite() {
        return ConformanceSuite.forFactory(factory());
    }

    /**
     * One dynamic test per check, named after it.
     *
     * @return one test per check, named {@code "check-name: description"}
     */
    @TestFactory
    public Stream<DynamicTest> conformance() {
        return suite().checks().stream().map(check -> DynamicTest.dynamicTest(
                check.name() + ": " + check.description(),
                () -> {
                    CheckResult result = check.run();
                    if (!result.passed()) {
                        Assertions.fail(result.line());
                    }
                }));
    }
}
