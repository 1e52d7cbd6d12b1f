#include "dataexport.h"

#include "atomicwriter.h"
#include "corecall.h"
#include "eventtablemodel.h"
#include "report.h"

#include <continuousreport.h>
#include <units.h>

#include <charconv>
#include <cmath>
#include <string>

namespace dataexport {

QString writeEventTableCsv(std::shared_ptr<const klscope::Comparison> comparison, const QString &fileName)
{
    // The table's own model formats the rows, so the file and a copy from the table always agree.
    EventTableModel model;
    model.setComparison(std::move(comparison));
    AtomicWriter file(fileName);
    if (QString error = file.open(); !error.isEmpty())
        return error;
    QByteArray chunk = model.csvHeaderLine().toUtf8();
    chunk += '\n';
    const int rows = model.rowCount();
    for (int row = 0; row <= rows; ++row) {
        if (row < rows) {
            chunk += model.csvRow(row).toUtf8();
            chunk += '\n';
        }
        // Written in pieces, so 10^6 events never hold the whole file in memory.
        if (chunk.size() >= (1 << 16) || row == rows) {
            if (!file.write(chunk))
                return file.commit();
            chunk.clear();
        }
    }
    return file.commit();
}

QString writeMetricsJson(const klscope::Comparison &comparison, const QString &fileName)
{
    AtomicWriter file(fileName);
    if (QString error = file.open(); !error.isEmpty())
        return error;
    // Streamed in pieces as the report produces them: 10^7 events never become one string in memory.
    QString why;
    const auto done = callCore(
        [&] {
            klscope::writeJson(comparison, true, {}, {}, [&file](std::string_view piece) {
                file.write(piece.data(), qint64(piece.size()));
            });
            return true;
        },
        &why);
    if (!done)
        return file.abandon(why);
    return file.commit();
}

QString writeContinuousGridCsv(const klscope::ContinuousComparison &comparison, const QString &fileName)
{
    const klscope::ContinuousGrid &grid = comparison.grid;
    AtomicWriter file(fileName);
    if (QString error = file.open(); !error.isEmpty())
        return error;
    // The term columns name the unit, as the per-event table's do.
    const std::string unit(klscope::unitName(comparison.unit));
    std::string chunk = "x,p,q,kl_pq_" + unit + ",kl_qp_" + unit + ",js_" + unit + "\n";
    const auto append = [&chunk](double v) {
        if (std::isnan(v)) {
            chunk += "nan";
        } else if (std::isinf(v)) {
            chunk += v > 0 ? "inf" : "-inf";
        } else {
            // As printf's %.17g, which reads back to the same double, but never in a locale's format.
            char buffer[32];
            const auto end = std::to_chars(buffer, buffer + sizeof buffer, v, std::chars_format::general, 17);
            chunk.append(buffer, end.ptr);
        }
    };
    const std::vector<double> *columns[] = {&grid.x, &grid.p, &grid.q, &grid.klPQ, &grid.klQP, &grid.js};
    const std::size_t rows = grid.x.size();
    for (const std::vector<double> *column : columns)
        if (column->size() != rows)
            return file.abandon(
                QStringLiteral("The plotting grid is inconsistent: its columns differ in length."));
    for (std::size_t row = 0; row < rows; ++row) {
        for (std::size_t k = 0; k < std::size(columns); ++k) {
            if (k > 0)
                chunk += ',';
            append((*columns[k])[row]);
        }
        chunk += '\n';
        // Written in pieces, as the event table is.
        if (chunk.size() >= (1 << 16)) {
            if (!file.write(chunk.data(), qint64(chunk.size())))
                return file.commit();
            chunk.clear();
        }
    }
    file.write(chunk.data(), qint64(chunk.size()));
    return file.commit();
}

QString writeContinuousMetricsJson(const klscope::ContinuousComparison &comparison, const QString &fileName,
                                   bool withGrid)
{
    AtomicWriter file(fileName);
    if (QString error = file.open(); !error.isEmpty())
        return error;
    QString why;
    const auto json = callCore([&] { return klscope::toJson(comparison, withGrid); }, &why);
    if (!json)
        return file.abandon(why);
    file.write(json->data(), qint64(json->size()));
    return file.commit();
}

} // namespace dataexport
