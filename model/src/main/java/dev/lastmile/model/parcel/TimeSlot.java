package dev.lastmile.model.parcel;

import java.time.LocalTime;

/** The window of a day in which the recipient wants the parcel. */
public record TimeSlot(LocalTime from, LocalTime to) {

    public TimeSlot {
        if (from == null || to == null) {
            throw new IllegalArgumentException("needs both from and to");
        }
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("from must be before to");
        }
    }
}
