package dev.lastmile.orders.intake.control.csv;

import dev.lastmile.model.problem.FieldError;
import dev.lastmile.model.problem.InvalidRequest;
import java.util.List;

/**
 * The uploaded file as a whole cannot be read: not UTF-8, a bad header, too many rows. No row of it is
 * registered. As an {@link InvalidRequest} it becomes a 400 problem naming every fault.
 */
public class MalformedUpload extends InvalidRequest {

    public MalformedUpload(List<FieldError> errors) {
        super(errors);
    }

    public MalformedUpload(String field, String message) {
        super(field, message);
    }
}
