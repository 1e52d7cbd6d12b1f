// klscope-cli with image: specs (issue 13): compute's JSON against a direct count and KL sum, a shuffled
// image giving 0 for every divergence, channels and bins, an image against a family, test, export and
// sweep taking image specs, and the exit codes and messages of bad images.

#include "clirun.h"
#include "clitesthelpers.h"
#include "pngheader.h"
#include "relativecompare.h"

#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

#include <array>
#include <cmath>
#include <limits>

using klscope::test::closeRelative;
using klscope::test::computeJson;
using klscope::test::jsonNumber;
using klscope::test::runCli;

class TestCliImage : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void klAgainstDirectSum();
    void shuffledIsZero();
    void channelAndBins();
    void againstAFamily();
    void otherCommands();
    void exitCodes_data();
    void exitCodes();

private:
    QTemporaryDir m_dir;
    QString m_a, m_b, m_shuffled;
};

namespace {

// Levels 40..200 in a seeded pattern (A) and a wider spread 0..255 (B), so KL(A||B) is finite and
// KL(B||A) is infinite.
QImage makeImage(int width, int height, quint32 seed, int lo, int hi)
{
    QImage image(width, height, QImage::Format_RGB32);
    QRandomGenerator random(seed);
    for (int y = 0; y < height; ++y)
        for (int x = 0; x < width; ++x) {
            const int r = lo + int(random.bounded(hi - lo + 1));
            const int g = lo + int(random.bounded(hi - lo + 1));
            const int b = lo + int(random.bounded(hi - lo + 1));
            image.setPixel(x, y, qRgb(r, g, b));
        }
    return image;
}

std::array<double, 256> greyShares(const QImage &image)
{
    std::array<double, 256> share{};
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x)
            share[static_cast<std::size_t>(qGray(image.pixel(x, y)))] += 1;
    for (double &s : share)
        s /= double(image.width()) * image.height();
    return share;
}

double kl(const std::array<double, 256> &p, const std::array<double, 256> &q)
{
    double sum = 0;
    for (std::size_t i = 0; i < 256; ++i) {
        if (p[i] == 0)
            continue;
        if (q[i] == 0)
            return std::numeric_limits<double>::infinity();
        sum += p[i] * std::log(p[i] / q[i]);
    }
    return sum;
}

QString image(const QString &path, const QString &options = {})
{
    return QStringLiteral("image:") + path + options;
}

} // namespace

void TestCliImage::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_a = m_dir.filePath(QStringLiteral("a.png"));
    m_b = m_dir.filePath(QStringLiteral("b.bmp"));
    m_shuffled = m_dir.filePath(QStringLiteral("shuffled.png"));
    const QImage a = makeImage(50, 40, 1, 40, 200);
    QVERIFY(a.save(m_a));
    QVERIFY(makeImage(30, 30, 2, 0, 255).save(m_b));
    // The same pixels in reverse order: another picture, the same histogram.
    QImage reversed = a.mirrored(true, true);
    QVERIFY(reversed != a);
    QVERIFY(reversed.save(m_shuffled));
}

void TestCliImage::klAgainstDirectSum()
{
    const std::array<double, 256> p = greyShares(QImage(m_a));
    const std::array<double, 256> q = greyShares(QImage(m_b));
    const QJsonObject o = computeJson({"--p", image(m_a), "--q", image(m_b)});
    QVERIFY(!o.isEmpty());
    QVERIFY2(closeRelative(jsonNumber(o["kl_pq"]), kl(p, q), 1e-12),
             qPrintable(QString::number(jsonNumber(o["kl_pq"]))));
    QCOMPARE(o["kl_qp"].toString(), QStringLiteral("inf"));
    const QJsonArray events = o["events"].toArray();
    QCOMPARE(events.size(), 256);
    QCOMPARE(events[37].toObject()["x"].toInt(), 37);
    QVERIFY(!events[37].toObject().contains("label"));
    QCOMPARE(events[37].toObject()["p"].toDouble(), p[37]);
    // The notes say what was read.
    const QString notes = QJsonDocument(o["notes"].toArray()).toJson();
    QVERIFY2(notes.contains(QLatin1String("a.png: 50 x 40 pixels, grey levels 0..255")), qPrintable(notes));
}

void TestCliImage::shuffledIsZero()
{
    const QJsonObject o = computeJson({"--p", image(m_a), "--q", image(m_shuffled), "--summary"});
    QVERIFY(!o.isEmpty());
    for (const char *key : {"kl_pq", "kl_qp", "js", "js_distance", "total_variation", "hellinger"})
        QVERIFY2(o[key].isDouble() && o[key].toDouble() == 0.0, key);
    QCOMPARE(o["cross_entropy_pq"].toDouble(), o["h_p"].toDouble());
}

void TestCliImage::channelAndBins()
{
    const QJsonObject o =
        computeJson({"--p", image(m_a, ",channel=r,bins=16"), "--q", image(m_b, ",channel=r,bins=16")});
    QVERIFY(!o.isEmpty());
    const QJsonArray events = o["events"].toArray();
    QCOMPARE(events.size(), 16);
    QCOMPARE(events[1].toObject()["label"].toString(), QStringLiteral("16..31"));
    // The red levels of A lie in 40..200: bins 0..15 and 208..223 are empty.
    QCOMPARE(events[0].toObject()["p"].toDouble(), 0.0);
    QCOMPARE(events[13].toObject()["p"].toDouble(), 0.0);
    QVERIFY(events[5].toObject()["p"].toDouble() > 0);
    // Both sides cover the bins: KL(P||Q) finite, the reverse infinite.
    QVERIFY(std::isfinite(jsonNumber(o["kl_pq"])));
    QCOMPARE(o["kl_qp"].toString(), QStringLiteral("inf"));
}

void TestCliImage::againstAFamily()
{
    const QJsonObject o = computeJson({"--p", image(m_b), "--q", "uniform:a=0,b=255", "--summary"});
    QVERIFY(!o.isEmpty());
    QCOMPARE(o["support"].toArray().at(0).toInt(), 0);
    QCOMPARE(o["support"].toArray().at(1).toInt(), 255);
    const double kl = jsonNumber(o["kl_pq"]);
    QVERIFY2(kl > 0 && kl < std::log(256.0), qPrintable(QString::number(kl)));
}

void TestCliImage::otherCommands()
{
    // test: two images are counts on both sides, so the G-test of homogeneity applies.
    const auto test =
        runCli({"test", "--a", image(m_a, ",bins=16"), "--b", image(m_b, ",bins=16"), "--json"});
    QCOMPARE(test.exitCode, 0);
    const QJsonObject t = QJsonDocument::fromJson(test.out).object();
    QVERIFY2(t["g_test"].toObject()["statistic"].isDouble(), test.out.constData());
    QVERIFY(t["g_test"].toObject()["p_value"].toDouble() < 1e-6);
    QVERIFY(t["z_test"].toObject().contains("reason"));

    // export draws the pair.
    const QString figure = m_dir.filePath(QStringLiteral("pair.png"));
    const auto exported =
        runCli({"export", "--p", image(m_a), "--q", image(m_b), "--plot", "all", "--out", figure});
    QVERIFY2(exported.exitCode == 0, qPrintable(exported.err));
    QVERIFY(QImage(figure).width() > 0);

    // sweep: a family swept against a fixed image.
    const auto sweep = runCli({"sweep", "--p", image(m_b), "--q", "binomial:n=255,p=0.5", "--vary",
                               "q.p=0.2..0.8", "--steps", "4", "--json"});
    QVERIFY2(sweep.exitCode == 0, qPrintable(sweep.err));
    QCOMPARE(QJsonDocument::fromJson(sweep.out).object()["kl_pq"].toArray().size(), 4);
}

void TestCliImage::exitCodes_data()
{
    QTest::addColumn<QString>("p");
    QTest::addColumn<QByteArray>("contents");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QStringList>("mentions");
    QByteArray png;
    {
        QFile f(m_a);
        QVERIFY(f.open(QIODevice::ReadOnly));
        png = f.readAll();
    }
    QTest::newRow("text named .png") << "notes.png" << QByteArray("0.5\n0.5\n") << 1
                                     << QStringList{"--p", "notes.png", "not an image"};
    QTest::newRow("truncated PNG") << "half.png" << png.left(png.size() / 2) << 1
                                   << QStringList{"--p", "half.png", "cannot decode"};
    QTest::newRow("missing file") << "" << QByteArray() << 1
                                  << QStringList{"--p", "missing.png", "no such file"};
    QTest::newRow("bad channel") << ",channel=x" << QByteArray() << 1
                                 << QStringList{"channel='x' is not grey, r, g or b"};
    QTest::newRow("bad bins") << ",bins=10" << QByteArray() << 1 << QStringList{"bins='10'", "divide"};
    QTest::newRow("bins differ") << ",bins=16" << QByteArray() << 1 << QStringList{"16 and 256 bins"};
    QTest::newRow("20000 x 20000 header")
        << "huge.png" << klscope::test::pngHeader(20000, 20000) << 1
        << QStringList{"--p", "huge.png", "more than the limit of 100000000 pixels"};
}

void TestCliImage::exitCodes()
{
    QFETCH(QString, p);
    QFETCH(QByteArray, contents);
    QFETCH(int, exitCode);
    QFETCH(QStringList, mentions);
    QString spec;
    if (p.startsWith(QLatin1Char(','))) {
        spec = image(m_a, p);
    } else if (p.isEmpty()) {
        spec = image(m_dir.filePath(QStringLiteral("missing.png")));
    } else {
        const QString path = m_dir.filePath(p);
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(contents);
        f.close();
        spec = image(path);
    }
    const auto run = runCli({"compute", "--p", spec, "--q", image(m_b)});
    QVERIFY(!run.crashed);
    QCOMPARE(run.exitCode, exitCode);
    QVERIFY(run.out.isEmpty());
    for (const QString &text : mentions)
        QVERIFY2(run.err.contains(text), qPrintable(run.err + " lacks " + text));
}

QTEST_GUILESS_MAIN(TestCliImage)
#include "tst_cliimage.moc"
