package org.dvmc.benchmarks;

/**
 * The bare JVM baseline of {@code benchmarks/cold-start.sh}: a process that starts the JVM, prints one line
 * and exits. The {@code dvmc} command's cold start is compared with this, measured in the same run.
 *
 * <p>Deliberately touches nothing but {@code System.out}, so it loads no class beyond what any Java program
 * loads.
 */
public final class Hello {

    private Hello() {
    }

    /**
     * Prints {@code Hello} and returns.
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        System.out.println("Hello");
    }
}
