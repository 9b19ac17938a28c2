package dev.lastmile.orders.notify.boundary;

import dev.lastmile.model.access.CurrentCaller;
import dev.lastmile.model.access.Roles;
import dev.lastmile.model.event.Audited;
import dev.lastmile.model.problem.NotFound;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.event.Event;
import dev.lastmile.model.notify.Notification;
import dev.lastmile.model.parcel.Parcel;
import dev.lastmile.orders.notify.control.MessageTemplate;
import dev.lastmile.orders.tracking.control.Parcels;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Back office: what the outbox sent (or is still trying to send) about a parcel. */
@Stateless
@Path("notifications")
@Tag(name = "Notifications", description = "Back office: the notification outbox")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.CUSTOMER_SERVICE})
public class NotificationResource {

    @Inject
    Parcels parcels;

    @PersistenceContext(unitName = "lastmile")
    EntityManager em;

    @Inject
    CurrentCaller caller;

    @Inject
    Event<Audited> audit;

    public record NotificationView(long id, String channel, String template, String language, String address,
                                   String status, int attempts, String lastError, String createdAt, String sentAt,
                                   String selfServiceLink) {
    }

    @GET
    @Operation(summary = "Notifications about one parcel, oldest first", description = "They hold the recipient's"
            + " e-mail address or phone number and self-service link: customer service of the parcel's depot only,"
            + " and every read is in the audit trail.")
    public List<NotificationView> ofParcel(@QueryParam("trackingId") String trackingId) {
        Parcel parcel = parcels.byTrackingId(trackingId);
        boolean ofItsDepots = parcel.depot() == null ? caller.get().allDepots() : caller.get().sees(parcel.depot().code());
        if (!ofItsDepots) {
            throw new NotFound("parcel", parcel.trackingId().value());
        }
        audit.fire(new Audited("recipient-contact.read", "parcel", parcel.trackingId().value(), "notifications"));
        return em.createNamedQuery(Notification.OF_PARCEL, Notification.class).setParameter("parcelId", parcel.id())
                .getResultList().stream().map(n -> new NotificationView(n.id(), n.channel().name(), n.template(),
                        n.language(), n.address(), n.status().name(), n.attempts(), n.lastError().orElse(null),
                        n.createdAt().toString(), n.sentAt().map(Object::toString).orElse(null), linkIn(n))).toList();
    }

    /** Support staff may need to pass the recipient's link on (e.g. on the phone). */
    private static String linkIn(Notification notification) {
        return notification.channel() == dev.lastmile.model.notify.Channel.WEBHOOK ? null
                : MessageTemplate.decode(notification.payload()).get("link");
    }
}
