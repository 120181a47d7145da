package org.dvmc.host.loader;

/** The one rule for catching {@link Throwable} from plugin code: everything but a dying JVM is a plugin failure. */
final class Fatal {

    private Fatal() {
    }

    /**
     * Rethrows {@code failure} if no caller could recover from it (out of memory, an internal JVM
     * error); a stack overflow or linkage error in plugin code is the plugin's failure and is not
     * rethrown.
     */
    static void rethrowIfFatal(Throwable failure) {
        if (failure instanceof VirtualMachineError error && !(failure instanceof StackOverflowError)) {
            throw error;
        }
    }
}
