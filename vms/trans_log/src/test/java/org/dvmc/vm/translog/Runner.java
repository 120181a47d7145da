package org.dvmc.vm.translog;

import org.dvmc.host.testkit.MockedHost;
import org.dvmc.spi.Address;
import org.dvmc.spi.Bytes;
import org.dvmc.spi.Host;
import org.dvmc.spi.Message;
import org.dvmc.spi.Result;
import org.dvmc.spi.Revision;

/** Runs hex programs on a fresh {@link TransLogVm} against a {@link MockedHost}; one per test. */
final class Runner {

    /** The recipient of the examples. */
    static final Address RECIPIENT = Address.fromHex("d00000000000000000000000000000000000000d");
    static final Address SENDER = Address.fromHex("5e00000000000000000000000000000000000005");

    /** Appended to a program: MSTORE the top word at 0, RETURN 32 bytes from 0. */
    static final String RETURN_TOP = "60005260206000f3";

    final TransLogVm vm = new TransLogVm();
    final MockedHost host = new MockedHost();

    static Message message(long gas) {
        return Message.builder().gas(gas).recipient(RECIPIENT).codeAddress(RECIPIENT).sender(SENDER).build();
    }

    Result run(String codeHex) {
        return run(codeHex, 1_000_000);
    }

    Result run(String codeHex, long gas) {
        return run(host, Revision.LATEST_STABLE, message(gas), codeHex);
    }

    Result run(Revision revision, String codeHex) {
        return run(host, revision, message(1_000_000), codeHex);
    }

    Result run(Message message, String codeHex) {
        return run(host, Revision.LATEST_STABLE, message, codeHex);
    }

    Result run(Host someHost, Revision revision, Message message, String codeHex) {
        return vm.retrieveDescVx(someHost, revision, message, Bytes.fromHex(codeHex));
    }

    /** PUSHn of {@code hex} (1 to 32 bytes, n = its byte length). */
    static String push(String hex) {
        int n = hex.length() / 2;
        if (n < 1 || n > 32 || hex.length() % 2 != 0) {
            throw new IllegalArgumentException("push: need 1..32 whole bytes but got \"" + hex + "\"");
        }
        return String.format("%02x", 0x5f + n) + hex;
    }

    /** PUSH4 of {@code value} (0 to 2^32-1). */
    static String push4(long value) {
        return push(String.format("%08x", value));
    }

    /** {@code n} copies of {@code hex}. */
    static String repeat(String hex, int n) {
        return hex.repeat(n);
    }

    /** A 32-byte word in hex: {@code hex} right-aligned after zero bytes. */
    static String word(String hex) {
        return "0".repeat(64 - hex.length()) + hex;
    }
}
