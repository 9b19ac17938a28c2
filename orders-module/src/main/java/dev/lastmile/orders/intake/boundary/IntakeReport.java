package dev.lastmile.orders.intake.boundary;

import dev.lastmile.model.problem.FieldError;
import dev.lastmile.orders.intake.control.IntakeOutcome;
import java.util.List;

/** The answer to a batch or an upload: counts, then one line per row (rows count from 1 for people). */
public record IntakeReport(Long uploadId, int received, long created, long existing, long rejected, List<Row> rows) {

    public record Row(int row, String shipperReference, String outcome, String trackingId, List<FieldError> errors) {
    }

    static IntakeReport of(Long uploadId, List<IntakeOutcome> outcomes) {
        List<Row> rows = outcomes.stream().map(o -> new Row(o.row() + 1, o.shipperReference(), o.kind().name(),
                o.parcel() == null ? null : o.parcel().trackingId().value(), o.errors())).toList();
        return new IntakeReport(uploadId, outcomes.size(), count(outcomes, IntakeOutcome.Kind.CREATED),
                count(outcomes, IntakeOutcome.Kind.EXISTING), count(outcomes, IntakeOutcome.Kind.REJECTED), rows);
    }

    private static long count(List<IntakeOutcome> outcomes, IntakeOutcome.Kind kind) {
        return outcomes.stream().filter(o -> o.kind() == kind).count();
    }
}
