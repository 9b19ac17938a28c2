package dev.lastmile.launcher;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Payara Micro with the Lastmile WAR, run as a child process in a session of its own (see
 * {@link ChildProcess}). Its root directory is emptied before each start: Payara Micro keeps the last
 * deployment there and would bring it back before deploying the WAR again, so two copies of the
 * application (and their timers) would run side by side for a few seconds.
 */
public final class MicroServer implements AutoCloseable {

    private final ChildProcess process;
    private final URI baseUri;

    private MicroServer(ChildProcess process, URI baseUri) {
        this.process = process;
        this.baseUri = baseUri;
    }

    public static MicroServer start(Path runtime, int port, Map<String, String> environment, Path logDirectory) {
        Path microJar = runtime.resolve("payara-micro.jar");
        Path war = runtime.resolve("lastmile.war");
        if (!Files.isRegularFile(microJar) || !Files.isRegularFile(war)) {
            throw new IllegalStateException("missing " + microJar + " or " + war + ": build with ./run.sh or mvn package");
        }
        Path root = logDirectory.getParent().resolve("payara-micro");
        DataDirectory.delete(root);
        Path preBoot = compression(logDirectory.getParent());
        List<String> command = new ArrayList<>(List.of(javaExecutable(), "-Xmx1g",
                // Metro (the SOAP runtime bundled in the WAR) reflects into the JDK.
                "--add-opens", "java.base/java.lang.reflect=ALL-UNNAMED",
                "--add-opens", "java.base/java.lang=ALL-UNNAMED",
                "-jar", microJar.toString(),
                "--deploy", war.toString(), "--contextroot", "/",
                "--port", String.valueOf(port), "--nocluster",
                "--rootdir", root.toString(), "--prebootcommandfile", preBoot.toString()));
        Path log = logDirectory.resolve("payara-micro.log");
        return new MicroServer(ChildProcess.start("Payara Micro", command, environment, log),
                URI.create("http://localhost:" + port + "/"));
    }

    /** Text the app and the API send (pages, scripts, JSON) travels gzipped to clients that accept it. */
    static final String COMPRESSION = """
            set configs.config.server-config.network-config.protocols.protocol.http-listener.http.compression=on
            set configs.config.server-config.network-config.protocols.protocol.http-listener.http.compressable-mime-type=\
            text/html,text/css,text/plain,text/xml,text/javascript,application/javascript,application/json,\
            application/problem+json,application/manifest+json,image/svg+xml
            """;

    /**
     * Payara Micro's own defaults send pages and scripts uncompressed; a driver's phone on a weak mobile network
     * pays for every byte of the app's first load. Written before each start, read before boot.
     */
    private static Path compression(Path dataDirectory) {
        Path file = dataDirectory.resolve("payara-micro-preboot.asadmin");
        try {
            Files.writeString(file, COMPRESSION);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return file;
    }

    /** Waits until the API answers, so callers never see the server half-started. */
    public void awaitReady(Duration timeout) {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Payara Micro exited with " + process.exitValue() + "; see " + log());
            }
            try {
                HttpResponse<Void> response = client.send(HttpRequest.newBuilder(baseUri.resolve("api/health")).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200 || answersLikeAnEarlierRevision(client)) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for Payara Micro", e);
            }
            sleep(Duration.ofMillis(500));
        }
        throw new IllegalStateException("Payara Micro was not ready within " + timeout.toSeconds() + " s; see " + log());
    }

    /** Builds from before the health check (benchmarked against in the same run) answer their depot list instead. */
    private boolean answersLikeAnEarlierRevision(HttpClient client) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(baseUri.resolve("api/depots")).build(), HttpResponse.BodyHandlers.discarding())
                .statusCode() == 200;
    }

    public URI baseUri() {
        return baseUri;
    }

    public Path log() {
        return process.log();
    }

    long pid() {
        return process.pid();
    }

    /** Calls {@code action} if Payara Micro stops without being told to. */
    void onUnexpectedExit(Runnable action) {
        process.onUnexpectedExit(action);
    }

    ChildProcess process() {
        return process;
    }

    /** SIGTERM: Payara Micro undeploys (the outbox hands its claims back) and stops; a minute at most. */
    @Override
    public void close() {
        process.stop(Duration.ofSeconds(60));
    }

    private static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
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
