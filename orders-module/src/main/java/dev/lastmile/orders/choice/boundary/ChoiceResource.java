package dev.lastmile.orders.choice.boundary;

import jakarta.annotation.security.PermitAll;
import dev.lastmile.model.choice.CollectionPoint;
import dev.lastmile.model.parcel.DeliveryAddress;
import dev.lastmile.model.parcel.Parcel;
import dev.lastmile.model.parcel.TimeSlot;
import dev.lastmile.model.parcel.TrackingId;
import dev.lastmile.model.problem.Violations;
import dev.lastmile.orders.choice.boundary.ChoiceRequests.CollectionPointChoice;
import dev.lastmile.orders.choice.boundary.ChoiceRequests.ContactlessChoice;
import dev.lastmile.orders.choice.boundary.ChoiceRequests.HoldChoice;
import dev.lastmile.orders.choice.boundary.ChoiceRequests.InstructionsChoice;
import dev.lastmile.orders.choice.boundary.ChoiceRequests.NeighbourChoice;
import dev.lastmile.orders.choice.boundary.ChoiceRequests.RedirectChoice;
import dev.lastmile.orders.choice.boundary.ChoiceRequests.SafePlaceChoice;
import dev.lastmile.orders.choice.boundary.ChoiceRequests.SlotChoice;
import dev.lastmile.orders.choice.control.ChoiceDesk;
import dev.lastmile.orders.choice.control.ChoiceWindow;
import dev.lastmile.orders.choice.control.CollectionPoints;
import dev.lastmile.orders.choice.control.SelfServiceLinks;
import dev.lastmile.orders.choice.control.SlotCalendar;
import dev.lastmile.orders.intake.boundary.ParcelRequest;
import dev.lastmile.orders.intake.control.ParcelRegistration;
import dev.lastmile.orders.tracking.control.Parcels;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.function.Function;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The recipient's self-service: reached through the signed link in every notification, no account
 * needed. A missing or wrong signature is 404, like an unknown parcel. Every change answers with the
 * parcel's choices as they now stand; a change after the cut-off or once the parcel is out for
 * delivery is 409 with the reason. Path and query values are method parameters, never fields: a
 * stateless bean is shared between requests.
 */
@Stateless
@Path("choices/{trackingId}")
@Tag(name = "Delivery choices", description = "The recipient's self-service link")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@PermitAll
public class ChoiceResource {

    @Inject
    Parcels parcels;

    @Inject
    SelfServiceLinks links;

    @Inject
    ChoiceDesk desk;

    @Inject
    ChoiceWindow window;

    @Inject
    SlotCalendar calendar;

    @Inject
    CollectionPoints points;

    @GET
    @Operation(summary = "The parcel's delivery choices, open slots and nearby collection points")
    public ChoicesView read(@PathParam("trackingId") String trackingId, @QueryParam("sig") String signature) {
        return view(signed(trackingId, signature));
    }

    @PUT
    @Path("slot")
    @Operation(summary = "Book a time slot (optionally on another day: a reschedule)")
    public ChoicesView slot(@PathParam("trackingId") String trackingId, @QueryParam("sig") String signature,
                              SlotChoice choice) {
        Parcel parcel = signed(trackingId, signature);
        Violations.body(choice);
        LocalDate day = choice.date() == null ? null : parse("date", choice.date(), LocalDate::parse);
        LocalTime from = parse("from", choice.from(), LocalTime::parse);
        LocalTime to = parse("to", choice.to(), LocalTime::parse);
        if (!from.isBefore(to)) {
            throw new dev.lastmile.model.problem.InvalidRequest("to", "must be after from");
        }
        TimeSlot slot = new TimeSlot(from, to);
        desk.chooseSlot(parcel, day, slot);
        return view(parcel);
    }

    @PUT
    @Path("safe-place")
    public ChoicesView safePlace(@PathParam("trackingId") String trackingId, @QueryParam("sig") String signature,
                              SafePlaceChoice choice) {
        Parcel parcel = signed(trackingId, signature);
        desk.chooseSafePlace(parcel, Violations.body(choice).place());
        return view(parcel);
    }

    @PUT
    @Path("neighbour")
    public ChoicesView neighbour(@PathParam("trackingId") String trackingId, @QueryParam("sig") String signature,
                              NeighbourChoice choice) {
        Parcel parcel = signed(trackingId, signature);
        Violations.body(choice);
        desk.chooseNeighbour(parcel, choice.name(), choice.house());
        return view(parcel);
    }

    @PUT
    @Path("collection-point")
    @Operation(summary = "Deliver to a pickup point or into a parcel locker", description = "Reserves a compartment"
            + " that fits the parcel; 409 when the point has none free.")
    public ChoicesView collectionPoint(@PathParam("trackingId") String trackingId, @QueryParam("sig") String signature,
                              CollectionPointChoice choice) {
        Parcel parcel = signed(trackingId, signature);
        desk.chooseCollectionPoint(parcel, Violations.body(choice).code());
        return view(parcel);
    }

    @PUT
    @Path("contactless")
    public ChoicesView contactless(@PathParam("trackingId") String trackingId, @QueryParam("sig") String signature,
                              ContactlessChoice choice) {
        Parcel parcel = signed(trackingId, signature);
        desk.chooseContactless(parcel, Boolean.TRUE.equals(Violations.body(choice).contactless()));
        return view(parcel);
    }

    @PUT
    @Path("instructions")
    public ChoicesView instructions(@PathParam("trackingId") String trackingId, @QueryParam("sig") String signature,
                              InstructionsChoice choice) {
        Parcel parcel = signed(trackingId, signature);
        desk.leaveInstructions(parcel, Violations.body(choice).text());
        return view(parcel);
    }

    @PUT
    @Path("redirect")
    @Operation(summary = "Send the parcel to another address")
    public ChoicesView redirect(@PathParam("trackingId") String trackingId, @QueryParam("sig") String signature,
                              RedirectChoice choice) {
        Parcel parcel = signed(trackingId, signature);
        Violations.body(choice);
        ParcelRequest.AddressPart part = new ParcelRequest.AddressPart(choice.line(), choice.town(), choice.postcode(),
                choice.country(), choice.latitude(), choice.longitude());
        DeliveryAddress address = ParcelRegistration.addressOf(part);
        desk.redirect(parcel, address);
        return view(parcel);
    }

    @PUT
    @Path("hold")
    @Operation(summary = "Hold the parcel while away; it is delivered on the given day")
    public ChoicesView hold(@PathParam("trackingId") String trackingId, @QueryParam("sig") String signature,
                              HoldChoice choice) {
        Parcel parcel = signed(trackingId, signature);
        desk.holdUntil(parcel, parse("until", Violations.body(choice).until(), LocalDate::parse));
        return view(parcel);
    }

    @POST
    @Path("opt-out")
    @Operation(summary = "No more emails or SMS to this recipient")
    public ChoicesView optOut(@PathParam("trackingId") String trackingId, @QueryParam("sig") String signature) {
        Parcel parcel = signed(trackingId, signature);
        desk.optOut(parcel);
        return view(parcel);
    }

    private Parcel signed(String trackingId, String signature) {
        TrackingId id = TrackingId.parse(trackingId);
        links.verify(id, signature);
        return parcels.byTrackingId(id);
    }

    private ChoicesView view(Parcel parcel) {
        Instant now = Instant.now();
        String closed = window.closedReason(parcel, now).orElse(null);
        List<ChoicesView.SlotView> open = List.of();
        if (closed == null && parcel.isPlaced()) {
            calendar.open(parcel.depot(), parcel.deliveryDate());
            open = calendar.slotsOf(parcel.depot(), parcel.deliveryDate()).stream().filter(s -> s.free() > 0)
                    .map(s -> new ChoicesView.SlotView(s.slot().from().toString(), s.slot().to().toString(), s.free()))
                    .toList();
        }
        List<ChoicesView.PointView> near = points.near(parcel.location()).stream().map(p -> new ChoicesView.PointView(
                p.code(), p.kind().name(), p.name(), p.addressLine() + ", " + p.town() + " " + p.postcode(),
                Math.round(p.location().kilometresTo(parcel.location()) * 10) / 10.0,
                points.poolFor(p, parcel.weightKg()).isPresent())).toList();
        var preferences = parcel.preferences();
        ChoicesView.Current current = new ChoicesView.Current(preferences.safePlace(), preferences.neighbour(),
                parcel.collectionPoint().map(CollectionPoint::code).orElse(null), preferences.contactless(),
                preferences.instructions());
        List<ChoicesView.Change> history = desk.history(parcel).stream().map(c -> new ChoicesView.Change(c.kind().name(),
                c.detail(), c.madeBy(), c.madeAt().toString())).toList();
        return new ChoicesView(parcel.trackingId().value(), parcel.status().name(), parcel.deliveryDate().toString(),
                parcel.address().town(), parcel.slot().map(s -> new ChoicesView.SlotView(s.from().toString(),
                s.to().toString(), null)).orElse(null), closed == null, closed,
                window.cutOff(parcel.deliveryDate()).toString(), window.firstBookableDay(now).toString(), open, near,
                current, history);
    }

    private static <T> T parse(String field, String text, Function<String, T> parser) {
        if (text == null) {
            throw new dev.lastmile.model.problem.InvalidRequest(field, "is required");
        }
        try {
            return parser.apply(text.trim());
        } catch (DateTimeParseException e) {
            throw new dev.lastmile.model.problem.InvalidRequest(field, "cannot be read: " + text);
        }
    }
}
