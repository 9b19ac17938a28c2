package dev.lastmile.model.partner;

import java.time.DayOfWeek;
import java.time.LocalDate;

/** The delivery products a partner 3PL may take on; a parcel needs one of them. */
public enum PartnerService {
    NEXT_DAY,
    SAME_DAY,
    WEEKEND;

    /**
     * What a parcel asks of a partner: delivery on a Saturday or Sunday is a weekend delivery, on the day it was
     * handed to the carrier a same-day one, anything later next-day.
     */
    public static PartnerService forDelivery(LocalDate deliveryDay, LocalDate registeredOn) {
        DayOfWeek day = deliveryDay.getDayOfWeek();
        if (day == DayOfWeek.SATURDAY || day == DayOfWeek.SUNDAY) {
            return WEEKEND;
        }
        return deliveryDay.isAfter(registeredOn) ? NEXT_DAY : SAME_DAY;
    }
}
