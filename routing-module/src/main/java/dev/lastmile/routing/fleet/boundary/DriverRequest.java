package dev.lastmile.routing.fleet.boundary;

import java.math.BigDecimal;

/**
 * A driver to base at a depot, with the shift (HH:mm) and a break that must start inside its
 * window; all optional (08:00–18:00, 30 minutes between 11:30 and 14:00, 15 per hour).
 */
public record DriverRequest(String name, String shiftStart, String shiftEnd, Integer breakMinutes, String breakEarliest,
                            String breakLatest, BigDecimal costPerHour) {
}
