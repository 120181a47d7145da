package org.dvmc.vm.translog;

import static org.dvmc.vm.translog.Runner.RECIPIENT;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.dvmc.spi.Bytes;
import org.dvmc.spi.Bytes32;
import org.dvmc.spi.Message;
import org.dvmc.spi.Result;
import org.dvmc.spi.Revision;
import org.dvmc.spi.StatusCode;
import org.junit.jupiter.api.Test;

/** The examples of issue 3, which code written for the reference VM relies on. */
class ExamplesTest {

    private final Runner runner = new Runner();

    @Test
    void addressIsReturnedAsAWord() {
        Result result = runner.run("30600052596000f3", 99);

        assertEquals(StatusCode.SUCCESS, result.status());
        assertEquals(99 - 6, result.gasLeft());
        assertEquals(Bytes.fromHex(RECIPIENT.toBytes32().toHex()), result.output());
    }

    @Test
    void callDataIsLoadedZeroPadded() {
        Message message = Runner.message(99).toBuilder().input(Bytes.fromHex("aabbccdd")).build();

        Result result = runner.run(message, "600035600052596000f3");

        assertEquals(StatusCode.SUCCESS, result.status());
        assertEquals(99 - 7, result.gasLeft());
        assertEquals(Bytes.fromHex("aabbccdd" + "00".repeat(28)), result.output());
    }

    @Test
    void storageSlotIsIncremented() {
        runner.host.account(RECIPIENT).storage(Bytes32.ZERO, Bytes32.fromLong(0xbb));

        Result result = runner.run("60016000540160005500", 99);

        assertEquals(StatusCode.SUCCESS, result.status());
        assertEquals(99 - 7, result.gasLeft());
        assertEquals(Bytes.EMPTY, result.output());
        assertEquals(Bytes32.fromLong(0xbc), runner.host.account(RECIPIENT).storageValue(Bytes32.ZERO));
    }

    @Test
    void revertIsUndefinedOnFrontier() {
        Result result = runner.run(Revision.FRONTIER, "fd");

        assertEquals(StatusCode.UNDEFINED_INSTRUCTION, result.status());
        assertEquals(0, result.gasLeft());
    }

    @Test
    void push32StoredAndReturned() {
        StringBuilder word = new StringBuilder();
        for (int b = 0xd0; b <= 0xef; b++) {
            word.append(Integer.toHexString(b));
        }

        Result result = runner.run("7f" + word + "60005260206000f3", 99);

        assertEquals(StatusCode.SUCCESS, result.status());
        assertEquals(99 - 6, result.gasLeft());
        assertEquals(Bytes.fromHex(word.toString()), result.output());
    }
}
