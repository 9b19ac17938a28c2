package dev.lastmile.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The run command as a user starts it ({@code java -jar launcher/target/lastmile-launcher.jar}), in a
 * process of its own, so that a fault run can kill it, or the servers under it, like a real fault would.
 */
final class LauncherProcess {

    private static final Pattern ADMIN = Pattern.compile("^\\s+admin\\s+ADMIN\\s+(\\S+)");

    private final Process process;
    private final Path output;
    private final List<String> lines = new ArrayList<>();
    private volatile boolean ready;
    private volatile String adminPassword;

    private LauncherProcess(Process process, Path output) {
        this.process = process;
        this.output = output;
        Thread reader = new Thread(this::read, "launcher-output");
        reader.setDaemon(true);
        reader.start();
    }

    static LauncherProcess start(Path data, int httpPort, int databasePort, Map<String, String> environment) throws IOException {
        Path jar = Path.of("launcher/target/lastmile-launcher.jar");
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                jar.toString(), "--no-demo", "--data", data.toString(), "--port", String.valueOf(httpPort),
                "--db-port", String.valueOf(databasePort));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(environment);
        Files.createDirectories(data);
        return new LauncherProcess(builder.start(), data.resolve("launcher-output.log"));
    }

    private void read() {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = reader.readLine()) != null; ) {
                synchronized (lines) {
                    lines.add(line);
                }
                Files.writeString(output, line + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
                Matcher admin = ADMIN.matcher(line);
                if (admin.find()) {
                    adminPassword = admin.group(1);
                }
                if (line.startsWith("Press Ctrl-C to stop.")) {
                    ready = true;
                }
            }
        } catch (IOException ended) {
            // the process is gone
        }
    }

    /** Waits for the launcher's "ready"; fails with its last lines if it exits first. */
    void awaitReady(Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (!ready) {
            if (!process.isAlive() || Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("the launcher did not become ready: " + tail());
            }
            Thread.sleep(200);
        }
    }

    Optional<String> adminPassword() {
        return Optional.ofNullable(adminPassword);
    }

    long pid() {
        return process.pid();
    }

    /** The launcher's child whose command line contains {@code marker}: the Payara Micro or the MariaDB process. */
    ProcessHandle child(String marker) {
        return process.toHandle().children()
                .filter(child -> child.info().commandLine().map(line -> line.contains(marker)).orElse(false))
                .findFirst().orElseThrow(() -> new IllegalStateException("no child process " + marker));
    }

    boolean waitForExit(Duration timeout) throws InterruptedException {
        return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    int exitValue() {
        return process.exitValue();
    }

    boolean said(String text) {
        synchronized (lines) {
            return lines.stream().anyMatch(line -> line.contains(text));
        }
    }

    String tail() {
        synchronized (lines) {
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size()));
        }
    }

    static void signal(long pid, String signal) throws IOException, InterruptedException {
        new ProcessBuilder("kill", "-" + signal, String.valueOf(pid)).inheritIO().start().waitFor();
    }
}
