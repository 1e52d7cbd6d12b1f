#include "dataexport.h"

#include "eventtablemodel.h"
#include "report.h"

#include <QDir>
#include <QSaveFile>

namespace dataexport {

namespace {

QString cannotWrite(const QString &fileName, const QString &why)
{
    return QObject::tr("Cannot write file %1:\n%2").arg(QDir::toNativeSeparators(fileName), why);
}

} // namespace

QString writeEventTableCsv(std::shared_ptr<const klscope::Comparison> comparison, const QString &fileName)
{
    // The table's own model formats the rows, so the file and a copy from the table always agree.
    EventTableModel model;
    model.setComparison(std::move(comparison));
    QSaveFile file(fileName);
    if (!file.open(QIODevice::WriteOnly))
        return cannotWrite(fileName, file.errorString());
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
            if (file.write(chunk) != chunk.size()) {
                file.cancelWriting();
                return cannotWrite(fileName, file.errorString());
            }
            chunk.clear();
        }
    }
    if (!file.commit())
        return cannotWrite(fileName, file.errorString());
    return {};
}

QString writeMetricsJson(const klscope::Comparison &comparison, const QString &fileName)
{
    const std::string json = klscope::toJson(comparison, true);
    QSaveFile file(fileName);
    if (!file.open(QIODevice::WriteOnly))
        return cannotWrite(fileName, file.errorString());
    if (file.write(json.data(), qint64(json.size())) != qint64(json.size())) {
        file.cancelWriting();
        return cannotWrite(fileName, file.errorString());
    }
    if (!file.commit())
        return cannotWrite(fileName, file.errorString());
    return {};
}

} // namespace dataexport
