package dev.lastmile.pod.position.boundary;

import dev.lastmile.model.access.Roles;
import dev.lastmile.model.handheld.HandheldDevice;
import dev.lastmile.pod.device.control.Devices;
import dev.lastmile.pod.position.control.PositionIngestion;
import jakarta.annotation.security.RolesAllowed;
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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Handhelds send the van's GPS fixes here, in batches, live or replayed after a time offline. */
@Stateless
@Path("handheld/positions")
@Tag(name = "Handheld")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.DRIVER)
public class PositionResource {

    public record BatchView(int stored, int duplicates, int rejected, List<PositionResult> results) {

        static BatchView of(List<PositionResult> results) {
            return new BatchView(count(results, PositionResult.Status.STORED), count(results, PositionResult.Status.DUPLICATE),
                    count(results, PositionResult.Status.REJECTED), results);
        }

        private static int count(List<PositionResult> results, PositionResult.Status status) {
            return (int) results.stream().filter(r -> r.status() == status).count();
        }
    }

    @Inject
    Devices devices;

    @Inject
    PositionIngestion ingestion;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Upload a batch of GPS fixes", description = "Up to 500 fixes {at, latitude, longitude, accuracyM,"
            + " speedKmh}, applied in the order they were taken to the driver's route of that day. A fix at or before the"
            + " route's latest position is a DUPLICATE (a re-sent batch changes nothing); a fix out of range, from the"
            + " future, older than the retention period, implying an impossible speed, or taken while no route of the"
            + " driver is open is REJECTED with its reason, and the others are still stored.")
    public BatchView upload(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, PositionBatch batch) {
        HandheldDevice device = devices.authenticate(authorization);
        return BatchView.of(ingestion.ingest(device, batch));
    }
}
