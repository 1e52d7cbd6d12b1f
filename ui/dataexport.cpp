#include "dataexport.h"

#include "atomicwriter.h"
#include "corecall.h"
#include "eventtablemodel.h"
#include "report.h"

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

} // namespace dataexport
