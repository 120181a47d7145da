package org.dvmc.host.difftest;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.dvmc.spi.Bytes;
import org.dvmc.spi.CallKind;
import org.dvmc.spi.Message;
import org.dvmc.spi.Result;
import org.dvmc.spi.StatusCode;

/**
 * Runs a {@link DiffCase} on several VMs, each against its own fresh, identically set-up {@link RecordingHost},
 * and compares everything observable: status, gas left, gas refund, output and create address of the call (and
 * of the creation, for a {@code create} case), and the host's record — storage writes with their storage
 * statuses, transient-storage writes, logs, nested call messages, selfdestructs and account accesses.
 *
 * <pre>{@code
 * DiffEngine engine = new DiffEngine();
 * Comparison comparison = engine.compare(DiffCase.call(code, 100_000, Revision.CANCUN),
 *         List.of(DiffVm.of(reference), DiffVm.of(candidate)));
 * if (!comparison.agree()) comparison.differences().forEach(System.out::println);
 * }</pre>
 *
 * <p>Stateless apart from the host set-up: thread-safe when the VMs and the set-up are; a fuzz campaign calls
 * it from several threads at once.
 */
public final class DiffEngine {

    private final Consumer<? super RecordingHost> hostSetup;

    /** An engine whose hosts are plain {@link RecordingHost}s, as {@code dvmc run} uses (no accounts, empty tx context). */
    public DiffEngine() {
        this(host -> {
        });
    }

    /**
     * An engine that prepares every fresh host with {@code hostSetup} (accounts, tx context, the canned call
     * result, …) before a VM runs against it.
     *
     * @param hostSetup called once per VM per case, possibly from several threads at once; must set every
     *                  host up identically
     */
    public DiffEngine(Consumer<? super RecordingHost> hostSetup) {
        this.hostSetup = Objects.requireNonNull(hostSetup, "hostSetup");
    }

    /**
     * Runs {@code diffCase} on every VM and compares the observations.
     *
     * @param diffCase the case to run; non-null
     * @param vms      one or more VMs, run one after the other in this order on the calling thread; the first
     *                 is the reference each other one is compared with
     * @return each VM's observation, labelled, and the fields on which some VM differs from the first (none when
     *         all agree)
     * @throws IllegalArgumentException if {@code vms} is empty
     */
    public Comparison compare(DiffCase diffCase, List<DiffVm> vms) {
        if (vms.isEmpty()) {
            throw new IllegalArgumentException("compare needs at least one VM");
        }
        List<Observation> observations = new ArrayList<>(vms.size());
        boolean allEqual = true;
        for (DiffVm vm : vms) {
            Observation observation = observe(diffCase, vm);
            allEqual &= observations.isEmpty() || observation.equals(observations.get(0));
            observations.add(observation);
        }
        List<Difference> differences = allEqual ? List.of() : Differ.differences(observations);
        return new Comparison(diffCase, vms.stream().map(DiffVm::label).toList(), observations, differences);
    }

    /**
     * Whether the VMs disagree on {@code diffCase}: like {@code !compare(…).agree()}, but stops at the first VM
     * that differs from the first and renders nothing. The fuzzer's and the shrinker's test.
     *
     * @param diffCase the case to run; non-null
     * @param vms      the VMs, run in this order on the calling thread; the first is the reference
     * @return true as soon as a VM observes something other than the first; false when all agree, and for
     *         fewer than two VMs
     */
    public boolean disagree(DiffCase diffCase, List<DiffVm> vms) {
        Observation reference = null;
        for (DiffVm vm : vms) {
            Observation observation = observe(diffCase, vm);
            if (reference == null) {
                reference = observation;
            } else if (!observation.equals(reference)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Runs {@code diffCase} on one VM against a fresh host and returns what it observed.
     *
     * <p>For a {@code create} case whose creation does not succeed, the call is not made and the observation
     * has no call outcome. Results are closed here; a release hook that throws is counted, not propagated.
     *
     * @param diffCase the case to run; non-null
     * @param vm       the VM to run it on; its executor should not throw (a throw propagates to the caller)
     * @return what the VM and its host observed; comparable with {@link Observation#equals} to another VM's
     */
    public Observation observe(DiffCase diffCase, DiffVm vm) {
        RecordingHost host = new RecordingHost();
        hostSetup.accept(host);
        int[] releaseFailures = {0};
        Bytes code = diffCase.code();
        Message.Builder call = Message.builder().gas(diffCase.gas()).input(diffCase.input());
        Optional<Outcome> creation = Optional.empty();
        if (diffCase.create()) {
            Message creationMessage = Message.builder().kind(CallKind.CREATE).recipient(DiffCase.CREATE_ADDRESS)
                    .gas(DiffCase.CREATE_GAS).build();
            Outcome created = execute(vm, host, diffCase, creationMessage, code, releaseFailures);
            creation = Optional.of(created);
            if (created.status() != StatusCode.SUCCESS) {
                return Observation.of(creation, Optional.empty(), releaseFailures[0], host);
            }
            code = created.output();
            host.account(DiffCase.CREATE_ADDRESS).code(code);
            call.recipient(DiffCase.CREATE_ADDRESS).codeAddress(DiffCase.CREATE_ADDRESS);
        }
        Outcome called = execute(vm, host, diffCase, call.build(), code, releaseFailures);
        return Observation.of(creation, Optional.of(called), releaseFailures[0], host);
    }

    private static Outcome execute(DiffVm vm, RecordingHost host, DiffCase diffCase, Message message, Bytes code,
            int[] releaseFailures) {
        Result result = vm.executor().execute(host, diffCase.revision(), message, code);
        if (result == null) {
            result = Result.internalError(new IllegalStateException(vm.label() + " returned no result (null)"));
        }
        Outcome outcome = Outcome.of(result);
        try {
            result.close();
        } catch (Throwable t) {
            // The VM's release hook is VM code: its failure is observed, never propagated.
            releaseFailures[0]++;
        }
        return outcome;
    }
}
