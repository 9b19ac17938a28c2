package dev.lastmile.pod.scan.boundary;

import dev.lastmile.model.problem.FieldError;
import java.util.List;

/** What became of one event of a batch: stored now, stored before (a duplicate), or rejected and why. */
public record ScanResult(String eventId, Status status, String problem, String detail, List<FieldError> errors) {

    public enum Status {
        STORED, DUPLICATE, REJECTED
    }

    public static ScanResult stored(String eventId) {
        return new ScanResult(eventId, Status.STORED, null, null, List.of());
    }

    public static ScanResult duplicate(String eventId) {
        return new ScanResult(eventId, Status.DUPLICATE, null, "stored before; ignored", List.of());
    }

    public static ScanResult rejected(String eventId, String problem, String detail, List<FieldError> errors) {
        return new ScanResult(eventId, Status.REJECTED, problem, detail, errors);
    }
}
