package org.dvmc.host.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.List;
import org.dvmc.host.testkit.MockedHost;
import org.junit.jupiter.api.Test;

/** Host contexts: each finds its own execution, a stale one finds none, and more than the table holds still work. */
class ExecutionRegistryTest {

    @Test
    void moreExecutionsThanSlotsEachFindTheirOwn() {
        int before = Execution.running();
        List<Execution> executions = new ArrayList<>();
        for (int i = 0; i < Execution.SLOTS + 500; i++) {
            executions.add(Execution.start(new MockedHost()));
        }
        for (Execution execution : executions) {
            assertSame(execution, Execution.of(execution.context().address()));
        }
        List<Execution> closed = new ArrayList<>();
        for (int i = executions.size() - 1; i >= 0; i--) {
            executions.get(i).close();
            closed.add(executions.get(i));
        }
        for (Execution execution : closed) {
            assertNull(Execution.of(execution.context().address()), "a context after its execution ended");
        }
        assertEquals(before, Execution.running());
    }

    @Test
    void largeAllocationsGoToTheExecutionsArenaAndOtherThreadsGetNone() throws Exception {
        try (Execution execution = Execution.start(new MockedHost())) {
            java.lang.foreign.MemorySegment big = execution.allocate(Execution.SCRATCH_BYTES * 2, 8);
            big.set(java.lang.foreign.ValueLayout.JAVA_LONG, big.byteSize() - 8, 42L);
            Throwable[] fromOtherThread = new Throwable[1];
            Thread other = new Thread(() -> {
                try {
                    execution.allocate(8, 8);
                } catch (Throwable t) {
                    fromOtherThread[0] = t;
                }
            });
            other.start();
            other.join();
            org.junit.jupiter.api.Assertions.assertInstanceOf(IllegalStateException.class, fromOtherThread[0]);
        }
    }

    @Test
    void aReusedSlotDoesNotAnswerAnOldContext() {
        Execution first = Execution.start(new MockedHost());
        java.lang.foreign.MemorySegment stale = first.context();
        first.close();
        Execution second = Execution.start(new MockedHost());
        try {
            assertNull(Execution.of(stale.address()));
            assertSame(second, Execution.of(second.context().address()));
        } finally {
            second.close();
        }
    }
}
