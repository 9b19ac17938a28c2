package dev.lastmile.partners.handoff.control;

import dev.lastmile.model.event.ParcelHandedOver;
import dev.lastmile.model.handoff.Handoff;
import dev.lastmile.model.parcel.Parcel;
import dev.lastmile.model.parcel.ParcelsByTrackingId;
import dev.lastmile.model.parcel.ParcelStatus;
import dev.lastmile.model.parcel.TrackingId;
import dev.lastmile.model.problem.RuleViolation;
import dev.lastmile.model.problem.Violations;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;

/** Records that a partner 3PL accepted a parcel, whichever channel it used. */
@ApplicationScoped
public class HandoffDesk {

    @PersistenceContext(unitName = "lastmile")
    EntityManager em;

    @Inject
    Event<ParcelHandedOver> handedOver;

    public Handoff accept(String partnerCode, String trackingIdText, String partnerReference, String channel) {
        Violations violations = new Violations().require("partnerCode", partnerCode)
                .require("trackingId", trackingIdText).require("partnerReference", partnerReference);
        violations.check(partnerCode == null || partnerCode.matches("[A-Z0-9]{2,16}"), "partnerCode",
                "must be 2 to 16 capital letters or digits");
        violations.check(partnerReference == null || partnerReference.length() <= 64, "partnerReference",
                "must be at most 64 characters");
        TrackingId trackingId = trackingIdText == null ? null
                : violations.attempt("trackingId", () -> TrackingId.parse(trackingIdText));
        violations.throwIfAny();

        Parcel parcel = ParcelsByTrackingId.find(em, trackingId);
        if (!parcel.status().canBecome(ParcelStatus.HANDED_TO_PARTNER)) {
            throw new RuleViolation("parcel-not-transferable", "Parcel cannot be handed over",
                    "Parcel " + trackingId.value() + " is " + parcel.status() + " and can no longer be handed to a partner.");
        }
        Handoff handoff = new Handoff(parcel, partnerCode, partnerReference.trim(), channel, Instant.now());
        em.persist(handoff);
        em.flush();
        handedOver.fire(new ParcelHandedOver(trackingId, partnerCode, handoff.partnerReference(), handoff.acceptedAt()));
        return handoff;
    }
}
