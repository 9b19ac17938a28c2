package dev.lastmile.partners.status.control;

import dev.lastmile.model.problem.FieldError;
import java.util.List;

/**
 * What became of one status report: {@code APPLIED} (the parcel's new state), {@code HISTORY} (taken, but older than
 * what the partner reported already: on the timeline at its time), {@code DUPLICATE} (taken before under this event
 * id; nothing changed) or {@code REFUSED} (nothing changed; {@code code} and {@code detail} say why).
 */
public record StatusResult(String eventId, String result, String code, String detail, List<FieldError> errors) {

    static StatusResult taken(String eventId, boolean history) {
        return new StatusResult(eventId, history ? "HISTORY" : "APPLIED", null, null, List.of());
    }

    static StatusResult duplicate(String eventId) {
        return new StatusResult(eventId, "DUPLICATE", null, null, List.of());
    }

    static StatusResult refused(String eventId, String code, String detail, List<FieldError> errors) {
        return new StatusResult(eventId, "REFUSED", code, detail, errors);
    }

    public boolean refused() {
        return "REFUSED".equals(result);
    }
}
