package dev.lastmile.launcher;

import java.nio.file.Path;
import java.util.Map;

/**
 * How to run the system: from command-line flags first, then environment variables, then defaults
 * that work on a fresh machine.
 */
public record LaunchOptions(int httpPort, int databasePort, Path dataDirectory, boolean reset, boolean demo) {

    static final String USAGE = """
            Usage: ./run.sh [--reset] [--no-demo] [--port N] [--db-port N] [--data DIR]
                   ./run.sh --backup FILE [--data DIR] [--db-port N]    (while running or stopped)
                   ./run.sh --restore FILE [--data DIR] [--db-port N]   (stopped; DIR may be new)
              --reset      delete the data directory first (database, logs) and load the demo day again
              --no-demo    start with an empty database
              --port N     HTTP port of the application (env LASTMILE_HTTP_PORT, default 8080)
              --db-port N  port of the embedded MariaDB (env LASTMILE_DB_PORT, default 13306)
              --data DIR   data directory (env LASTMILE_DATA_DIR, default .lastmile)""";

    public static LaunchOptions parse(String[] args, Map<String, String> env) {
        int httpPort = Integer.parseInt(env.getOrDefault("LASTMILE_HTTP_PORT", "8080"));
        int databasePort = Integer.parseInt(env.getOrDefault("LASTMILE_DB_PORT", "13306"));
        Path data = Path.of(env.getOrDefault("LASTMILE_DATA_DIR", ".lastmile"));
        boolean reset = false;
        boolean demo = true;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--reset" -> reset = true;
                case "--no-demo" -> demo = false;
                case "--port" -> httpPort = Integer.parseInt(value(args, ++i));
                case "--db-port" -> databasePort = Integer.parseInt(value(args, ++i));
                case "--data" -> data = Path.of(value(args, ++i));
                default -> throw new IllegalArgumentException("unknown option " + args[i] + "\n" + USAGE);
            }
        }
        return new LaunchOptions(httpPort, databasePort, data.toAbsolutePath(), reset, demo);
    }

    private static String value(String[] args, int index) {
        if (index >= args.length) {
            throw new IllegalArgumentException(args[index - 1] + " needs a value\n" + USAGE);
        }
        return args[index];
    }
}
