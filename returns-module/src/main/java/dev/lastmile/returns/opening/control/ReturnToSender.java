package dev.lastmile.returns.opening.control;

import dev.lastmile.model.event.ParcelDeliveryFailed;
import dev.lastmile.model.event.ReturnOpened;
import dev.lastmile.model.event.ReturnToSenderOrdered;
import dev.lastmile.model.parcel.NextStep;
import dev.lastmile.model.parcel.Parcel;
import dev.lastmile.model.parcel.ParcelsByTrackingId;
import dev.lastmile.model.returns.ParcelReturn;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** When the failed-attempt policy gives a parcel up, it goes back to its shipper under a return of its own. */
@ApplicationScoped
public class ReturnToSender {

    @PersistenceContext(unitName = "lastmile")
    EntityManager em;

    @Inject
    Event<ReturnOpened> opened;

    @Inject
    @ConfigProperty(name = "lastmile.gs1.company-prefix", defaultValue = "5060000")
    String companyPrefix;

    void undeliverable(@Observes ParcelDeliveryFailed event) {
        if (event.nextStep() != NextStep.RETURN_TO_SENDER) {
            return;
        }
        Parcel parcel = ParcelsByTrackingId.find(em, event.trackingId());
        ParcelReturn parcelReturn = new ParcelReturn(parcel, "Undeliverable after attempt " + event.attemptNumber()
                + ": " + event.reason().name().toLowerCase().replace('_', ' '), event.at());
        em.persist(parcelReturn);
        opened.fire(new ReturnOpened(event.trackingId(), parcelReturn.issueTrackingId(companyPrefix), event.at()));
    }

    void ordered(@Observes ReturnToSenderOrdered event) {
        Parcel parcel = ParcelsByTrackingId.find(em, event.trackingId());
        // The staff's own words stay in the audit trail; the shipper reads the return's reason.
        ParcelReturn parcelReturn = new ParcelReturn(parcel, "Returned to the sender by the carrier's staff", event.at());
        em.persist(parcelReturn);
        opened.fire(new ReturnOpened(event.trackingId(), parcelReturn.issueTrackingId(companyPrefix), event.at()));
    }
}
