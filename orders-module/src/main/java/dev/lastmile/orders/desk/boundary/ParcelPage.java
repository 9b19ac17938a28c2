package dev.lastmile.orders.desk.boundary;

import dev.lastmile.model.access.Caller;
import dev.lastmile.model.access.Role;
import dev.lastmile.model.choice.CollectionPoint;
import dev.lastmile.model.handoff.Handoff;
import dev.lastmile.model.parcel.DeliveryPreferences;
import dev.lastmile.model.parcel.Parcel;
import dev.lastmile.model.parcel.ParcelStatus;
import dev.lastmile.model.proof.DeliveryProof;
import dev.lastmile.model.proof.PodException;
import dev.lastmile.model.returns.ParcelReturn;
import dev.lastmile.model.route.Stop;
import dev.lastmile.model.shipper.Shipper;
import dev.lastmile.orders.desk.control.ParcelStory;
import dev.lastmile.orders.intake.boundary.ParcelView;
import java.util.ArrayList;
import java.util.List;

/**
 * One parcel for back-office staff: its whole story and the actions the caller may take now. The
 * recipient's e-mail and phone are not here: customer service reads them through its own, audited
 * operation; notifications show channel and state, not the address they went to.
 */
public record ParcelPage(ParcelView parcel, ShipperRef shipper, List<Step> timeline, Choices choices,
                         List<NotificationLine> notifications, Proof proof, List<Attempt> failedAttemptsList,
                         RouteRef route, HandoffRef handoff, ReturnRef returnShipment, List<ExceptionLine> exceptions,
                         List<String> actions) {

    public record ShipperRef(String code, String name) {
    }

    public record Step(String code, String at, String description) {
    }

    public record Choices(String safePlace, String neighbour, String collectionPoint, String instructions,
                          String holdUntil, boolean contactless, List<ChoiceLine> history) {
    }

    public record ChoiceLine(String kind, String detail, String madeBy, String madeAt) {
    }

    public record NotificationLine(String channel, String template, String status, int attempts, String createdAt,
                                   String sentAt) {
    }

    public record Proof(long proofId, String deliveredAt, String method, String receiverName, double latitude,
                        double longitude, boolean signature, int photos) {
    }

    public record Attempt(String at, String reason, String nextStep) {
    }

    public record RouteRef(long id, String day, String vehicle, String driver, int stopSequence, String eta) {
    }

    public record HandoffRef(String partner, String partnerReference, String at) {
    }

    public record ReturnRef(String returnTrackingId, String status, String reason) {
    }

    public record ExceptionLine(long id, String kind, String detail, String raisedAt, String resolution, String note,
                                String reviewedBy) {
    }

    /** What staff can do at the parcel desk; the page offers only those the caller may take in this state. */
    public enum Action {
        REATTEMPT, HOLD, RETURN_TO_SENDER, CORRECT_ADDRESS, REPRINT_LABEL;

        boolean allowed(Parcel parcel, Caller caller) {
            boolean counter = caller.has(Role.ADMIN) || caller.has(Role.DEPOT_STAFF) || caller.has(Role.CUSTOMER_SERVICE);
            ParcelStatus status = parcel.status();
            return switch (this) {
                case REATTEMPT, HOLD -> counter && parcel.isAtDepot();
                case RETURN_TO_SENDER -> counter && parcel.isAtDepot();
                case CORRECT_ADDRESS -> counter && (parcel.isAtDepot() || status == ParcelStatus.AWAITING_ADDRESS);
                case REPRINT_LABEL -> caller.has(Role.ADMIN) || caller.has(Role.DEPOT_STAFF);
            };
        }
    }

    static ParcelPage of(Parcel parcel, ParcelStory story, Caller caller) {
        DeliveryPreferences wishes = parcel.preferences();
        Choices choices = new Choices(wishes.safePlace(), wishes.neighbour(),
                parcel.collectionPoint().map(CollectionPoint::code).orElse(null), wishes.instructions(),
                parcel.holdUntil().map(Object::toString).orElse(null), wishes.contactless(),
                story.choices(parcel).stream().map(c -> new ChoiceLine(c.kind().name(), c.detail(), c.madeBy(),
                        c.madeAt().toString())).toList());
        Proof proof = story.proof(parcel).map(p -> proofOf(p, story)).orElse(null);
        List<String> actions = new ArrayList<>();
        for (Action action : Action.values()) {
            if (action.allowed(parcel, caller)) {
                actions.add(action.name());
            }
        }
        return new ParcelPage(ParcelView.of(parcel).withoutPin(),
                parcel.shipper().map(ParcelPage::shipperOf).orElse(null),
                story.timeline(parcel).stream().map(e -> new Step(e.code().name(), e.occurredAt().toString(),
                        e.description())).toList(),
                choices,
                story.notifications(parcel).stream().map(n -> new NotificationLine(n.channel().name(), n.template(),
                        n.status().name(), n.attempts(), n.createdAt().toString(),
                        n.sentAt().map(Object::toString).orElse(null))).toList(),
                proof,
                story.failedAttempts(parcel).stream().map(a -> new Attempt(a.attemptedAt().toString(), a.reason().name(),
                        a.nextStep().name())).toList(),
                story.stop(parcel).map(ParcelPage::routeOf).orElse(null),
                story.handoff(parcel).map(ParcelPage::handoffOf).orElse(null),
                story.parcelReturn(parcel).map(ParcelPage::returnOf).orElse(null),
                story.exceptions(parcel).stream().map(ParcelPage::exceptionOf).toList(),
                actions);
    }

    private static ShipperRef shipperOf(Shipper shipper) {
        return new ShipperRef(shipper.code(), shipper.name());
    }

    private static Proof proofOf(DeliveryProof proof, ParcelStory story) {
        return new Proof(proof.id(), proof.deliveredAt().toString(), proof.method().name(), proof.receivedBy(),
                proof.location().latitude(), proof.location().longitude(), proof.signaturePng().isPresent(),
                story.photos(proof).size());
    }

    private static RouteRef routeOf(Stop stop) {
        return new RouteRef(stop.route().id(), stop.route().day().toString(), stop.route().vehicle().registration(),
                stop.route().driver().name(), stop.sequence(), stop.eta().toString());
    }

    private static HandoffRef handoffOf(Handoff handoff) {
        return new HandoffRef(handoff.partnerCode(), handoff.partnerReference(), handoff.acceptedAt().toString());
    }

    private static ReturnRef returnOf(ParcelReturn parcelReturn) {
        return new ReturnRef(parcelReturn.trackingId() == null ? null : parcelReturn.trackingId().value(),
                parcelReturn.status().name(), parcelReturn.reason());
    }

    private static ExceptionLine exceptionOf(PodException x) {
        return new ExceptionLine(x.id(), x.kind().name(), x.detail(), x.raisedAt().toString(),
                x.resolution().map(Enum::name).orElse(null), x.reviewNote().orElse(null), x.reviewedBy().orElse(null));
    }
}
