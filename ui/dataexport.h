#pragma once

// The data behind the figures, as files. A discrete pair: the per-event table as CSV (the same columns
// and number format as copying rows from the table) and the metrics as JSON (exactly the object
// `klscope-cli compute --json` prints). A continuous pair: the plotting grid as CSV and the metrics as
// JSON (the object `klscope-cli compute --json` prints for continuous specs, continuousreport.h). Files
// are written atomically: on any failure the old file stays.

#include <comparison.h>
#include <continuouscomparison.h>

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

/// Writes the plotting grid of `comparison` as CSV: the header "x,p,q,kl_pq_<unit>,kl_qp_<unit>,js_<unit>"
/// (the densities p(x) and q(x), then the integrands p ln(p/q), q ln(q/p) and the JS term in the unit),
/// then one line per grid point in x order, every number with 17 significant digits so it reads back to
/// the same double ("inf", "-inf", "nan" as such). An empty grid gives the header alone. Returns "" on
/// success, else "Cannot write file ...".
QString writeContinuousGridCsv(const klscope::ContinuousComparison &comparison, const QString &fileName);

/// Writes klscope::toJson(comparison, withGrid) (continuousreport.h), whose metric block is read from
/// klscope::summarize(comparison) (continuoussummary.h): the object `klscope-cli compute --json` prints
/// for the same pair and options (`withGrid` false: as with --summary). Returns "" on success, else
/// "Cannot write file ...".
QString writeContinuousMetricsJson(const klscope::ContinuousComparison &comparison, const QString &fileName,
                                   bool withGrid = true);

} // namespace dataexport
