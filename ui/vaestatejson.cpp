#include "vaestatejson.h"

#include "sessionjson.h"

#include <QJsonArray>

namespace {

QJsonArray toArray(const std::vector<double> &values)
{
    QJsonArray a;
    for (double v : values)
        a.append(v);
    return a;
}

} // namespace

QJsonObject vaeStateToJson(const VaeState &state)
{
    QJsonObject o;
    o.insert(QStringLiteral("threshold"), state.threshold);
    o.insert(QStringLiteral("order"),
             state.order == VaeOrder::ByKl ? QStringLiteral("kl") : QStringLiteral("dimension"));
    if (!state.source.isEmpty())
        o.insert(QStringLiteral("source"), state.source);
    if (!state.file.isEmpty()) {
        QJsonObject file{{QStringLiteral("path"), state.file.path}};
        if (state.file.size >= 0)
            file.insert(QStringLiteral("size"), double(state.file.size));
        if (state.file.modified.isValid())
            file.insert(QStringLiteral("modified"), state.file.modified.toUTC().toString(Qt::ISODateWithMs));
        o.insert(QStringLiteral("file"), file);
    } else if (state.isBatch()) {
        o.insert(QStringLiteral("batch"), QJsonObject{{QStringLiteral("kl"), toArray(state.batchKl)},
                                                      {QStringLiteral("spread"), toArray(state.batchSpread)},
                                                      {QStringLiteral("rows"), double(state.batchRows)}});
    } else {
        o.insert(QStringLiteral("example"), QJsonObject{{QStringLiteral("mu"), toArray(state.mu)},
                                                        {QStringLiteral("logvar"), toArray(state.logvar)}});
    }
    return o;
}

std::variant<VaeState, QString> vaeStateFromJson(const QJsonObject &o, const QString &prefix)
{
    return sessionjson::readPage([&] {
        using namespace sessionjson;
        VaeState s;
        s.threshold =
            numberIn(o, QStringLiteral("threshold"), s.threshold, prefix + QStringLiteral("threshold"), 0.0);
        const QString order = string(o, QStringLiteral("order"), prefix + QStringLiteral("order"));
        if (order == QLatin1String("kl"))
            s.order = VaeOrder::ByKl;
        else if (!order.isEmpty() && order != QLatin1String("dimension"))
            fail(QStringLiteral("%1order must be \"dimension\" or \"kl\", not \"%2\"").arg(prefix, order));
        s.source = string(o, QStringLiteral("source"), prefix + QStringLiteral("source"));
        const int given = int(o.contains(QStringLiteral("example"))) +
                          int(o.contains(QStringLiteral("file"))) + int(o.contains(QStringLiteral("batch")));
        if (given != 1)
            fail(QStringLiteral("%1 needs exactly one of \"example\", \"file\" and \"batch\"")
                     .arg(prefix.chopped(1)));
        const std::size_t limit = klscope::kMaxVaeDimensions;
        if (o.contains(QStringLiteral("file"))) {
            const QString where = prefix + QStringLiteral("file");
            const QJsonObject file = object(o, QStringLiteral("file"), where);
            const QString path = string(file, QStringLiteral("path"), where + QStringLiteral(".path"));
            if (path.isEmpty())
                fail(QStringLiteral("%1.path must name the CSV file").arg(where));
            s.file.path = path;
            s.file.size = integerIn(file, QStringLiteral("size"), -1, where + QStringLiteral(".size"), -1,
                                    std::numeric_limits<qint64>::max() / 2);
            const QString modified =
                string(file, QStringLiteral("modified"), where + QStringLiteral(".modified"));
            if (!modified.isEmpty()) {
                s.file.modified = QDateTime::fromString(modified, Qt::ISODateWithMs);
                if (!s.file.modified.isValid())
                    fail(QStringLiteral(
                             "%1.modified must be a date and time such as \"2026-12-01T10:00:00.000Z\"")
                             .arg(where));
            }
            // The numbers come from the file when the page re-reads it.
            return s;
        }
        if (o.contains(QStringLiteral("batch"))) {
            const QString where = prefix + QStringLiteral("batch");
            const QJsonObject batch = object(o, QStringLiteral("batch"), where);
            s.batchKl = numbers(batch.value(QStringLiteral("kl")), where + QStringLiteral(".kl"), limit);
            s.batchSpread =
                numbers(batch.value(QStringLiteral("spread")), where + QStringLiteral(".spread"), limit);
            s.batchRows = std::size_t(integerIn(batch, QStringLiteral("rows"), 0,
                                                where + QStringLiteral(".rows"), 0, qint64(1) << 53));
        } else {
            const QString where = prefix + QStringLiteral("example");
            const QJsonObject example = object(o, QStringLiteral("example"), where);
            s.mu = numbers(example.value(QStringLiteral("mu")), where + QStringLiteral(".mu"), limit);
            s.logvar =
                numbers(example.value(QStringLiteral("logvar")), where + QStringLiteral(".logvar"), limit);
        }
        if (const QString why = VaeDocument::validate(s); !why.isEmpty())
            fail(prefix.chopped(1) + QStringLiteral(": ") + why);
        return s;
    });
}
