package org.dvmc.host.testkit;

/** Describes throwables in one line for check details. */
final class Throwables {

    private Throwables() {
    }

    /** {@code "java.lang.IllegalStateException: boom (at com.example.MyVm.run(MyVm.java:42))"}. */
    static String describe(Throwable t) {
        StringBuilder text = new StringBuilder(t.getClass().getName());
        String message = t.getMessage();
        if (message != null && !message.isBlank()) {
            text.append(": ").append(message.strip());
        }
        StackTraceElement[] frames = t.getStackTrace();
        if (frames.length > 0) {
            text.append(" (at ").append(frames[0]).append(')');
        }
        return text.toString();
    }
}
