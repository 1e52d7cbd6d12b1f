// Image histograms (issue 13): the core's level counts against a direct count of a generated QImage (grey as
// qGray and each channel, 256 and 16 bins, several pixel formats), the image: spec's options and errors,
// the 10^8-pixel bound, files that are not images, truncated or too large, and a shuffled image giving
// exactly 0 for every divergence.

#include "imageloader.h"
#include "imagesdocument.h"
#include "pngheader.h"

#include "comparison.h"
#include "filespec.h"
#include "imagehistogram.h"
#include "imagespec.h"
#include "summary.h"

#include <QFile>
#include <QImage>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

#include <array>

namespace imp = klscope::import;

Q_DECLARE_METATYPE(imp::ImageChannel)
Q_DECLARE_METATYPE(QImage::Format)

class TestImageHistogram : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void againstDirectCount_data();
    void againstDirectCount();
    void specOptions_data();
    void specOptions();
    void specErrors_data();
    void specErrors();
    void sizeBound_data();
    void sizeBound();
    void loadsAsCounts();
    void badFiles_data();
    void badFiles();
    void noReader();
    void pairing();
    void shuffledIsZero_data();
    void shuffledIsZero();

private:
    QString write(const QString &name, const QImage &image);
    QTemporaryDir m_dir;
    QString m_png;
};

namespace {

// Pixels from a seeded generator, some shared colours so levels repeat, in `format`.
QImage randomImage(int width, int height, quint32 seed, QImage::Format format = QImage::Format_ARGB32)
{
    QImage image(width, height, QImage::Format_ARGB32);
    QRandomGenerator random(seed);
    for (int y = 0; y < height; ++y)
        for (int x = 0; x < width; ++x)
            image.setPixel(x, y, 0xff000000u | random.bounded(0x1000000u));
    return image.convertToFormat(format);
}

int directLevel(QRgb pixel, imp::ImageChannel channel)
{
    switch (channel) {
    case imp::ImageChannel::Red:
        return qRed(pixel);
    case imp::ImageChannel::Green:
        return qGreen(pixel);
    case imp::ImageChannel::Blue:
        return qBlue(pixel);
    case imp::ImageChannel::Grey:
        break;
    }
    return qGray(pixel);
}

void writeBytes(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    QCOMPARE(f.write(bytes), bytes.size());
}

std::string spec(const QString &path, const QString &options = {})
{
    return (QStringLiteral("image:") + path + options).toStdString();
}

} // namespace

QString TestImageHistogram::write(const QString &name, const QImage &image)
{
    const QString path = m_dir.filePath(name);
    if (!image.save(path))
        qWarning("cannot write %s", qPrintable(path));
    return path;
}

void TestImageHistogram::initTestCase()
{
    QVERIFY(m_dir.isValid());
    imageloader::installImageSpecReader();
    m_png = write(QStringLiteral("random.png"), randomImage(61, 37, 7));
}

void TestImageHistogram::againstDirectCount_data()
{
    QTest::addColumn<imp::ImageChannel>("channel");
    QTest::addColumn<unsigned>("bins");
    QTest::addColumn<QImage::Format>("format");
    const struct
    {
        const char *name;
        imp::ImageChannel channel;
    } channels[] = {{"grey", imp::ImageChannel::Grey},
                    {"r", imp::ImageChannel::Red},
                    {"g", imp::ImageChannel::Green},
                    {"b", imp::ImageChannel::Blue}};
    const struct
    {
        const char *name;
        QImage::Format format;
    } formats[] = {{"argb32", QImage::Format_ARGB32},
                   {"rgb888", QImage::Format_RGB888},
                   {"grayscale8", QImage::Format_Grayscale8}};
    for (const auto &c : channels)
        for (const unsigned bins : {256u, 16u})
            for (const auto &f : formats)
                QTest::addRow("%s, %u bins, %s", c.name, bins, f.name) << c.channel << bins << f.format;
}

void TestImageHistogram::againstDirectCount()
{
    QFETCH(imp::ImageChannel, channel);
    QFETCH(unsigned, bins);
    QFETCH(QImage::Format, format);
    // Taller than one conversion strip (256 rows), so the strips are joined too.
    const QImage image = randomImage(97, 300, 11, format);
    QCOMPARE(image.format(), format);
    std::array<std::uint64_t, 256> direct{};
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x)
            ++direct[static_cast<std::size_t>(directLevel(image.pixel(x, y), channel))];

    const imp::LevelCounts levels = imageloader::levelCounts(image, channel);
    for (int level = 0; level < 256; ++level)
        QCOMPARE(levels[level], direct[level]);

    const imp::LevelHistogram h = imp::groupLevels(levels, bins);
    QCOMPARE(h.counts.size(), std::size_t(bins));
    QCOMPARE(h.labels.size(), std::size_t(bins));
    QCOMPARE(h.pixels, std::uint64_t(97 * 300));
    const unsigned width = 256 / bins;
    for (unsigned i = 0; i < bins; ++i) {
        std::uint64_t n = 0;
        for (unsigned level = i * width; level < (i + 1) * width; ++level)
            n += direct[level];
        QCOMPARE(h.counts[i], double(n));
    }
    QCOMPARE(h.labels.front(), bins == 256 ? std::string("0") : std::string("0..15"));
    QCOMPARE(h.labels.back(), bins == 256 ? std::string("255") : std::string("240..255"));
    // A grey image has r = g = b, and its grey level is that value: every channel counts alike.
    if (format == QImage::Format_Grayscale8)
        QCOMPARE(levels, imageloader::levelCounts(image, imp::ImageChannel::Grey));
}

void TestImageHistogram::specOptions_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("path");
    QTest::addColumn<imp::ImageChannel>("channel");
    QTest::addColumn<unsigned>("bins");
    QTest::newRow("defaults") << "image:a.png"
                              << "a.png" << imp::ImageChannel::Grey << 256u;
    QTest::newRow("red, 16 bins") << "image:a.png,channel=r,bins=16"
                                  << "a.png" << imp::ImageChannel::Red << 16u;
    QTest::newRow("options in any order") << "image:a.png,bins=2,channel=b"
                                          << "a.png" << imp::ImageChannel::Blue << 2u;
    QTest::newRow("gray spelling") << "image:a.png,channel=gray"
                                   << "a.png" << imp::ImageChannel::Grey << 256u;
    QTest::newRow("one bin") << "image:x,channel=g,bins=1"
                             << "x" << imp::ImageChannel::Green << 1u;
    QTest::newRow("comma in the path") << "image:/tmp/a,b.png,bins=64"
                                       << "/tmp/a,b.png" << imp::ImageChannel::Grey << 64u;
}

void TestImageHistogram::specOptions()
{
    QFETCH(QString, text);
    QFETCH(QString, path);
    QFETCH(imp::ImageChannel, channel);
    QFETCH(unsigned, bins);
    QVERIFY(imp::isImageSpec(text.toStdString()));
    const auto parsed = imp::parseImageSpec(text.toStdString());
    QVERIFY2(parsed.ok(), parsed.ok() ? "" : parsed.error().message.c_str());
    QCOMPARE(QString::fromStdString(parsed->path), path);
    QCOMPARE(parsed->channel, channel);
    QCOMPARE(parsed->bins, bins);
}

void TestImageHistogram::specErrors_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("mentions");
    QTest::newRow("bad channel") << "image:a.png,channel=x"
                                 << "channel='x' is not grey, r, g or b";
    QTest::newRow("bins not dividing 256") << "image:a.png,bins=100"
                                           << "bins='100' must divide the 256 levels";
    QTest::newRow("bins zero") << "image:a.png,bins=0"
                               << "bins='0'";
    QTest::newRow("bins too many") << "image:a.png,bins=512"
                                   << "bins='512'";
    QTest::newRow("bins not a number") << "image:a.png,bins=auto"
                                       << "bins='auto'";
    QTest::newRow("unknown option") << "image:a.png,colour=red"
                                    << "unknown option 'colour'";
    QTest::newRow("channel twice") << "image:a.png,channel=r,channel=g"
                                   << "channel= is given twice";
    QTest::newRow("no path") << "image:"
                             << "no file path";
    QTest::newRow("options only") << "image:,bins=16"
                                  << "no file path";
}

void TestImageHistogram::specErrors()
{
    QFETCH(QString, text);
    QFETCH(QString, mentions);
    const auto parsed = imp::parseImageSpec(text.toStdString());
    QVERIFY(!parsed.ok());
    const QString message = QString::fromStdString(parsed.error().message);
    QVERIFY2(message.contains(mentions), qPrintable(message));
    QVERIFY2(message.contains(QLatin1String("image: ")), qPrintable(message));
    // loadSource gives the same sentence, before touching any file.
    const auto loaded = imp::loadSource(text.toStdString(), imp::Side::P);
    QVERIFY(!loaded.ok());
    QCOMPARE(loaded.error().message, parsed.error().message);
}

void TestImageHistogram::sizeBound_data()
{
    QTest::addColumn<quint64>("width");
    QTest::addColumn<quint64>("height");
    QTest::addColumn<bool>("refused");
    QTest::newRow("10^4 x 10^4, at the limit") << quint64(10000) << quint64(10000) << false;
    QTest::newRow("10^8 x 1, at the limit") << quint64(100000000) << quint64(1) << false;
    QTest::newRow("10001 x 10000") << quint64(10001) << quint64(10000) << true;
    QTest::newRow("10^8 + 1 pixels in a row") << quint64(100000001) << quint64(1) << true;
    QTest::newRow("sides near 2^32") << quint64(4294967295u) << quint64(4294967295u) << true;
}

void TestImageHistogram::sizeBound()
{
    QFETCH(quint64, width);
    QFETCH(quint64, height);
    QFETCH(bool, refused);
    const auto error = imp::checkImageSize(width, height, "big.png");
    QCOMPARE(error.has_value(), refused);
    if (refused) {
        const QString message = QString::fromStdString(error->message);
        QVERIFY2(message.startsWith(QLatin1String("big.png: the image is ")), qPrintable(message));
        QVERIFY2(message.contains(QLatin1String("more than the limit of 100000000 pixels")),
                 qPrintable(message));
        QVERIFY2(message.contains(QString::number(width)), qPrintable(message));
    }
}

void TestImageHistogram::loadsAsCounts()
{
    const QImage image(QString{m_png});
    QVERIFY(!image.isNull());
    for (const unsigned bins : {256u, 16u}) {
        const auto source =
            imp::loadSource(spec(m_png, QStringLiteral(",channel=g,bins=%1").arg(bins)), imp::Side::P);
        QVERIFY2(source.ok(), source.ok() ? "" : source.error().message.c_str());
        QCOMPARE(source->type, imp::Source::Type::Masses);
        QCOMPARE(source->sampleSize, double(61 * 37));
        QCOMPARE(source->imageBins, bins);
        QCOMPARE(source->data.masses.size(), std::size_t(bins));
        const imp::LevelHistogram h =
            imp::groupLevels(imageloader::levelCounts(image, imp::ImageChannel::Green), bins);
        for (std::size_t i = 0; i < bins; ++i)
            QCOMPARE(source->data.masses[i], h.counts[i] / double(61 * 37));
        // One bin per level: the events are the levels, unlabelled; wider bins carry their ranges.
        QCOMPARE(source->data.labels, bins == 256 ? std::vector<std::string>() : h.labels);
        QVERIFY2(QString::fromStdString(source->description)
                     .contains(QLatin1String("random.png: 61 x 37 pixels, green")),
                 source->description.c_str());
    }
}

void TestImageHistogram::badFiles_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QStringList>("mentions");
    QByteArray whole;
    {
        QFile f(m_png);
        if (f.open(QIODevice::ReadOnly))
            whole = f.readAll();
    }
    QTest::newRow("text named .png") << "notes.png" << QByteArray("x,p\n0,0.5\n1,0.5\n")
                                     << QStringList{"notes.png", "not an image Qt can read"};
    QTest::newRow("truncated PNG") << "half.png" << whole.left(whole.size() / 2)
                                   << QStringList{"half.png", "cannot decode the image"};
    QTest::newRow("empty file") << "empty.png" << QByteArray() << QStringList{"empty.png"};
    QTest::newRow("header of 20000 x 20000") << "huge.png" << klscope::test::pngHeader(20000, 20000)
                                             << QStringList{"huge.png", "20000 x 20000 = 400000000 pixels",
                                                            "more than the limit of 100000000 pixels"};
}

void TestImageHistogram::badFiles()
{
    QFETCH(QString, name);
    QFETCH(QByteArray, bytes);
    QFETCH(QStringList, mentions);
    const QString path = m_dir.filePath(name);
    writeBytes(path, bytes);
    QString error;
    QVERIFY(!imageloader::readImage(path, &error));
    for (const QString &text : mentions)
        QVERIFY2(error.contains(text), qPrintable(error + " lacks " + text));
    const auto source = imp::loadSource(spec(path), imp::Side::Q);
    QVERIFY(!source.ok());
    QCOMPARE(QString::fromStdString(source.error().message), error);
}

void TestImageHistogram::noReader()
{
    imp::setImageReader(nullptr);
    const auto source = imp::loadSource(spec(m_png), imp::Side::P);
    imageloader::installImageSpecReader();
    QVERIFY(!source.ok());
    QVERIFY2(QString::fromStdString(source.error().message).contains(QLatin1String("cannot read images")),
             source.error().message.c_str());
    // A missing file and a folder are refused by the file check, before the reader.
    for (const QString &path : {m_dir.filePath(QStringLiteral("missing.png")), m_dir.path()}) {
        QString error;
        QVERIFY(!imageloader::readImage(path, &error));
        QVERIFY2(error.contains(QLatin1String("no such file")) || error.contains(QLatin1String("folder")),
                 qPrintable(error));
    }
}

void TestImageHistogram::pairing()
{
    const QString other = write(QStringLiteral("other.png"), randomImage(20, 20, 3));
    // Two images binned differently cannot be compared bin by bin.
    auto mismatch = imp::resolveSpecs(spec(m_png, QStringLiteral(",bins=16")), spec(other));
    QVERIFY(!mismatch.ok());
    QVERIFY2(QString::fromStdString(mismatch.error().message).contains(QLatin1String("16 and 256 bins")),
             mismatch.error().message.c_str());
    // Alike: 16 events each, labelled by their levels.
    auto pair =
        imp::resolveSpecs(spec(m_png, QStringLiteral(",bins=16")), spec(other, QStringLiteral(",bins=16")));
    QVERIFY2(pair.ok(), pair.ok() ? "" : pair.error().message.c_str());
    QCOMPARE(pair->labels().size(), std::size_t(16));
    QCOMPARE(pair->labels()[1], std::string("16..31"));
    // 256 bins against a family: level x is event x.
    auto family = imp::resolveSpecs(spec(m_png), "uniform:a=0,b=255");
    QVERIFY2(family.ok(), family.ok() ? "" : family.error().message.c_str());
    const klscope::Comparison c = klscope::compare(family->p, family->q);
    QCOMPARE(c.support.first, std::int64_t(0));
    QCOMPARE(c.support.last, std::int64_t(255));
    QVERIFY(c.totals.klPQ >= 0 && std::isfinite(c.totals.klPQ));
    // A level empty in Q where P has pixels: KL(P||Q) is infinite, with the usual sentence.
    QImage black(8, 8, QImage::Format_ARGB32);
    black.fill(Qt::black);
    QImage white(8, 8, QImage::Format_ARGB32);
    white.fill(Qt::white);
    auto disjoint = imp::resolveSpecs(spec(write(QStringLiteral("black.png"), black)),
                                      spec(write(QStringLiteral("white.png"), white)));
    QVERIFY(disjoint.ok());
    const klscope::Summary s =
        klscope::summarize(klscope::compare(disjoint->p, disjoint->q), disjoint->labels());
    QVERIFY(std::isinf(s.klPQ.value));
    QVERIFY2(QString::fromStdString(s.infinitePQ).contains(QLatin1String("Q = 0")), s.infinitePQ.c_str());
}

void TestImageHistogram::shuffledIsZero_data()
{
    QTest::addColumn<quint32>("seed");
    QTest::addColumn<QString>("options");
    QTest::newRow("seed 1, grey") << 1u << QString();
    QTest::newRow("seed 42, red, 16 bins") << 42u << QStringLiteral(",channel=r,bins=16");
    QTest::newRow("seed 2026, blue") << 2026u << QStringLiteral(",channel=b");
}

void TestImageHistogram::shuffledIsZero()
{
    QFETCH(quint32, seed);
    QFETCH(QString, options);
    const QImage image(QString{m_png});
    const QImage shuffled = shufflePixels(image, seed);
    QCOMPARE(shuffled.size(), image.size());
    QVERIFY(shuffled != image.convertToFormat(shuffled.format()));
    // The same seed gives the same picture.
    QCOMPARE(shufflePixels(image, seed), shuffled);
    const QString path = write(QStringLiteral("shuffled-%1.png").arg(seed), shuffled);
    auto pair = imp::resolveSpecs(spec(m_png, options), spec(path, options));
    QVERIFY2(pair.ok(), pair.ok() ? "" : pair.error().message.c_str());
    const klscope::Summary s = klscope::summarize(klscope::compare(pair->p, pair->q), pair->labels());
    for (const auto &named : klscope::kSummaryMetrics) {
        const std::string_view key = named.key;
        if (key == "h_p" || key == "h_q" || key == "cross_entropy_pq" || key == "cross_entropy_qp")
            continue;
        QVERIFY2((s.*named.metric).value == 0.0, named.key);
    }
    // The cross entropies equal the entropies exactly.
    QCOMPARE(s.crossEntropyPQ.value, s.entropyP.value);
    QCOMPARE(s.crossEntropyQP.value, s.entropyQ.value);
}

QTEST_GUILESS_MAIN(TestImageHistogram)
#include "tst_imagehistogram.moc"
