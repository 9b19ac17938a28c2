package dev.lastmile.orders.intake.control.csv;

import java.util.List;

/** A parcel file read row by row: the rows ready for registration and the rows rejected, each in file order. */
public record CsvUpload(List<ParsedRow> parcels, List<RowError> rejections) {

    public CsvUpload {
        parcels = List.copyOf(parcels);
        rejections = List.copyOf(rejections);
    }
}
