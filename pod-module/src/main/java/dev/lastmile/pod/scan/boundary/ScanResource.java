package dev.lastmile.pod.scan.boundary;

import dev.lastmile.model.access.Roles;
import jakarta.annotation.security.RolesAllowed;
import dev.lastmile.model.handheld.HandheldDevice;
import dev.lastmile.pod.device.control.Devices;
import dev.lastmile.pod.scan.control.ScanIngestion;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Handhelds upload their scans here, in batches, as often as they like. */
@Stateless
@Path("handheld/events")
@Tag(name = "Handheld")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.DRIVER)
public class ScanResource {

    private static final Metadata SCANS = Metadata.builder().withName("lastmile.scans")
            .withDescription("Scan events uploaded by handhelds, by result").build();

    public record BatchView(int stored, int duplicates, int rejected, List<ScanResult> results) {

        static BatchView of(List<ScanResult> results) {
            return new BatchView(count(results, ScanResult.Status.STORED), count(results, ScanResult.Status.DUPLICATE),
                    count(results, ScanResult.Status.REJECTED), results);
        }

        private static int count(List<ScanResult> results, ScanResult.Status status) {
            return (int) results.stream().filter(r -> r.status() == status).count();
        }
    }

    @Inject
    Devices devices;

    @Inject
    ScanIngestion ingestion;

    /** The ingestion rate at /metrics: {@code lastmile_scans_total} by result. */
    @Inject
    MetricRegistry registry;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Upload a batch of scan events", description = "Types LOAD_OUT, ARRIVED, DELIVERED, FAILED,"
            + " RETURNED_TO_DEPOT. Idempotent per (device, eventId): re-sending a batch stores nothing twice. Events are"
            + " applied in the order they happened. Each event gets its own result: STORED, DUPLICATE or REJECTED with"
            + " the reason; a rejected event does not stop the others.")
    public BatchView upload(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, ScanBatch batch) {
        HandheldDevice device = devices.authenticate(authorization);
        BatchView view = BatchView.of(ingestion.ingest(device, batch));
        count("stored", view.stored());
        count("duplicate", view.duplicates());
        count("rejected", view.rejected());
        return view;
    }

    private void count(String result, int events) {
        if (events > 0) {
            registry.counter(SCANS, new org.eclipse.microprofile.metrics.Tag("result", result)).inc(events);
        }
    }
}
