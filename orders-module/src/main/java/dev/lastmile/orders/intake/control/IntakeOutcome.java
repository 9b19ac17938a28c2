package dev.lastmile.orders.intake.control;

import dev.lastmile.model.parcel.Parcel;
import dev.lastmile.model.problem.FieldError;
import java.util.List;

/**
 * What became of one row of an intake: a new parcel, the parcel an earlier request with the same
 * shipper reference created, or a refusal with every reason.
 */
public record IntakeOutcome(int row, String shipperReference, Parcel parcel, boolean existing, List<FieldError> errors) {

    public enum Kind { CREATED, EXISTING, REJECTED }

    public static IntakeOutcome created(int row, Parcel parcel) {
        return new IntakeOutcome(row, parcel.shipperReference().orElse(null), parcel, false, List.of());
    }

    public static IntakeOutcome existing(int row, Parcel parcel) {
        return new IntakeOutcome(row, parcel.shipperReference().orElse(null), parcel, true, List.of());
    }

    public static IntakeOutcome rejected(int row, String shipperReference, List<FieldError> errors) {
        return new IntakeOutcome(row, shipperReference, null, false, errors);
    }

    public Kind kind() {
        return parcel == null ? Kind.REJECTED : existing ? Kind.EXISTING : Kind.CREATED;
    }
}
