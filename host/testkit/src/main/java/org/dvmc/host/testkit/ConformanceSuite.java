package org.dvmc.host.testkit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.dvmc.spi.Vm;
import org.dvmc.spi.VmFactory;

/**
 * Checks any VM against the DVMC contract: the factory's codename (for a suite made from a factory), ABI
 * version, name, version, capabilities, the result
 * rules for failing and random code as CALL and CREATE, options, precompiles (when claimed),
 * independence of executions, concurrency on one instance, and a double {@code close()}.
 *
 * <p>Two ways to use it: {@link #run()} gives one {@link CheckResult} per check (what
 * {@code dvmc --vm CONFIG test-vm} prints), and {@code VmConformanceTest} of {@code dvmc-testkit-junit}
 * turns each check into a JUnit test. This class, like all of {@code dvmc-testkit}, uses no test framework.
 *
 * <p>Every check makes its own instances from the factory or supplier and closes them, so checks are
 * independent and may run in any order. A whole run takes well under two seconds for a simple
 * interpreter (the precompile sweep, 65,536 calls, only runs for VMs claiming PRECOMPILES).
 *
 * <p>Immutable and thread-safe; the checks it hands out may be run from any thread.
 */
public final class ConformanceSuite {

    /** How long one check may take before it fails as hanging. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

    private final VmSource source;
    /** The factory under test, for the codename check; empty for a suite made from a supplier. */
    private final Optional<VmFactory> factory;
    private final Duration timeout;

    private ConformanceSuite(VmSource source, Optional<VmFactory> factory, Duration timeout) {
        this.source = source;
        this.factory = factory;
        this.timeout = timeout;
    }

    /**
     * A suite checking {@code factory} and the VM it creates: the first check, {@code codename}, checks the
     * factory's codename; every other check calls {@code create()} for the instances it needs and closes them.
     *
     * @param factory the factory of the VM under test
     * @return the suite
     */
    public static ConformanceSuite forFactory(VmFactory factory) {
        Objects.requireNonNull(factory, "factory");
        return new ConformanceSuite(new VmSource(labelOf(factory), factory::create), Optional.of(factory),
                DEFAULT_TIMEOUT);
    }

    /**
     * A suite checking the instances {@code vms} supplies, e.g. ones a host created and configured
     * with options.
     *
     * @param label how reports name the VM, e.g. its configuration {@code "trans_log,verbose=1"}
     * @param vms   makes a fresh, configured instance on every {@code get()}; the suite closes each one
     * @return a suite without the {@code codename} check, as there is no factory to ask (a host checks the
     *         codename when it finds the factory)
     */
    public static ConformanceSuite forSupplier(String label, Supplier<? extends Vm> vms) {
        return new ConformanceSuite(new VmSource(label, vms), Optional.empty(), DEFAULT_TIMEOUT);
    }

    /**
     * This suite with another per-check timeout (positive).
     *
     * @param timeout how long each check may take
     * @return a new suite; this one is unchanged
     * @throws IllegalArgumentException if {@code timeout} is zero or negative
     */
    public ConformanceSuite withTimeout(Duration timeout) {
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("conformance check timeout must be positive but was " + timeout);
        }
        return new ConformanceSuite(source, factory, timeout);
    }

    /** {@return how reports name the VM under test} */
    public String label() {
        return source.label();
    }

    /** {@return the checks, in the order {@link #run()} runs them; none has run yet} */
    public List<ConformanceCheck> checks() {
        List<ConformanceCheck> checks = new ArrayList<>();
        factory.ifPresent(vmFactory -> checks.add(check("codename", "the factory's codename() matches"
                + " VmFactory.CODENAME_PATTERN and is the same on every call", () -> FactoryChecks.codename(vmFactory))));
        checks.addAll(List.of(
                check("abi-version", "abiVersion() equals the host's Dvmc.ABI_VERSION",
                        () -> IdentityChecks.abiVersion(source)),
                check("name", "name() is non-empty and the same on every call",
                        () -> IdentityChecks.name(source)),
                check("version", "version() is non-empty and the same on every call",
                        () -> IdentityChecks.version(source)),
                check("capabilities", "capabilities() holds at least one capability and is the same on every call",
                        () -> IdentityChecks.capabilities(source)),
                check("call-fe00", "fe00 as a CALL with 65536 gas gives gas left 0 and no output unless"
                        + " success or revert, and a zero create address", () -> ExecutionChecks.callFe00(source)),
                check("create-fe00", "fe00 as a CREATE with 65536 gas gives gas left 0 and no output unless success"
                        + " or revert, and a zero create address unless the creation succeeded",
                        () -> ExecutionChecks.createFe00(source)),
                check("result-rules", "fixed and seeded random programs give results within the gas and output rules",
                        () -> ExecutionChecks.resultRules(source)),
                check("option-unknown-name", "setOption with an unknown name gives INVALID_NAME, also for a null"
                        + " or empty value", () -> OptionChecks.unknownName(source)),
                check("option-verbose", "if verbose=1 is accepted, a nonsense verbose value gives INVALID_VALUE",
                        () -> OptionChecks.verbose(source)),
                check("precompiles", "with PRECOMPILES, calls to 0x0000..0xffff give only success, out of gas,"
                        + " failure, revert or rejected within the gas rules", () -> ExecutionChecks.precompiles(source)),
                check("independence", "the same executions twice on one instance give equal results",
                        () -> ComparisonChecks.independence(source)),
                check("concurrency", "many threads executing on one instance give the results one thread gives",
                        () -> ComparisonChecks.concurrency(source)),
                check("close-twice", "close() twice after an execution is harmless",
                        () -> LifecycleChecks.closeTwice(source))));
        return List.copyOf(checks);
    }

    /**
     * Runs every check in order.
     *
     * @return one result per check, in the order of {@link #checks()}; never throws
     */
    public List<CheckResult> run() {
        return checks().stream().map(ConformanceCheck::run).toList();
    }

    private ConformanceCheck check(String name, String description, ConformanceCheck.Procedure procedure) {
        return new ConformanceCheck(name, description, timeout, procedure);
    }

    private static String labelOf(VmFactory factory) {
        try {
            return factory.codename() + " (" + factory.getClass().getName() + ")";
        } catch (Throwable t) {
            // A broken factory still gets checked; its create() will say what is wrong.
            return factory.getClass().getName();
        }
    }
}
