// FigureExport: every format is a valid file of the right size, drawn (P's colour is in it), with the
// axis labels as text in SVG; the scale factor scales fonts with the image; exporting leaves the
// on-screen plot as it was; an unknown extension is refused without writing.

#include "contributionplot.h"
#include "cumulativeplot.h"
#include "discreteplotbinder.h"
#include "distributionplot.h"
#include "document.h"
#include "figureexport.h"
#include "palette.h"
#include "seriesplot.h"

#include <spec.h>

#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QPicture>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

#include <cmath>
#include <cstdlib>

namespace {

// The colour of a bar fill: `colour` at `alpha` over the white background.
QColor over(const QColor &colour, int alpha)
{
    const auto mix = [alpha](int c) {
        return (c * alpha + 255 * (255 - alpha) + 127) / 255;
    };
    return QColor(mix(colour.red()), mix(colour.green()), mix(colour.blue()));
}

// Pixels within `tolerance` of `colour` in every channel.
int countNear(const QImage &image, const QColor &colour, int tolerance = 3)
{
    const QImage rgb = image.convertToFormat(QImage::Format_RGB32);
    int count = 0;
    for (int y = 0; y < rgb.height(); ++y) {
        const auto *line = reinterpret_cast<const QRgb *>(rgb.constScanLine(y));
        for (int x = 0; x < rgb.width(); ++x)
            if (std::abs(qRed(line[x]) - colour.red()) <= tolerance &&
                std::abs(qGreen(line[x]) - colour.green()) <= tolerance &&
                std::abs(qBlue(line[x]) - colour.blue()) <= tolerance)
                ++count;
    }
    return count;
}

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

class TestFigureExport : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void rasterSize_data();
    void rasterSize();
    void pngDrawsThePlots();
    void jpg();
    void pdf();
    void svg_data();
    void svg();
    void scaleScalesFonts();
    void screenUndisturbed_data();
    void screenUndisturbed();
    void unknownExtension();
    void badSize();
    void imageSizeBound_data();
    void imageSizeBound();
    void vectorFormatsIgnoreTheImageBound_data();
    void vectorFormatsIgnoreTheImageBound();
    void aListOfPlotsStacksInItsStretch_data();
    void aListOfPlotsStacksInItsStretch();

private:
    Document *m_document = nullptr;
    DistributionPlot *m_distributions = nullptr;
    ContributionPlot *m_contributions = nullptr;
    CumulativePlot *m_cumulative = nullptr;
    FigureExport *m_figure = nullptr;
    QTemporaryDir m_dir;
};

void TestFigureExport::init()
{
    m_document = new Document;
    DocumentState state;
    state.discrete()->p = klscope::parseSpec("binomial:n=10,p=0.4");
    state.discrete()->q = klscope::parseSpec("poisson:lambda=5");
    state.discrete()->support = klscope::parseSupport("0..12");
    state.unit = klscope::Unit::Bits;
    QVERIFY(m_document->resetState(state));
    m_distributions = new DistributionPlot;
    m_contributions = new ContributionPlot;
    m_cumulative = new CumulativePlot;
    bindDiscretePlots(m_document, m_distributions, m_contributions, m_cumulative);
    m_figure = new FigureExport({m_distributions, m_contributions, m_cumulative});
    QVERIFY(m_dir.isValid());
}

void TestFigureExport::cleanup()
{
    delete m_figure;
    delete m_cumulative;
    delete m_contributions;
    delete m_distributions;
    delete m_document;
}

void TestFigureExport::rasterSize_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<int>("plot");
    QTest::addColumn<QSize>("size");
    QTest::addColumn<double>("scale");
    QTest::addColumn<QSize>("pixels");
    QTest::newRow("all 1200x800 at 2")
        << "a.png" << int(FigureExport::Plot::All) << QSize(1200, 800) << 2.0 << QSize(2400, 1600);
    QTest::newRow("distributions 640x400 at 1")
        << "b.png" << int(FigureExport::Plot::Distributions) << QSize(640, 400) << 1.0 << QSize(640, 400);
    QTest::newRow("contributions 300x200 at 1.5")
        << "c.png" << int(FigureExport::Plot::Contributions) << QSize(300, 200) << 1.5 << QSize(450, 300);
    QTest::newRow("cumulative jpg 500x300 at 3")
        << "d.jpg" << int(FigureExport::Plot::Cumulative) << QSize(500, 300) << 3.0 << QSize(1500, 900);
}

void TestFigureExport::rasterSize()
{
    QFETCH(QString, name);
    QFETCH(int, plot);
    QFETCH(QSize, size);
    QFETCH(double, scale);
    QFETCH(QSize, pixels);
    const QString path = m_dir.filePath(name);
    QCOMPARE(m_figure->write(path, FigureExport::Plot(plot), size, scale), QString());
    const QImage image(path);
    QVERIFY(!image.isNull());
    QCOMPARE(image.size(), pixels);
}

void TestFigureExport::pngDrawsThePlots()
{
    const QString path = m_dir.filePath(QStringLiteral("figure.png"));
    QCOMPARE(m_figure->write(path, FigureExport::Plot::Distributions, QSize(800, 500), 1.0), QString());
    const QByteArray bytes = readAll(path);
    QVERIFY(bytes.startsWith(QByteArray("\x89PNG\r\n\x1a\n", 8)));
    const QImage image(path);
    QCOMPARE(image.size(), QSize(800, 500));
    // Not blank: P's bars (its colour at the plot's alpha over white) and Q's are there, and the
    // background is white.
    const QColor p = klscope::palette::p();
    const QColor q = klscope::palette::q();
    const int pPixels = countNear(image, p) + countNear(image, over(p, 170));
    const int qPixels = countNear(image, q) + countNear(image, over(q, 170));
    QVERIFY2(pPixels > 500, qPrintable(QStringLiteral("%1 pixels of P's colour").arg(pPixels)));
    QVERIFY2(qPixels > 500, qPrintable(QStringLiteral("%1 pixels of Q's colour").arg(qPixels)));
    QCOMPARE(image.pixelColor(0, 0), QColor(Qt::white));
}

void TestFigureExport::jpg()
{
    const QString path = m_dir.filePath(QStringLiteral("figure.jpeg"));
    QCOMPARE(m_figure->write(path, FigureExport::Plot::All, QSize(600, 600), 1.0), QString());
    const QByteArray bytes = readAll(path);
    QVERIFY(bytes.startsWith(QByteArray("\xff\xd8\xff", 3)));
    const QImage image(path);
    QCOMPARE(image.size(), QSize(600, 600));
    // JPEG is lossy: allow a wider tolerance around P's pen and fill.
    const QColor p = klscope::palette::p();
    QVERIFY(countNear(image, over(p, 170), 12) + countNear(image, p, 12) > 200);
}

void TestFigureExport::pdf()
{
    const QString path = m_dir.filePath(QStringLiteral("figure.pdf"));
    const QSize size(1200, 800);
    QCOMPARE(m_figure->write(path, FigureExport::Plot::All, size, 2.0), QString());
    const QByteArray bytes = readAll(path);
    QVERIFY(bytes.startsWith("%PDF-"));
    const QString text = QString::fromLatin1(bytes);
    // One page object ("/Type /Page", not the "/Type /Pages" tree).
    QCOMPARE(text.count(QRegularExpression(QStringLiteral("/Type\\s*/Page(?!s)"))), 1);
    // The page is the figure's size: logical pixels at the recording DPI, in points.
    const auto box =
        QRegularExpression(QStringLiteral("/MediaBox\\s*\\[\\s*0\\s+0\\s+([\\d.]+)\\s+([\\d.]+)"))
            .match(text);
    QVERIFY(box.hasMatch());
    const double dpi = QPicture().logicalDpiY();
    QVERIFY(std::fabs(box.captured(1).toDouble() - size.width() * 72.0 / dpi) < 1.0);
    QVERIFY(std::fabs(box.captured(2).toDouble() - size.height() * 72.0 / dpi) < 1.0);
    // Vector: a PDF of the figure is far smaller than the 2400 x 1600 pixels it would take as an image.
    QVERIFY(bytes.size() < 2400 * 1600 / 4);
}

void TestFigureExport::svg_data()
{
    QTest::addColumn<int>("plot");
    QTest::addColumn<QStringList>("labels");
    QTest::newRow("distributions") << int(FigureExport::Plot::Distributions)
                                   << QStringList{QStringLiteral("probability mass"),
                                                  QStringLiteral("event x")};
    QTest::newRow("contributions") << int(FigureExport::Plot::Contributions)
                                   << QStringList{QStringLiteral("term (bits)")};
    QTest::newRow("cumulative") << int(FigureExport::Plot::Cumulative)
                                << QStringList{QStringLiteral("running sum (bits)")};
    QTest::newRow("all") << int(FigureExport::Plot::All)
                         << QStringList{QStringLiteral("probability mass"), QStringLiteral("term (bits)"),
                                        QStringLiteral("running sum (bits)")};
}

void TestFigureExport::svg()
{
    QFETCH(int, plot);
    QFETCH(QStringList, labels);
    const QString path = m_dir.filePath(QStringLiteral("figure.svg"));
    QCOMPARE(m_figure->write(path, FigureExport::Plot(plot), QSize(900, 600), 1.0), QString());
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QXmlStreamReader xml(&file);
    QString root;
    QStringList texts;
    bool inText = false;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement()) {
            if (root.isEmpty())
                root = xml.name().toString();
            if (xml.name() == QLatin1String("text")) {
                inText = true;
                texts.append(QString());
            }
        } else if (xml.isEndElement() && xml.name() == QLatin1String("text")) {
            inText = false;
        } else if (xml.isCharacters() && inText) {
            texts.last() += xml.text();
        }
    }
    QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
    QCOMPARE(root, QStringLiteral("svg"));
    for (const QString &label : labels)
        QVERIFY2(texts.contains(label), qPrintable(label + QStringLiteral(" not among the SVG's texts")));
}

void TestFigureExport::scaleScalesFonts()
{
    // A figure at scale 2, shrunk back, looks like the figure at scale 1: text and lines grew with the
    // image. Text drawn at a fixed pixel size would leave the shrunk image with text half as big.
    const QSize size(600, 400);
    const QImage one = m_figure->image(FigureExport::Plot::Distributions, size, 1.0);
    const QImage two = m_figure->image(FigureExport::Plot::Distributions, size, 2.0);
    QCOMPARE(two.size(), size * 2);
    const QImage shrunk = two.scaled(size, Qt::IgnoreAspectRatio, Qt::SmoothTransformation)
                              .convertToFormat(QImage::Format_RGB32);
    const QImage base = one.convertToFormat(QImage::Format_RGB32);
    double difference = 0;
    for (int y = 0; y < size.height(); ++y)
        for (int x = 0; x < size.width(); ++x) {
            const QRgb a = base.pixel(x, y), b = shrunk.pixel(x, y);
            difference += std::abs(qGray(a) - qGray(b));
        }
    difference /= double(size.width() * size.height());
    QVERIFY2(difference < 4.0, qPrintable(QStringLiteral("mean grey difference %1").arg(difference)));
}

void TestFigureExport::screenUndisturbed_data()
{
    QTest::addColumn<int>("plot");
    QTest::addColumn<QSize>("size");
    // Wider than the screen (bars could turn to lines, the layout grows) and narrower (the legend
    // row wraps for the export).
    QTest::newRow("distributions wide") << int(FigureExport::Plot::Distributions) << QSize(1500, 1000);
    QTest::newRow("contributions narrow") << int(FigureExport::Plot::Contributions) << QSize(260, 300);
    QTest::newRow("all narrow") << int(FigureExport::Plot::All) << QSize(200, 600);
}

void TestFigureExport::screenUndisturbed()
{
    QFETCH(int, plot);
    QFETCH(QSize, size);
    m_distributions->resize(500, 300);
    m_contributions->resize(500, 300);
    m_distributions->show();
    m_contributions->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_distributions));
    QVERIFY(QTest::qWaitForWindowExposed(m_contributions));
    // Settled: the replots the first layout queued (bars or lines, legend wrap, tick count) have run.
    QTRY_VERIFY(!m_distributions->replotPending() && !m_contributions->replotPending());
    const QPoint before = m_distributions->pixelFor(0, 4.0, 0.2);
    const bool bars = m_distributions->showsBars();
    const QImage screen = m_distributions->canvas()->grab().toImage();
    const QImage screenTerms = m_contributions->canvas()->grab().toImage();
    const QImage image = m_figure->image(FigureExport::Plot(plot), size, 1.0);
    QVERIFY(!image.isNull());
    QCoreApplication::processEvents();
    QCOMPARE(m_distributions->pixelFor(0, 4.0, 0.2), before);
    QCOMPARE(m_distributions->showsBars(), bars);
    QCOMPARE(m_distributions->canvas()->grab().toImage(), screen);
    QCOMPARE(m_contributions->canvas()->grab().toImage(), screenTerms);
}

void TestFigureExport::unknownExtension()
{
    const QString path = m_dir.filePath(QStringLiteral("figure.bmp"));
    const QString error = m_figure->write(path, FigureExport::Plot::All, QSize(400, 300), 1.0);
    QVERIFY(error.contains(QStringLiteral(".bmp")));
    QVERIFY(error.contains(QStringLiteral("figure.bmp")));
    QVERIFY(!QFile::exists(path));
    QVERIFY(!FigureExport::formatForFile(QStringLiteral("noextension")));
    QCOMPARE(FigureExport::formatForFile(QStringLiteral("A.SVG")), FigureExport::Format::Svg);
}

void TestFigureExport::badSize()
{
    const QString path = m_dir.filePath(QStringLiteral("never.png"));
    QVERIFY(!m_figure->write(path, FigureExport::Plot::All, QSize(0, 300), 1.0).isEmpty());
    QVERIFY(!m_figure->write(path, FigureExport::Plot::All, QSize(300, 300), 0.0).isEmpty());
    QVERIFY(!QFile::exists(path));
}

// Issue 8: a raster size Qt cannot draw or memory cannot hold is refused with a message before any
// drawing (20000 x 20000 at 2.4 used to segfault in QRasterPaintEngine after 9 GB).
void TestFigureExport::imageSizeBound_data()
{
    QTest::addColumn<QSize>("size");
    QTest::addColumn<double>("scale");
    QTest::addColumn<QString>("refusal"); // "" when the size is allowed
    QTest::newRow("20000 x 20000 at 2.4")
        << QSize(20000, 20000) << 2.4 << "an image of 48000 × 48000 pixels is too large";
    QTest::newRow("widest side") << QSize(32767, 2) << 1.0 << "";
    QTest::newRow("one pixel too wide")
        << QSize(32768, 2) << 1.0 << "an image of 32768 × 2 pixels is too large";
    QTest::newRow("2^27 pixels") << QSize(16384, 8192) << 1.0 << "";
    QTest::newRow("2^27 + 16384 pixels") << QSize(16384, 8193) << 1.0 << "an image of 16384 × 8193 pixels";
    QTest::newRow("scale rounds over") << QSize(10000, 10000) << 1.6385 << "16385 × 16385 pixels";
    QTest::newRow("int overflow") << QSize(20000, 20000) << 1e300 << "too large";
    QTest::newRow("NaN scale") << QSize(200, 200) << std::nan("") << "must be positive";
}

void TestFigureExport::imageSizeBound()
{
    QFETCH(QSize, size);
    QFETCH(double, scale);
    QFETCH(QString, refusal);
    const QString problem = FigureExport::imageSizeProblem(size, scale);
    if (refusal.isEmpty()) {
        QCOMPARE(problem, QString());
        return;
    }
    QVERIFY2(problem.contains(refusal), qPrintable(problem));
    if (problem.contains(QStringLiteral("too large")))
        QVERIFY2(problem.contains(QStringLiteral("32767 pixels a side and 134217728 pixels")),
                 qPrintable(problem));
    // write() refuses before drawing: nothing is allocated, no file appears, and image() gives nothing.
    const QString path = m_dir.filePath(QStringLiteral("huge.png"));
    const QString error = m_figure->write(path, FigureExport::Plot::All, size, scale);
    QVERIFY2(error.startsWith(QDir::toNativeSeparators(path) + QStringLiteral(": ")), qPrintable(error));
    QVERIFY(error.contains(refusal));
    QVERIFY(!QFile::exists(path));
    QVERIFY(m_figure->image(FigureExport::Plot::All, size, scale).isNull());
}

// PDF and SVG allocate no pixels: the size the CLI and the dialog allow (20000 a side) is written,
// whatever the scale, which they ignore.
void TestFigureExport::vectorFormatsIgnoreTheImageBound_data()
{
    QTest::addColumn<QString>("name");
    QTest::newRow("svg") << "large.svg";
    QTest::newRow("pdf") << "large.pdf";
}

void TestFigureExport::vectorFormatsIgnoreTheImageBound()
{
    QFETCH(QString, name);
    const QString path = m_dir.filePath(name);
    QCOMPARE(m_figure->write(path, FigureExport::Plot::Distributions, QSize(20000, 20000), 2.4), QString());
    QVERIFY(QFileInfo(path).size() > 1000);
    const QString tooWide = m_figure->write(path, FigureExport::Plot::Distributions, QSize(40000, 200), 1.0);
    QVERIFY2(tooWide.contains(
                 QStringLiteral("a vector figure must be 1 to 32767 pixels a side (got 40000 × 200)")),
             qPrintable(tooWide));
}

void TestFigureExport::aListOfPlotsStacksInItsStretch_data()
{
    QTest::addColumn<int>("top");
    QTest::addColumn<int>("bottom");
    QTest::newRow("1:3") << 1 << 3;
    QTest::newRow("1:1") << 1 << 1;
    QTest::newRow("3:1") << 3 << 1;
}

void TestFigureExport::aListOfPlotsStacksInItsStretch()
{
    QFETCH(int, top);
    QFETCH(int, bottom);
    // Two data-fed plots, one in P's colour above one in Q's: "all" gives each its share of the height,
    // one plot by index draws that plot alone.
    const auto bars = [](PlotSeries::Role role) {
        PlotSeries s;
        s.kind = PlotSeries::Kind::Bars;
        s.role = role;
        s.x = {0, 1, 2, 3, 4};
        s.y = {1, 1, 1, 1, 1};
        return s;
    };
    SeriesPlot upper, lower;
    upper.setSeries({bars(PlotSeries::Role::P)});
    lower.setSeries({bars(PlotSeries::Role::Q)});
    upper.setObjectName(QStringLiteral("densities"));
    lower.setObjectName(QStringLiteral("integrands"));
    const FigureExport figure({&upper, &lower}, {top, bottom});
    QCOMPARE(figure.plots().size(), 2);
    QCOMPARE(figure.plotNamed(QStringLiteral("Integrands ")), std::optional(FigureExport::Plot(1)));
    QCOMPARE(figure.plotNamed(QStringLiteral("densities")), std::optional(FigureExport::Plot(0)));
    QCOMPARE(figure.plotNamed(QStringLiteral("all")), std::optional(FigureExport::Plot::All));
    QCOMPARE(figure.plotNamed(QStringLiteral("cumulative")), std::nullopt);
    const QSize size(400, 800);
    const QImage all = figure.image(FigureExport::Plot::All, size, 1.0);
    const int boundary = size.height() * top / (top + bottom);
    const QColor p = over(klscope::palette::p(), 170), q = over(klscope::palette::q(), 170);
    const QImage above = all.copy(0, 0, size.width(), boundary);
    const QImage below = all.copy(0, boundary, size.width(), size.height() - boundary);
    QVERIFY(countNear(above, p) > 1000);
    QCOMPARE(countNear(above, q), 0);
    QVERIFY(countNear(below, q) > 1000);
    QCOMPARE(countNear(below, p), 0);
    // Plot 1 alone: the lower plot over the whole figure.
    const QImage second = figure.image(FigureExport::Plot(1), size, 1.0);
    QVERIFY(countNear(second, q) > countNear(below, q));
    QCOMPARE(countNear(second, p), 0);
}

QTEST_MAIN(TestFigureExport)
#include "tst_figureexport.moc"
