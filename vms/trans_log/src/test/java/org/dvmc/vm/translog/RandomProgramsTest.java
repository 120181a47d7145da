package org.dvmc.vm.translog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.IntStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.dvmc.host.testkit.MockedHost;
import org.dvmc.spi.Bytes;
import org.dvmc.spi.Message;
import org.dvmc.spi.Result;
import org.dvmc.spi.Revision;
import org.dvmc.spi.StatusCode;
import org.dvmc.spi.TxContext;

/**
 * Random byte strings, uniform and biased towards defined opcodes, never break the contract: no
 * exception, gas left within {@code [0, gas]}, and gas and output only for success and revert.
 */
class RandomProgramsTest {

    private static final TransLogVm VM = new TransLogVm();

    /** Bytes that form mostly valid programs: the defined opcodes, small PUSH immediates, and some noise. */
    @Provide
    Arbitrary<byte[]> biasedPrograms() {
        List<Integer> defined = IntStream.range(0, 256).filter(Opcodes::isDefined).boxed().toList();
        Arbitrary<Byte> opcode = Arbitraries.of(defined).map(Integer::byteValue);
        Arbitrary<Byte> small = Arbitraries.integers().between(0, 64).map(Integer::byteValue);
        Arbitrary<Byte> any = Arbitraries.bytes();
        Arbitrary<Byte> mixed = Arbitraries.frequencyOf(
                Tuple.of(6, opcode), Tuple.of(3, small), Tuple.of(1, any));
        return mixed.array(byte[].class).ofMaxSize(300);
    }

    @Property(tries = 2500)
    void uniformRandomBytes(@ForAll @Size(max = 200) byte[] code, @ForAll @Size(max = 64) byte[] input,
            @ForAll @IntRange(max = 3000) int gas, @ForAll Revision revision) {
        check(code, input, gas, revision);
    }

    @Property(tries = 2500)
    void biasedTowardsValidOpcodes(@ForAll("biasedPrograms") byte[] code, @ForAll @Size(max = 64) byte[] input,
            @ForAll @IntRange(max = 3000) int gas, @ForAll Revision revision) {
        check(code, input, gas, revision);
    }

    private static void check(byte[] code, byte[] input, long gas, Revision revision) {
        MockedHost host = new MockedHost()
                .txContext(TxContext.builder().blockNumber(gas * 7919).build())
                .callResult(gas % 3 == 0 ? Result.revert(5, Bytes.of(input)) : Result.success(1, Bytes.of(code)));
        Message message = Runner.message(gas).toBuilder().input(Bytes.of(input)).depth((int) (gas % 5)).build();

        Result result = VM.retrieveDescVx(host, revision, message, Bytes.of(code));

        StatusCode status = result.status();
        assertTrue(status != StatusCode.INTERNAL_ERROR, () -> "internal error: " + result.cause());
        assertTrue(result.gasLeft() >= 0 && result.gasLeft() <= gas, () -> "gas left " + result.gasLeft() + " of " + gas);
        if (!status.keepsGasAndOutput()) {
            assertEquals(0, result.gasLeft(), "gas left of " + status);
            assertEquals(Bytes.EMPTY, result.output(), "output of " + status);
        }
        assertTrue(result.output().size() <= Memory.CAPACITY);
    }
}
