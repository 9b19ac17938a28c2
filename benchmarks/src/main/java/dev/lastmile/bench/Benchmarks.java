package dev.lastmile.bench;

import java.util.Arrays;

/** Entry point of ./bench.sh: one benchmark per name. */
public final class Benchmarks {

    private Benchmarks() {
    }

    public static void main(String[] args) throws Exception {
        String name = args.length == 0 ? "" : args[0];
        String[] rest = args.length == 0 ? args : Arrays.copyOfRange(args, 1, args.length);
        switch (name) {
            case "scan-ingestion" -> ScanIngestionBenchmark.main(rest);
            case "solomon" -> dev.lastmile.bench.solomon.SolomonBenchmark.main(rest);
            case "realistic-day" -> RealisticDayBenchmark.main(rest);
            case "intake-tracking" -> IntakeTrackingBenchmark.main(rest);
            case "access" -> AccessBenchmark.main(rest);
            case "parcel-search" -> ParcelSearchBenchmark.main(rest);
            case "partner-events" -> PartnerEventsBenchmark.main(rest);
            case "faults" -> FaultHarness.main(rest);
            case "driver-app" -> DriverAppBenchmark.main(rest);
            case "eta-accuracy" -> EtaAccuracyBenchmark.main(rest);
            case "position-load" -> PositionLoadBenchmark.main(rest);
            default -> {
                System.err.println("usage: ./bench.sh scan-ingestion [--devices 16] [--seconds 60] [--batch 100]\n"
                        + "       ./bench.sh solomon [--quick] [--budget S] [--filter REGEX] [--no-jsprit]\n"
                        + "       ./bench.sh realistic-day [--parcels 2000] [--vehicles 40] [--budget 60]\n"
                        + "       ./bench.sh intake-tracking [--parcels 10000] [--batch 1000] [--clients 32] [--seconds 30]\n"
                        + "       ./bench.sh access [--before $(benchmarks/build-revision.sh REV)] [--clients 32] [--seconds 15]\n"
                        + "       ./bench.sh parcel-search [--parcels 1000000] [--clients 8] [--seconds 10]\n"
                        + "       ./bench.sh partner-events [--partners 4] [--clients 8] [--seconds 20] [--batch 99]\n"
                        + "       ./bench.sh faults [--only kill-micro,kill-launcher,freeze-db,stop-db,sigterm] [--devices 12]"
                        + " [--outage 30] [--load 10]\n"
                        + "       ./bench.sh driver-app [--stops 150] [--kbits 400] [--rtt 400]\n"
                        + "       ./bench.sh eta-accuracy [--vans 12] [--stops 35] [--seed 7] [--step 60]\n"
                        + "       ./bench.sh position-load [--vans 2000] [--every 10] [--seconds 300] [--clients 32]");
                System.exit(2);
            }
        }
    }
}
