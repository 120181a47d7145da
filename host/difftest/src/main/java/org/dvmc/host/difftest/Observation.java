package org.dvmc.host.difftest;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.dvmc.host.testkit.LogRecord;
import org.dvmc.host.testkit.SelfdestructRecord;
import org.dvmc.spi.Address;
import org.dvmc.spi.Message;

/**
 * Everything observable of one VM on one {@link DiffCase}: the results and the host's record. Two VMs agree on
 * a case when their observations are equal. Immutable.
 *
 * @param creation         the creation's outcome, when the case has {@code create}
 * @param call             the call's outcome; empty when a creation did not succeed (nothing was called)
 * @param releaseFailures  how many results' release hooks threw (0 for a well-behaved VM)
 * @param storageWrites    the storage writes with their statuses, in order (the first
 *                         {@link RecordingHost#MAX_RECORDED_WRITES})
 * @param transientWrites  the transient-storage writes, in order
 * @param logs             the logs emitted, in order
 * @param calls            the nested call messages, in order
 * @param selfdestructs    the selfdestructs, in order
 * @param accountAccesses  the accounts accessed through any callback, in order, repeats included
 * @param totals           how many of each record there were, recorded or not
 */
public record Observation(Optional<Outcome> creation, Optional<Outcome> call, int releaseFailures,
        List<StorageWrite> storageWrites, List<StorageWrite> transientWrites, List<LogRecord> logs,
        List<Message> calls, List<SelfdestructRecord> selfdestructs, List<Address> accountAccesses, Totals totals) {

    /**
     * How many records of each kind the host saw, which may exceed what it kept.
     *
     * @param storageWrites   storage writes
     * @param transientWrites transient-storage writes
     * @param logs            logs
     * @param calls           nested calls
     * @param selfdestructs   selfdestructs
     * @param accountAccesses account accesses
     */
    public record Totals(long storageWrites, long transientWrites, long logs, long calls, long selfdestructs,
            long accountAccesses) {
    }

    /**
     * Checks the fields and copies the lists.
     *
     * @param creation        the creation's outcome; non-null, empty when the case has no {@code create}
     * @param call            the call's outcome; non-null, empty when a creation did not succeed
     * @param releaseFailures how many results' release hooks threw, 0 or more
     * @param storageWrites   the recorded storage writes, in order; non-null, without nulls; copied
     * @param transientWrites the recorded transient-storage writes, in order; non-null, without nulls; copied
     * @param logs            the recorded logs, in order; non-null, without nulls; copied
     * @param calls           the recorded nested call messages, in order; non-null, without nulls; copied
     * @param selfdestructs   the recorded selfdestructs, in order; non-null, without nulls; copied
     * @param accountAccesses the recorded account accesses, in order, repeats included; non-null, without
     *                        nulls; copied
     * @param totals          how many of each record there were, recorded or not; non-null
     * @throws NullPointerException if a field or a list element is null
     */
    public Observation {
        Objects.requireNonNull(creation, "creation");
        Objects.requireNonNull(call, "call");
        storageWrites = List.copyOf(storageWrites);
        transientWrites = List.copyOf(transientWrites);
        logs = List.copyOf(logs);
        calls = List.copyOf(calls);
        selfdestructs = List.copyOf(selfdestructs);
        accountAccesses = List.copyOf(accountAccesses);
        Objects.requireNonNull(totals, "totals");
    }

    /** What {@code host} recorded, with the outcomes of the execution. */
    static Observation of(Optional<Outcome> creation, Optional<Outcome> call, int releaseFailures, RecordingHost host) {
        return new Observation(creation, call, releaseFailures, host.recordedStorageWrites(), host.recordedTransientWrites(),
                host.recordedLogs(), host.recordedCalls(), host.recordedSelfdestructs(), host.recordedAccountAccesses(),
                new Totals(host.totalStorageWrites(), host.totalTransientWrites(), host.totalLogs(), host.totalCalls(),
                        host.totalSelfdestructs(), host.totalAccountAccesses()));
    }
}
