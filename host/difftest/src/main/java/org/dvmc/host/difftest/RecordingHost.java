package org.dvmc.host.difftest;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.dvmc.host.testkit.MockedHost;
import org.dvmc.spi.Address;
import org.dvmc.spi.Bytes32;
import org.dvmc.spi.StorageStatus;

/**
 * A {@link MockedHost} that also records every storage and transient-storage write with the status it
 * returned, which the mock itself keeps only as final values. The other records (calls, logs,
 * selfdestructs, account accesses) are the mock's own.
 *
 * <p>Records are bounded like the mock's: the first {@link #MAX_RECORDED_WRITES} writes of each kind are
 * kept; the totals keep counting. Not thread-safe: one instance per execution, as the engine uses it.
 */
public class RecordingHost extends MockedHost {

    /** The most storage writes, and the most transient-storage writes, recorded. */
    public static final int MAX_RECORDED_WRITES = 1024;

    private final List<StorageWrite> storageWrites = new ArrayList<>();
    private final List<StorageWrite> transientWrites = new ArrayList<>();
    private long totalStorageWrites;
    private long totalTransientWrites;

    @Override
    public StorageStatus setStorage(Address address, Bytes32 key, Bytes32 value) {
        StorageStatus status = super.setStorage(address, key, value);
        totalStorageWrites++;
        if (storageWrites.size() < MAX_RECORDED_WRITES) {
            storageWrites.add(new StorageWrite(address, key, value, status));
        }
        return status;
    }

    @Override
    public void setTransientStorage(Address address, Bytes32 key, Bytes32 value) {
        super.setTransientStorage(address, key, value);
        totalTransientWrites++;
        if (transientWrites.size() < MAX_RECORDED_WRITES) {
            transientWrites.add(new StorageWrite(address, key, value, null));
        }
    }

    /**
     * The storage writes recorded so far.
     *
     * @return the first {@link #MAX_RECORDED_WRITES} storage writes, in order, with their statuses; a read-only
     *         view that shows later writes too
     */
    public List<StorageWrite> recordedStorageWrites() {
        return Collections.unmodifiableList(storageWrites);
    }

    /**
     * How many storage writes were made.
     *
     * @return the number of {@code setStorage} calls so far, recorded or not; 0 or more
     */
    public long totalStorageWrites() {
        return totalStorageWrites;
    }

    /**
     * The transient-storage writes recorded so far.
     *
     * @return the first {@link #MAX_RECORDED_WRITES} transient-storage writes, in order, each without a status;
     *         a read-only view that shows later writes too
     */
    public List<StorageWrite> recordedTransientWrites() {
        return Collections.unmodifiableList(transientWrites);
    }

    /**
     * How many transient-storage writes were made.
     *
     * @return the number of {@code setTransientStorage} calls so far, recorded or not; 0 or more
     */
    public long totalTransientWrites() {
        return totalTransientWrites;
    }
}
