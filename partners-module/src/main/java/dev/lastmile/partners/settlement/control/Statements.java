package dev.lastmile.partners.settlement.control;

import dev.lastmile.model.export.SpreadsheetCell;
import dev.lastmile.model.partner.Partner;
import dev.lastmile.model.problem.InvalidRequest;
import dev.lastmile.model.problem.NotFound;
import dev.lastmile.reports.ReportRenderer;
import dev.lastmile.reports.ReportTemplate;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Partner statements from SQL over the month's handoffs (one query for the lines with their proof and attempts,
 * one for the refusals), never entity by entity; as JSON, CSV and PDF (Jasper).
 */
@ApplicationScoped
public class Statements {

    @PersistenceContext(unitName = "lastmile")
    EntityManager em;

    public Statement of(String partnerCode, String monthText) {
        Partner partner = em.createNamedQuery(Partner.BY_CODE, Partner.class).setParameter("code", partnerCode)
                .getResultList().stream().findFirst().orElseThrow(() -> new NotFound("partner", partnerCode));
        YearMonth month;
        try {
            month = YearMonth.parse(monthText);
        } catch (DateTimeParseException e) {
            throw new InvalidRequest("month", "must be a month, e.g. 2026-12");
        }
        Timestamp from = Timestamp.from(month.atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC));
        Timestamp to = Timestamp.from(month.plusMonths(1).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC));
        int sla = partner.terms().slaDays();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT p.tracking_id, h.accepted_at, h.status, h.status_at, p.weight_kg,"
                        + " h.price_base, h.price_surcharge,"
                        + " (SELECT COUNT(*) FROM partner_event e WHERE e.handoff_id = h.id AND e.status = 'ATTEMPT_FAILED'),"
                        + " (SELECT COUNT(*) FROM delivery_proof d WHERE d.parcel_id = p.id AND (d.signature_png IS NOT NULL"
                        + "   OR EXISTS (SELECT 1 FROM pod_photo ph WHERE ph.proof_id = d.id)))"
                        + " FROM handoff h JOIN parcel p ON p.id = h.parcel_id"
                        + " WHERE h.partner_id = ? AND h.accepted_at >= ? AND h.accepted_at < ? ORDER BY h.accepted_at, h.id")
                .setParameter(1, partner.id()).setParameter(2, from).setParameter(3, to).getResultList();
        int delivered = 0;
        int onTime = 0;
        int firstAttempt = 0;
        int proofs = 0;
        BigDecimal total = BigDecimal.ZERO;
        List<Statement.Line> lines = new ArrayList<>();
        for (Object[] row : rows) {
            Instant accepted = instant(row[1]);
            boolean isDelivered = "DELIVERED".equals(row[2]);
            Instant deliveredAt = isDelivered ? instant(row[3]) : null;
            Boolean inTime = deliveredAt == null ? null
                    : !deliveredAt.atZone(ZoneOffset.UTC).toLocalDate().isAfter(accepted.atZone(ZoneOffset.UTC).toLocalDate().plusDays(sla));
            BigDecimal base = money(row[5]);
            BigDecimal surcharge = money(row[6]);
            BigDecimal amount = isDelivered ? base.add(surcharge) : BigDecimal.ZERO.setScale(2);
            if (isDelivered) {
                delivered++;
                onTime += Boolean.TRUE.equals(inTime) ? 1 : 0;
                firstAttempt += ((Number) row[7]).intValue() == 0 ? 1 : 0;
                proofs += ((Number) row[8]).intValue() > 0 ? 1 : 0;
                total = total.add(amount);
            }
            lines.add(new Statement.Line((String) row[0], accepted.toString(), deliveredAt == null ? null : deliveredAt.toString(),
                    ((Number) row[4]).doubleValue(), base, surcharge, amount, inTime));
        }
        int refusals = ((Number) em.createNativeQuery("SELECT COUNT(*) FROM partner_offer WHERE partner_id = ?"
                + " AND refused_at >= ? AND refused_at < ?").setParameter(1, partner.id()).setParameter(2, from)
                .setParameter(3, to).getSingleResult()).intValue();
        return new Statement(partner.code(), partner.name(), month.toString(), partner.terms().currency(), sla, rows.size(),
                delivered, onTime, firstAttempt, proofs, refusals, total.setScale(2), lines);
    }

    public static String csv(Statement statement) {
        StringBuilder csv = new StringBuilder("trackingId,acceptedAt,deliveredAt,weightKg,basePrice,surcharge,amount,onTime\r\n");
        for (Statement.Line l : statement.lines()) {
            csv.append(SpreadsheetCell.neutralise(l.trackingId())).append(',').append(l.acceptedAt()).append(',')
                    .append(l.deliveredAt() == null ? "" : l.deliveredAt()).append(',').append(l.weightKg()).append(',')
                    .append(l.basePrice()).append(',').append(l.surcharge()).append(',').append(l.amount()).append(',')
                    .append(l.onTime() == null ? "" : l.onTime()).append("\r\n");
        }
        return csv.append("total,,,,,,").append(statement.total()).append(",\r\n").toString();
    }

    public static byte[] pdf(String carrierName, Statement s) {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("carrierName", carrierName);
        parameters.put("partnerCode", s.partnerCode());
        parameters.put("partnerName", s.partnerName());
        parameters.put("month", s.month());
        parameters.put("generatedAt", Instant.now().toString());
        parameters.put("currency", s.currency());
        parameters.put("parcels", s.parcels());
        parameters.put("delivered", s.delivered());
        parameters.put("onTimePercent", s.onTimePercent());
        parameters.put("firstAttemptPercent", s.firstAttemptPercent());
        parameters.put("proofsCompletePercent", s.proofsCompletePercent());
        parameters.put("refusals", s.refusals());
        parameters.put("totalAmount", s.total());
        List<Map<String, ?>> rows = s.lines().stream().<Map<String, ?>>map(l -> {
            Map<String, Object> row = new HashMap<>();
            row.put("trackingId", l.trackingId());
            row.put("acceptedAt", l.acceptedAt());
            row.put("deliveredAt", l.deliveredAt());
            row.put("weightKg", l.weightKg());
            row.put("basePrice", l.basePrice());
            row.put("surcharge", l.surcharge());
            row.put("amount", l.amount());
            row.put("onTime", l.onTime());
            return row;
        }).toList();
        return ReportRenderer.pdf(ReportTemplate.PARTNER_SETTLEMENT, parameters, rows);
    }

    private static Instant instant(Object value) {
        if (value instanceof Timestamp timestamp) {
            return timestamp.toInstant();
        }
        if (value instanceof LocalDateTime local) {
            return local.toInstant(ZoneOffset.UTC);
        }
        return Instant.parse(value.toString());
    }

    private static BigDecimal money(Object value) {
        return value == null ? BigDecimal.ZERO.setScale(2) : new BigDecimal(value.toString()).setScale(2);
    }
}
