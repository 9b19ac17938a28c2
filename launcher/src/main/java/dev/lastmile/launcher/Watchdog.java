package dev.lastmile.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Stops the servers when the launcher is killed outright ({@code kill -9}, an out-of-memory kill), where
 * no shutdown hook runs: a small shell process that outlives the launcher, notices it is gone, and stops
 * Payara Micro, waits for it, then MariaDB, the same order as a normal stop. A normal stop kills it first.
 */
final class Watchdog implements AutoCloseable {

    private static final String SCRIPT = """
            trap '' INT TERM HUP
            launcher=$1; application=$2; database=$3
            while kill -0 "$launcher" 2>/dev/null; do sleep 1; done
            stopped() { ! kill -0 "$1" 2>/dev/null; }
            kill -TERM "$application" 2>/dev/null
            i=0; while ! stopped "$application" && [ $i -lt 120 ]; do sleep 0.5; i=$((i+1)); done
            kill -KILL "$application" 2>/dev/null
            kill -TERM "$database" 2>/dev/null
            i=0; while ! stopped "$database" && [ $i -lt 120 ]; do sleep 0.5; i=$((i+1)); done
            kill -KILL "$database" 2>/dev/null
            """;

    private final Process process;

    private Watchdog(Process process) {
        this.process = process;
    }

    /** Returns null where there is no POSIX shell; the servers then rely on the launcher's shutdown hook alone. */
    static Watchdog watch(long applicationPid, long databasePid, Path log) {
        Path shell = Path.of("/bin/sh");
        if (!Files.isExecutable(shell)) {
            return null;
        }
        List<String> command = List.of(shell.toString(), "-c", SCRIPT, "lastmile-watchdog",
                String.valueOf(ProcessHandle.current().pid()), String.valueOf(applicationPid), String.valueOf(databasePid));
        try {
            return new Watchdog(new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start());
        } catch (IOException e) {
            System.err.println("No watchdog (" + e.getMessage() + "): a launcher killed outright leaves its servers running");
            return null;
        }
    }

    @Override
    public void close() {
        process.destroyForcibly(); // it ignores SIGTERM on purpose
    }
}
