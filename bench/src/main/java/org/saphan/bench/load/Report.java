package org.saphan.bench.load;

import java.util.List;
import java.util.Map;

/** The Markdown table of a benchmark report, with the targets of the performance issue beside the figures. */
final class Report {

    private Report() {
    }

    @SuppressWarnings("unchecked")
    static String markdown(Map<String, Object> report) {
        StringBuilder md = new StringBuilder();
        Map<String, Object> machine = (Map<String, Object>) report.get("machine");
        md.append("Measured ").append(report.get("measuredAt")).append(" on ").append(machine.get("cores"))
                .append(" cores (").append(machine.get("cpu")).append("), ").append(machine.get("java"))
                .append("; ").append(machine.get("note")).append(".\n\n");
        for (Map<String, Object> run : (List<Map<String, Object>>) report.get("runs")) {
            md.append("### ").append(run.get("database")).append("\n\n");
            md.append("| concurrency | direct /s | hub /s | ratio | hub p50 ms | hub p99 ms | hub p99.9 ms | hub failed | hub CPU ms/exchange | access-log records per batch |\n");
            md.append("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
            for (Map<String, Object> row : (List<Map<String, Object>>) run.get("closedLoop")) {
                Map<String, Object> d = (Map<String, Object>) row.get("direct");
                Map<String, Object> h = (Map<String, Object>) row.get("hub");
                md.append("| ").append(row.get("concurrency")).append(" | ").append(d.get("throughputPerSecond"))
                        .append(" | ").append(h.get("throughputPerSecond")).append(" | ").append(row.get("ratio"))
                        .append(" | ").append(h.get("p50Ms")).append(" | ").append(h.get("p99Ms"))
                        .append(" | ").append(h.get("p999Ms")).append(" | ").append(failed(h)).append(" | ").append(row.get("hubCpuMsPerExchange"))
                        .append(" | ").append(row.get("auditRecordsPerBatch")).append(" |\n");
            }
            Map<String, Object> peak = (Map<String, Object>) run.get("peakThroughput");
            Map<String, Object> fixed = (Map<String, Object>) run.get("fixedRate");
            Map<String, Object> added = (Map<String, Object>) fixed.get("addedLatencyMs");
            Map<String, Object> memory = (Map<String, Object>) run.get("hubMemory");
            Map<String, Object> audit = (Map<String, Object>) run.get("audit");
            md.append("\n| figure | measured | target | verdict |\n|---|---:|---:|---|\n");
            double ratio = number(peak.get("ratio"));
            double hubPeak = number(peak.get("hub"));
            double p50 = number(added.get("p50"));
            double p99 = number(added.get("p99"));
            long heap = (long) number(memory.get("peakHeapMiB"));
            md.append("| hub / direct peak throughput | ").append(ratio).append(" | ≥ 0.5 | ").append(atLeast(ratio, 0.5)).append(" |\n");
            md.append("| hub peak exchanges per second | ").append(hubPeak).append(" | ≥ 2000 | ").append(atLeast(hubPeak, 2000)).append(" |\n");
            md.append("| added latency p50 at ").append(fixed.get("ratePerSecond")).append("/s | ")
                    .append(p50).append(" ms | < 2 ms | ").append(below(p50, 2, "ms")).append(" |\n");
            md.append("| added latency p99 at ").append(fixed.get("ratePerSecond")).append("/s | ")
                    .append(p99).append(" ms | < 10 ms | ").append(below(p99, 10, "ms")).append(" |\n");
            md.append("| hub heap at peak | ").append(heap).append(" MiB | < 512 MiB | ").append(below(heap, 512, "MiB")).append(" |\n");
            md.append("| audit permit records / 200 responses | ").append(audit.get("permitRecords")).append(" / ")
                    .append(audit.get("okResponses")).append(" | equal | ")
                    .append(Boolean.TRUE.equals(audit.get("equal")) ? "met" : "**missed**").append(" |\n");
            md.append("| added latency p99.9 | ").append(added.get("p99.9")).append(" ms | | |\n");
            md.append("| hub CPU ms per exchange at ").append(fixed.get("ratePerSecond")).append("/s | ")
                    .append(fixed.get("hubCpuMsPerExchange")).append(" | | |\n");
            md.append("| hub database checkouts per exchange | ").append(fixed.get("hubDbCheckoutsPerExchange")).append(" | | |\n");
            md.append("| access-log records per group-commit batch | ").append(fixed.get("auditRecordsPerBatch")).append(" | | |\n");
            md.append("| hub KiB allocated per exchange | ").append(fixed.get("hubAllocatedKiBPerExchange")).append(" | | |\n");
            md.append("| hub RSS at peak | ").append(memory.get("peakRssMiB")).append(" MiB | | |\n\n");
        }
        return md.toString();
    }

    private static double number(Object value) {
        return value instanceof Number n ? n.doubleValue() : Double.NaN;
    }

    /** "met", or by how much a figure that must reach {@code target} falls short. */
    static String atLeast(double measured, double target) {
        return measured >= target ? "met"
                : String.format(java.util.Locale.ROOT, "**missed** by %.2f (%.0f%% of the target)", target - measured, 100 * measured / target);
    }

    /** "met", or by how much a figure that must stay under {@code target} is over. */
    static String below(double measured, double target, String unit) {
        return measured < target ? "met"
                : String.format(java.util.Locale.ROOT, "**missed** by %.2f %s (%.1f× the target)", measured - target, unit, measured / target);
    }

    /** The count, with the statuses when any failed (e.g. "18 {429=18}"). */
    @SuppressWarnings("unchecked")
    private static String failed(Map<String, Object> figures) {
        Object failures = figures.get("failures");
        return figures.get("failed") + (failures instanceof Map<?, ?> m && !m.isEmpty() ? " " + m : "");
    }
}
