package dev.lastmile.model.event;

import dev.lastmile.model.live.WindowStage;
import dev.lastmile.model.parcel.TrackingId;
import java.time.Instant;
import java.time.LocalDateTime;

/**
 * The window told to a parcel's recipient changed: it narrowed, or it moved because the van runs late or early
 * ({@code movedMinutes}: how far the window's end moved, later positive), or theirs is the next stop.
 */
public record EtaRevised(TrackingId trackingId, long routeId, LocalDateTime from, LocalDateTime to, LocalDateTime eta,
                         WindowStage stage, Change change, int stopsBefore, long movedMinutes, Instant at) {

    public enum Change {
        /** Narrower, inside the window told before: nothing the recipient must act on. */
        NARROWED,
        /** Theirs is the next stop. */
        NEXT,
        /** The van runs late: the window moved later by more than the margin. */
        LATE,
        /** The van runs early: the window moved earlier by more than the margin. */
        EARLY,
        /** Moved by less than the margin. */
        ADJUSTED
    }
}
