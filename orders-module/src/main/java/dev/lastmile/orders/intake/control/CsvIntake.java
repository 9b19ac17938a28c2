package dev.lastmile.orders.intake.control;

import dev.lastmile.model.intake.IntakeUpload;
import dev.lastmile.model.problem.FieldError;
import dev.lastmile.model.problem.NotFound;
import dev.lastmile.model.problem.PayloadTooLarge;
import dev.lastmile.model.shipper.Shipper;
import dev.lastmile.orders.intake.control.csv.CsvUpload;
import dev.lastmile.orders.intake.control.csv.ParcelColumn;
import dev.lastmile.orders.intake.control.csv.ParcelCsvReader;
import dev.lastmile.orders.intake.control.csv.ParsedRow;
import dev.lastmile.orders.intake.control.csv.ReportRow;
import dev.lastmile.orders.intake.control.csv.UploadReport;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A shipper's CSV upload: read strictly, each good row registered like a JSON batch row, and a
 * row-by-row report kept for download. Rows count by the file's line numbers, as a spreadsheet shows them.
 */
@ApplicationScoped
public class CsvIntake {

    /** 10,000 rows of a few hundred bytes fit with room to spare; more is refused before parsing. */
    public static final int MAX_BYTES = 8 * 1024 * 1024;

    @PersistenceContext(unitName = "lastmile")
    EntityManager em;

    @Inject
    ParcelIntake intake;

    public IntakeUpload upload(Shipper shipper, InputStream body, LocalDate today) {
        CsvUpload upload = new ParcelCsvReader(ParcelIntake.MAX_ROWS).read(new ByteArrayInputStream(limited(body)));
        List<ParsedRow> parsed = upload.parcels();
        List<IntakeOutcome> outcomes = intake.registerAll(shipper, parsed.stream().map(ParsedRow::request).toList(), today);
        List<ReportRow> report = new ArrayList<>();
        upload.rejections().forEach(error -> report.add(ReportRow.rejected(error)));
        for (int i = 0; i < outcomes.size(); i++) {
            report.addAll(reportRows(parsed.get(i).line(), outcomes.get(i)));
        }
        report.sort(Comparator.comparingInt(ReportRow::line));
        int created = count(outcomes, IntakeOutcome.Kind.CREATED);
        int existing = count(outcomes, IntakeOutcome.Kind.EXISTING);
        int rejected = upload.rejections().size() + count(outcomes, IntakeOutcome.Kind.REJECTED);
        IntakeUpload stored = new IntakeUpload(shipper.id(), Instant.now(), created, existing, rejected, UploadReport.write(report));
        em.persist(stored);
        em.flush();
        return stored;
    }

    public IntakeUpload reportOf(Shipper shipper, long uploadId) {
        IntakeUpload upload = em.find(IntakeUpload.class, uploadId);
        if (upload == null || upload.shipperId() != shipper.id()) {
            throw new NotFound("upload", String.valueOf(uploadId));
        }
        return upload;
    }

    private static List<ReportRow> reportRows(int line, IntakeOutcome outcome) {
        String reference = outcome.shipperReference();
        return switch (outcome.kind()) {
            case CREATED -> List.of(ReportRow.created(line, reference, outcome.parcel().trackingId().value()));
            case EXISTING -> List.of(ReportRow.existing(line, reference, outcome.parcel().trackingId().value()));
            case REJECTED -> outcome.errors().stream().map((FieldError e) -> ReportRow.rejected(line, reference,
                    ParcelColumn.headerFor(e.field()), e.message())).toList();
        };
    }

    private static int count(List<IntakeOutcome> outcomes, IntakeOutcome.Kind kind) {
        return (int) outcomes.stream().filter(o -> o.kind() == kind).count();
    }

    private static byte[] limited(InputStream body) {
        try {
            byte[] bytes = body.readNBytes(MAX_BYTES + 1);
            if (bytes.length > MAX_BYTES) {
                throw new PayloadTooLarge("A CSV upload may have at most " + MAX_BYTES / (1024 * 1024) + " MB.");
            }
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
