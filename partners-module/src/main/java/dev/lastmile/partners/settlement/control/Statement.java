package dev.lastmile.partners.settlement.control;

import java.math.BigDecimal;
import java.util.List;

/**
 * A partner's month: how it performed against its terms, and what the carrier owes it. Only delivered parcels are
 * paid, at the price quoted when each was offered; {@code onTime} is within the SLA's days of the handover.
 */
public record Statement(String partnerCode, String partnerName, String month, String currency, int slaDays,
                        int parcels, int delivered, int onTime, int firstAttempt, int proofsComplete, int refusals,
                        BigDecimal total, List<Line> lines) {

    public record Line(String trackingId, String acceptedAt, String deliveredAt, double weightKg, BigDecimal basePrice,
                       BigDecimal surcharge, BigDecimal amount, Boolean onTime) {
    }

    public Double onTimePercent() {
        return percent(onTime, delivered);
    }

    public Double firstAttemptPercent() {
        return percent(firstAttempt, delivered);
    }

    public Double proofsCompletePercent() {
        return percent(proofsComplete, delivered);
    }

    private static Double percent(int part, int whole) {
        return whole == 0 ? null : Math.round(1000.0 * part / whole) / 10.0;
    }
}
