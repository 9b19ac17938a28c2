package dev.lastmile.orders.intake.control.csv;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a shipper's parcel file into parcel requests, row by row, registering nothing. The file is UTF-8
 * CSV (RFC 4180) whose first non-blank line names the columns of {@link ParcelColumn}, in any order and case.
 * A fault in one row rejects that row only; a fault of the file as a whole rejects all of it.
 */
public final class ParcelCsvReader {

    public static final int DEFAULT_MAX_ROWS = 10_000;

    private final int maxRows;

    /** @param maxRows the most data rows one file may hold; blank lines and the header do not count */
    public ParcelCsvReader(int maxRows) {
        if (maxRows < 1) {
            throw new IllegalArgumentException("maxRows must be at least 1, not " + maxRows);
        }
        this.maxRows = maxRows;
    }

    /**
     * @throws MalformedUpload when the file is not UTF-8, is empty, has a bad header, has more than
     *                         {@code maxRows} rows or a quote that is never closed
     */
    public CsvUpload read(InputStream upload) {
        CsvRecords records = new CsvRecords(UploadText.decode(upload));
        CsvHeader header = CsvHeader.of(firstNonBlank(records));
        List<ParsedRow> parcels = new ArrayList<>();
        List<RowError> rejections = new ArrayList<>();
        int rows = 0;
        while (records.hasNext()) {
            CsvRecord record = records.next();
            if (record.blank()) {
                continue;
            }
            if (++rows > maxRows) {
                throw new MalformedUpload("file", "has more than " + maxRows + " rows; upload at most " + maxRows
                        + " rows per file");
            }
            ParcelRow row = new ParcelRow(header, record);
            if (row.errors().isEmpty()) {
                parcels.add(row.parsed());
            } else {
                rejections.addAll(row.errors());
            }
        }
        return new CsvUpload(parcels, rejections);
    }

    private static CsvRecord firstNonBlank(CsvRecords records) {
        while (records.hasNext()) {
            CsvRecord record = records.next();
            if (!record.blank()) {
                return record;
            }
        }
        throw new MalformedUpload("file", "is empty; its first line must name the columns");
    }
}
