package org.dvmc.host.cli;

import org.dvmc.spi.Bytes;
import org.dvmc.spi.Revision;
import org.dvmc.spi.StatusCode;

/**
 * The lines {@code dvmc run} prints, character for character as the reference tool prints them. Each
 * method returns whole lines ending in {@code \n}. Stateless.
 *
 * <pre>
 * Config: trans_log
 * Executing on Cancun with 99 gas limit
 *
 * Time:     123 ns (avg of 8130081 iterations)      (only with --bench)
 * Result:   success
 * Gas used: 6
 * Output:   0000000000000000000000000000000000000000000000000000000000000000   (only for success and revert)
 * </pre>
 */
final class RunReport {

    private static final int ABBREVIATED_HEX_BYTES = 32;

    private RunReport() {
    }

    /** {@code Config: <config>}: the {@code --vm} configuration as given. */
    static String config(String config) {
        return "Config: " + config + "\n";
    }

    /** {@code Executing on <revision> with <gas> gas limit}, or {@code Creating and executing on …} with {@code --create}. */
    static String header(Revision revision, long gas, boolean create) {
        return (create ? "Creating and executing on " : "Executing on ") + revision.displayName() + " with " + gas
                + " gas limit\n";
    }

    /** {@code Contract creation failed: <status>}, e.g. {@code Contract creation failed: out of gas}. */
    static String creationFailed(StatusCode status) {
        return "Contract creation failed: " + status.description() + "\n";
    }

    /** The blank line, the {@code Time:} line with {@code --bench}, then {@code Result:}, {@code Gas used:} and maybe {@code Output:}. */
    static String completed(CodeRunner.Completed outcome) {
        StringBuilder text = new StringBuilder("\n");
        outcome.bench().ifPresent(bench -> text.append("Time:     ").append(bench.nanosPerExecution())
                .append(" ns (avg of ").append(bench.iterations()).append(" iterations)\n"));
        text.append("Result:   ").append(outcome.status().description()).append('\n');
        text.append("Gas used: ").append(outcome.gasUsed()).append('\n');
        if (outcome.status().keepsGasAndOutput()) {
            text.append("Output:   ").append(outcome.output().toHex()).append('\n');
        }
        return text.toString();
    }

    /** How many output bytes {@link #writeCompleted} turns into hex at a time. */
    private static final int HEX_CHUNK_BYTES = 32 * 1024;

    /**
     * Writes what {@link #completed} returns, the same characters, without ever holding the whole output's hex
     * in memory: a VM may return hundreds of megabytes.
     */
    static void writeCompleted(CodeRunner.Completed outcome, java.io.PrintWriter out) {
        if (!outcome.status().keepsGasAndOutput()) {
            out.print(completed(outcome));
            return;
        }
        CodeRunner.Completed withoutOutput = new CodeRunner.Completed(outcome.status(), outcome.gasUsed(), Bytes.EMPTY,
                outcome.bench());
        String head = completed(withoutOutput);
        // completed() ends with "Output:   \n" for an empty output: write all but the line break, then the hex.
        out.print(head.substring(0, head.length() - 1));
        Bytes output = outcome.output();
        byte[] chunk = new byte[Math.min(HEX_CHUNK_BYTES, output.size())];
        java.util.HexFormat hex = java.util.HexFormat.of();
        for (int offset = 0; offset < output.size(); offset += chunk.length) {
            int length = Math.min(chunk.length, output.size() - offset);
            output.copyTo(offset, chunk, 0, length);
            out.print(hex.formatHex(chunk, 0, length));
        }
        out.print('\n');
    }

    /** The hex of {@code bytes}, cut after 32 bytes with the total size, for warnings. */
    static String abbreviatedHex(Bytes bytes) {
        if (bytes.size() <= ABBREVIATED_HEX_BYTES) {
            return bytes.isEmpty() ? "(empty)" : bytes.toHex();
        }
        return bytes.slice(0, ABBREVIATED_HEX_BYTES).toHex() + "... (" + bytes.size() + " bytes)";
    }
}
