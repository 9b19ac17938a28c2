package dev.lastmile.pod.position.boundary;

/** What became of one fix of a batch (by its place in the batch): stored, known before, or refused and why. */
public record PositionResult(int index, Status status, String problem, String detail) {

    public enum Status {
        STORED, DUPLICATE, REJECTED
    }

    public static PositionResult stored(int index) {
        return new PositionResult(index, Status.STORED, null, null);
    }

    public static PositionResult duplicate(int index) {
        return new PositionResult(index, Status.DUPLICATE, null, "at or before the route's latest position; ignored");
    }

    public static PositionResult rejected(int index, String problem, String detail) {
        return new PositionResult(index, Status.REJECTED, problem, detail);
    }
}
