package dev.lastmile.pod.report.control;

import dev.lastmile.model.fleet.Depot;
import dev.lastmile.model.parcel.DeliveryAddress;
import dev.lastmile.model.problem.NotFound;
import dev.lastmile.model.proof.DeliveryProof;
import dev.lastmile.reports.ReportRenderer;
import dev.lastmile.reports.ReportTemplate;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The depot manager's list of the parcels delivered on a day, as a PDF. */
@ApplicationScoped
public class DailyDeliveries {

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm");

    @PersistenceContext(unitName = "lastmile")
    EntityManager em;

    @Inject
    @ConfigProperty(name = "lastmile.zone", defaultValue = "Europe/London")
    String zone;

    public byte[] pdf(String depotCode, LocalDate day) {
        Depot depot = em.createNamedQuery(Depot.BY_CODE, Depot.class).setParameter("code", depotCode)
                .getResultList().stream().findFirst().orElseThrow(() -> new NotFound("depot", depotCode));
        ZoneId local = ZoneId.of(zone);
        List<DeliveryProof> proofs = em.createNamedQuery(DeliveryProof.OF_DEPOT_DAY, DeliveryProof.class)
                .setParameter("depot", depotCode)
                .setParameter("from", day.atStartOfDay(local).toInstant())
                .setParameter("to", day.plusDays(1).atStartOfDay(local).toInstant())
                .getResultList();
        List<Map<String, ?>> rows = proofs.stream().<Map<String, ?>>map(proof -> row(proof, local)).toList();
        return ReportRenderer.pdf(ReportTemplate.DAILY_DELIVERIES, Map.of("depotCode", depot.code(),
                "depotName", depot.name(), "day", day.toString(),
                "generatedAt", Instant.now().atZone(local).format(DateTimeFormatter.ISO_LOCAL_DATE_TIME)), rows);
    }

    private static Map<String, ?> row(DeliveryProof proof, ZoneId zone) {
        DeliveryAddress address = proof.parcel().address();
        return Map.of("trackingId", proof.parcel().trackingId().value(),
                "recipient", proof.parcel().recipient().name(),
                "address", address.line() + ", " + address.town() + " " + address.postcode().value(),
                "receivedBy", proof.receivedBy(),
                "deliveredAt", CLOCK.format(proof.deliveredAt().atZone(zone)));
    }
}
