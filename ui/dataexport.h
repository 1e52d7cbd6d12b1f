#pragma once

// The data behind the figures, as files: the per-event table as CSV (the same columns and number
// format as copying rows from the table) and the metrics as JSON (exactly the object
// `klscope-cli compute --json` prints). Files are written atomically: on any failure the old file stays.

#include <comparison.h>

#include <QString>

#include <memory>

namespace dataexport {

/// Writes every event of `comparison` as CSV: the header line (with the unit in the term columns),
/// then one line per event in event order. Returns "" on success, else "Cannot write file ...".
QString writeEventTableCsv(std::shared_ptr<const klscope::Comparison> comparison, const QString &fileName);

/// Writes klscope::toJson(comparison, true), whose metric block is read from
/// klscope::summarize(comparison) (report.h, addMetricBlock). Returns "" on success, else "Cannot write
/// file ...".
QString writeMetricsJson(const klscope::Comparison &comparison, const QString &fileName);

} // namespace dataexport
