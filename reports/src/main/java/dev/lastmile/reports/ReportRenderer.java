package dev.lastmile.reports;

import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JasperCompileManager;
import net.sf.jasperreports.engine.JasperExportManager;
import net.sf.jasperreports.engine.JasperFillManager;
import net.sf.jasperreports.engine.JasperPrint;
import net.sf.jasperreports.engine.JasperReport;
import net.sf.jasperreports.engine.data.JRMapCollectionDataSource;

/**
 * Fills a report template with rows and parameters and exports it as PDF. Templates are compiled
 * once per JVM: compiling takes hundreds of milliseconds, filling a few.
 */
public final class ReportRenderer {

    private static final Map<ReportTemplate, JasperReport> COMPILED = new ConcurrentHashMap<>();

    private ReportRenderer() {
    }

    public static byte[] pdf(ReportTemplate template, Map<String, ?> parameters, Collection<Map<String, ?>> rows) {
        try {
            JasperPrint print = JasperFillManager.fillReport(compiled(template), new HashMap<>(parameters),
                    new JRMapCollectionDataSource(rows));
            return JasperExportManager.exportReportToPdf(print);
        } catch (JRException e) {
            throw new IllegalStateException("report " + template + " failed", e);
        }
    }

    private static JasperReport compiled(ReportTemplate template) {
        return COMPILED.computeIfAbsent(template, ReportRenderer::compile);
    }

    private static JasperReport compile(ReportTemplate template) {
        try (InputStream source = ReportRenderer.class.getResourceAsStream(template.resource())) {
            if (source == null) {
                throw new IllegalStateException("missing template " + template.resource());
            }
            return JasperCompileManager.compileReport(source);
        } catch (JRException e) {
            throw new IllegalStateException("template " + template + " does not compile", e);
        } catch (java.io.IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
