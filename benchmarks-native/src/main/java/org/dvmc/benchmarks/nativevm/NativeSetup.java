package org.dvmc.benchmarks.nativevm;

import java.nio.file.Files;
import java.nio.file.Path;
import org.dvmc.host.loader.LoadedVm;
import org.dvmc.host.loader.VmLoader;
import org.dvmc.host.testkit.MockedHost;
import org.dvmc.spi.Address;
import org.dvmc.spi.Bytes;
import org.dvmc.spi.Bytes32;
import org.dvmc.spi.Message;
import org.dvmc.spi.Result;
import org.dvmc.spi.Revision;
import org.dvmc.spi.StatusCode;
import org.dvmc.spi.Vm;
import org.dvmc.vm.translog.TransLogVmFactory;

/**
 * What the native benchmarks share: the programs (the trans_log examples, and SLOAD chains for the callback
 * cost), and the two VMs: the native trans_log loaded as dvmc loads it (its plugin jar from the plugins
 * directory, system property {@code dvmc.plugins}, default {@code plugins}) and the Java trans_log.
 */
final class NativeSetup {

    static final Address RECIPIENT = Address.fromHex("d00000000000000000000000000000000000000d");

    private NativeSetup() {
    }

    /**
     * A program of the benchmarks: code, gas, input, whether slot 0 starts at 0xbb, and whether the host's
     * getStorage answers zero at once (the "-trivial" programs: what remains is the VM's and the call's cost).
     */
    record Program(Bytes code, long gas, Bytes input, boolean counter, boolean trivialStorage) {

        Program(Bytes code, long gas, Bytes input, boolean counter) {
            this(code, gas, input, counter, false);
        }

        Message message() {
            return Message.builder().gas(gas).recipient(RECIPIENT).input(input).build();
        }

        MockedHost newHost() {
            MockedHost host = trivialStorage ? new MockedHost() {
                @Override
                public Bytes32 getStorage(Address address, Bytes32 key) {
                    return Bytes32.ZERO;
                }
            } : new MockedHost();
            host.account(RECIPIENT);
            if (counter) {
                host.account(RECIPIENT).storage(Bytes32.ZERO, Bytes32.fromLong(0xbb));
            }
            return host;
        }
    }

    /** The programs of bench_driver.cpp, by name. */
    static Program program(String name) {
        return switch (name) {
            case "address" -> new Program(Bytes.fromHex("30600052596000f3"), 99, Bytes.EMPTY, false);
            case "calldata" -> new Program(Bytes.fromHex("600035600052596000f3"), 1_000_000, Bytes.fromHex("aabbccdd"),
                    false);
            case "counter" -> new Program(Bytes.fromHex("60016000540160005500"), 1_000_000, Bytes.EMPTY, true);
            case "push32" -> new Program(Bytes.fromHex(
                    "7fd0d1d2d3d4d5d6d7d8d9dadbdcdddedfe0e1e2e3e4e5e6e7e8e9eaebecedeeef60005260206000f3"), 1_000_000,
                    Bytes.EMPTY, false);
            default -> {
                if (!name.startsWith("sload-")) {
                    throw new IllegalArgumentException("unknown program " + name);
                }
                boolean trivial = name.endsWith("-trivial");
                int n = Integer.parseInt(name.substring("sload-".length(), trivial ? name.length() - 8 : name.length()));
                yield new Program(Bytes.fromHex("6000" + "54".repeat(n) + "00"), 1_000_000, Bytes.EMPTY, !trivial,
                        trivial);
            }
        };
    }

    /** A loader over the plugins directory; the caller closes it. */
    static VmLoader loader() {
        Path plugins = Path.of(System.getProperty("dvmc.plugins", "plugins"));
        if (!Files.isDirectory(plugins)) {
            throw new IllegalStateException("no plugins directory " + plugins.toAbsolutePath() + "; run from the"
                    + " repository (benchmarks-native/run.sh) or set -Ddvmc.plugins=DIR");
        }
        return VmLoader.builder().pluginsDirectory(plugins).includeClasspath(false).build();
    }

    /** The VM named {@code which} ("native" or "java"), checked on {@code program} before any timing. */
    static Vm open(String which, VmLoader loader, Program program) throws Exception {
        Vm vm;
        if (which.equals("native")) {
            LoadedVm loaded = loader.load("trans_log_native");
            vm = loaded.vm();
        } else {
            vm = new TransLogVmFactory().create();
        }
        try (Result result = vm.retrieveDescVx(program.newHost(), Revision.CANCUN, program.message(), program.code())) {
            if (result.status() != StatusCode.SUCCESS) {
                throw new IllegalStateException(which + " trans_log fails the benchmark program: " + result);
            }
        }
        return vm;
    }
}
