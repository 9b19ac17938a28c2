package dev.lastmile.returns.opening.control;

import dev.lastmile.model.access.CurrentCaller;
import dev.lastmile.model.event.ReturnOpened;
import dev.lastmile.model.parcel.Parcel;
import dev.lastmile.model.parcel.ParcelsByTrackingId;
import dev.lastmile.model.parcel.ParcelStatus;
import dev.lastmile.model.parcel.TrackingId;
import dev.lastmile.model.problem.NotFound;
import dev.lastmile.model.problem.RuleViolation;
import dev.lastmile.model.problem.Violations;
import dev.lastmile.model.returns.ParcelReturn;
import dev.lastmile.returns.opening.boundary.ReturnRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Opens returns of delivered parcels, one at a time per parcel. */
@ApplicationScoped
public class ReturnDesk {

    @PersistenceContext(unitName = "lastmile")
    EntityManager em;

    @Inject
    Event<ReturnOpened> opened;

    @Inject
    CurrentCaller caller;

    @Inject
    @ConfigProperty(name = "lastmile.gs1.company-prefix", defaultValue = "5060000")
    String companyPrefix;

    public ParcelReturn open(ReturnRequest request) {
        Violations.body(request);
        Violations violations = new Violations().require("trackingId", request.trackingId()).require("reason", request.reason());
        violations.check(request.reason() == null || request.reason().length() <= 240, "reason", "must be at most 240 characters");
        TrackingId trackingId = request.trackingId() == null ? null
                : violations.attempt("trackingId", () -> TrackingId.parse(request.trackingId()));
        violations.throwIfAny();

        Parcel parcel = ParcelsByTrackingId.find(em, trackingId);
        if (!parcel.isVisibleTo(caller.get())) {
            throw new NotFound("parcel", trackingId.value());
        }
        if (parcel.status() != ParcelStatus.DELIVERED) {
            throw new RuleViolation("parcel-not-delivered", "Parcel not delivered",
                    "Only a delivered parcel can be returned; " + trackingId.value() + " is " + parcel.status() + ".");
        }
        if (!em.createNamedQuery(ParcelReturn.OPEN_FOR_PARCEL, ParcelReturn.class).setParameter("parcel", parcel)
                .getResultList().isEmpty()) {
            throw new RuleViolation("return-exists", "Return already open",
                    "Parcel " + trackingId.value() + " already has a return.");
        }
        ParcelReturn parcelReturn = new ParcelReturn(parcel, request.reason().trim(), Instant.now());
        em.persist(parcelReturn);
        TrackingId returnId = parcelReturn.issueTrackingId(companyPrefix);
        opened.fire(new ReturnOpened(trackingId, returnId, parcelReturn.openedAt()));
        return parcelReturn;
    }

    public ParcelReturn byTrackingId(String text) {
        TrackingId trackingId = TrackingId.parse(text);
        return em.createNamedQuery(ParcelReturn.BY_TRACKING_ID, ParcelReturn.class)
                .setParameter("trackingId", trackingId.value()).getResultList().stream()
                .filter(r -> r.parcel().isVisibleTo(caller.get())).findFirst()
                .orElseThrow(() -> new NotFound("return", trackingId.value()));
    }
}
