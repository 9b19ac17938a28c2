package dev.lastmile.launcher;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.util.Optional;

/** Before anything starts: the ports a run needs are free, or the message says who holds them. */
final class Ports {

    private Ports() {
    }

    static void requireFree(int port, String purpose, Path dataDirectory) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(port));
        } catch (IOException taken) {
            throw new IllegalStateException("Port " + port + " (" + purpose + ") is in use" + holder(dataDirectory)
                    .map(process -> ", by pid " + process.pid() + " (" + process.info().command().map(Path::of)
                            .map(Path::getFileName).map(Path::toString).orElse("?")
                            + ") of an earlier run on this data directory: stop it with kill " + process.pid())
                    .orElse(" by another program: stop it, or choose other ports (./run.sh --help)"));
        }
    }

    /** A server of ours whose command line names the data directory, if one is running. */
    private static Optional<ProcessHandle> holder(Path dataDirectory) {
        String directory = dataDirectory.toAbsolutePath().toString();
        return ProcessHandle.allProcesses()
                .filter(process -> process.pid() != ProcessHandle.current().pid())
                .filter(process -> process.info().commandLine().map(line -> line.contains(directory)).orElse(false))
                .findFirst();
    }

    /** Whether something accepts connections on this machine's port (a server that is up, or starting to be). */
    static boolean listening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
            return true;
        } catch (IOException closed) {
            return false;
        }
    }
}
