package dev.lastmile.pod.scan.boundary;

import dev.lastmile.model.access.Roles;
import dev.lastmile.model.handheld.HandheldDevice;
import dev.lastmile.model.problem.InvalidRequest;
import dev.lastmile.pod.device.control.Devices;
import dev.lastmile.pod.scan.control.FollowingPhotos;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A delivery's photo sent after the delivery, as the JPEG itself (no base64): see {@link FollowingPhotos}. */
@Stateless
@Path("handheld/events/{eventId}/photos/{number}")
@Tag(name = "Handheld")
@Produces(MediaType.APPLICATION_JSON)
public class FollowingPhotoResource {

    /** The most a photo may weigh (4 MiB), and one byte more to tell a larger one. */
    private static final int READ_AT_MOST = 4 * 1024 * 1024 + 1;

    public record PhotoResult(String eventId, int number, String status) {
    }

    @Inject
    Devices devices;

    @Inject
    FollowingPhotos photos;

    @PUT
    @Consumes("image/jpeg")
    @RolesAllowed(Roles.DRIVER)
    @Operation(summary = "Send one of a delivery's photos after the delivery", description = "For a DELIVERED event"
            + " that announced delivery.photosToFollow; number is 1 to that count. 201 stored, 200 already there; 404 while"
            + " the delivery itself is not stored yet (send the photo again later); 409 for a number not announced;"
            + " 400 for anything but a JPEG of at most 4 MiB.")
    public Response attach(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                           @PathParam("eventId") String eventId, @PathParam("number") int number, InputStream body) {
        HandheldDevice device = devices.authenticate(authorization);
        byte[] jpeg;
        try {
            jpeg = body == null ? new byte[0] : body.readNBytes(READ_AT_MOST);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (jpeg.length == 0) {
            throw new InvalidRequest("photo", "the request body must be the JPEG");
        }
        FollowingPhotos.Outcome outcome = photos.attach(device, eventId, number, jpeg);
        return Response.status(outcome == FollowingPhotos.Outcome.STORED ? 201 : 200)
                .entity(new PhotoResult(eventId, number, outcome.name())).build();
    }
}
