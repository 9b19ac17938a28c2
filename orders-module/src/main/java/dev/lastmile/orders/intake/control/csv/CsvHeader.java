package dev.lastmile.orders.intake.control.csv;

import dev.lastmile.model.problem.FieldError;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The header row of a parcel file: which column sits at which position. */
final class CsvHeader {

    private final List<ParcelColumn> columns;

    private CsvHeader(List<ParcelColumn> columns) {
        this.columns = List.copyOf(columns);
    }

    /** @throws MalformedUpload naming every unknown, duplicate and missing column at once */
    static CsvHeader of(CsvRecord record) {
        if (record.malformed()) {
            throw new MalformedUpload("header", "line " + record.line() + ": " + record.defect());
        }
        List<FieldError> faults = new ArrayList<>();
        List<ParcelColumn> columns = new ArrayList<>();
        for (int i = 0; i < record.fields().size(); i++) {
            String name = record.fields().get(i).strip();
            Optional<ParcelColumn> column = ParcelColumn.named(name);
            if (name.isEmpty()) {
                faults.add(new FieldError("header", "column " + (i + 1) + " has no name"));
            } else if (column.isEmpty()) {
                faults.add(new FieldError(name, "is not a known column"));
            } else if (columns.contains(column.get())) {
                faults.add(new FieldError(name, "appears more than once"));
            } else {
                columns.add(column.get());
            }
        }
        Arrays.stream(ParcelColumn.values()).filter(c -> c.required() && !columns.contains(c))
                .forEach(c -> faults.add(new FieldError(c.header(), "is a required column but not in the header")));
        if (!faults.isEmpty()) {
            throw new MalformedUpload(faults);
        }
        return new CsvHeader(columns);
    }

    int width() {
        return columns.size();
    }

    /** The column at a 0-based position, for naming where a malformed row broke; null past the last column. */
    String nameAt(int position) {
        return position < columns.size() ? columns.get(position).header() : null;
    }

    /** The cell of a column without surrounding spaces; null when the cell is empty or the file lacks the column. */
    String cell(CsvRecord row, ParcelColumn column) {
        int position = columns.indexOf(column);
        if (position < 0) {
            return null;
        }
        String cell = row.fields().get(position).strip();
        return cell.isEmpty() ? null : cell;
    }
}
