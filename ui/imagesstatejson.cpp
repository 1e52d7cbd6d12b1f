#include "imagesstatejson.h"

#include "sessionjson.h"

namespace imp = klscope::import;

namespace {

QJsonValue sourceToJson(const ImageSource &source)
{
    if (source.path.isEmpty())
        return QJsonValue::Null;
    QJsonObject o{{QStringLiteral("path"), source.path}};
    if (source.shuffleSeed)
        o.insert(QStringLiteral("shuffle_seed"), double(*source.shuffleSeed));
    return o;
}

ImageSource sourceFromJson(const QJsonObject &o, const QString &key, const QString &where)
{
    const QJsonValue v = o.value(key);
    if (v.isNull() || v.isUndefined())
        return {};
    if (!v.isObject())
        sessionjson::fail(QStringLiteral("%1 must be null or an object with a \"path\"").arg(where));
    const QJsonObject side = v.toObject();
    ImageSource source;
    source.path = sessionjson::string(side, QStringLiteral("path"), where + QStringLiteral(".path"));
    if (source.path.isEmpty())
        sessionjson::fail(QStringLiteral("%1.path must name the image file").arg(where));
    if (side.contains(QStringLiteral("shuffle_seed")))
        source.shuffleSeed =
            quint32(sessionjson::integerIn(side, QStringLiteral("shuffle_seed"), 0,
                                           where + QStringLiteral(".shuffle_seed"), 0, 0xffffffffLL));
    return source;
}

} // namespace

QJsonObject imagesStateToJson(const ImagesState &state)
{
    QJsonObject o;
    o.insert(QStringLiteral("a"), sourceToJson(state.sourceA));
    o.insert(QStringLiteral("b"), sourceToJson(state.sourceB));
    const std::string_view channel = imp::channelKeyword(state.channel);
    o.insert(QStringLiteral("channel"), QString::fromUtf8(channel.data(), qsizetype(channel.size())));
    o.insert(QStringLiteral("bins"), double(state.bins));
    return o;
}

std::variant<ImagesState, QString> imagesStateFromJson(const QJsonObject &o, const QString &prefix)
{
    return sessionjson::readPage([&] {
        ImagesState s;
        s.sourceA = sourceFromJson(o, QStringLiteral("a"), prefix + QStringLiteral("a"));
        s.sourceB = sourceFromJson(o, QStringLiteral("b"), prefix + QStringLiteral("b"));
        const QString channel =
            sessionjson::string(o, QStringLiteral("channel"), prefix + QStringLiteral("channel"));
        if (!channel.isEmpty()) {
            const auto parsed = imp::parseChannel(channel.toStdString());
            if (!parsed)
                sessionjson::fail(
                    QStringLiteral("%1channel must be \"grey\", \"r\", \"g\" or \"b\", not \"%2\"")
                        .arg(prefix, channel));
            s.channel = *parsed;
        }
        const qint64 bins =
            sessionjson::integerIn(o, QStringLiteral("bins"), 256, prefix + QStringLiteral("bins"), 1, 256);
        if (!imp::validLevelBins(unsigned(bins)))
            sessionjson::fail(
                QStringLiteral("%1bins must divide 256: 1, 2, 4, …, 256; got %2").arg(prefix).arg(bins));
        s.bins = unsigned(bins);
        return s;
    });
}
