// The Fit page's exported figure with the minka-alpha preset (Minka 2005, figure 1): P and the fits for
// every α overlaid, each α with its own colour and a legend entry naming it, in the SVG (its texts and
// curves read back from the XML) and as PDF and PNG.

#include "figureexport.h"
#include "fitdocument.h"
#include "fitpage.h"
#include "seriesplot.h"

#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

namespace {

constexpr int kTimeout = 60000;

struct SvgContent
{
    QStringList texts;
    /// Per stroke colour ("#d55e00"), the largest number of points of one polyline or path drawn in it.
    QHash<QString, int> longest;
};

SvgContent readSvg(const QString &path, QString *error)
{
    SvgContent content;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = file.errorString();
        return content;
    }
    QXmlStreamReader xml(&file);
    QStringList strokes{QString()}; // the stroke colour in force at each open element
    bool inText = false;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement()) {
            const QString stroke = xml.attributes().value(QLatin1String("stroke")).toString().toLower();
            strokes.append(stroke.isEmpty() ? strokes.last() : stroke);
            const auto name = xml.name();
            if (name == QLatin1String("text")) {
                inText = true;
                content.texts.append(QString());
            } else if (name == QLatin1String("polyline") || name == QLatin1String("path")) {
                const QString points =
                    xml.attributes()
                        .value(name == QLatin1String("path") ? QLatin1String("d") : QLatin1String("points"))
                        .toString();
                const int count = int(points.count(QLatin1Char(',')));
                int &longest = content.longest[strokes.last()];
                longest = std::max(longest, count);
            }
        } else if (xml.isEndElement()) {
            strokes.removeLast();
            if (xml.name() == QLatin1String("text"))
                inText = false;
        } else if (xml.isCharacters() && inText) {
            content.texts.last() += xml.text();
        }
    }
    if (xml.hasError())
        *error = xml.errorString();
    return content;
}

} // namespace

class TestFitFigure : public QObject
{
    Q_OBJECT

private slots:
    void minkaFigure_data();
    void minkaFigure();
};

void TestFitFigure::minkaFigure_data()
{
    QTest::addColumn<QSize>("size");
    QTest::newRow("900x600") << QSize(900, 600);
    QTest::newRow("600x420") << QSize(600, 420);
}

void TestFitFigure::minkaFigure()
{
    QFETCH(QSize, size);
    FitPage page;
    page.resize(1280, 800);
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    {
        QSignalSpy fits(&page, &FitPage::fitsUpdated);
        QVERIFY(page.loadPreset(QStringLiteral("minka-alpha")));
        QVERIFY(fits.wait(kTimeout));
    }
    QCOMPARE(page.outcome()->alphaSweep.size(), qsizetype(4));
    // Every α has its own legend entry: α → 0 and α = 1 are the reverse and forward fits.
    const QStringList legend = page.fitPlot()->legendEntries();
    const QStringList names = {QStringLiteral("α → 0: reverse fit, min KL(Q‖P)"),
                               QStringLiteral("α = 0.05"),
                               QStringLiteral("α = 0.25"),
                               QStringLiteral("α = 0.50"),
                               QStringLiteral("α = 0.75"),
                               QStringLiteral("α = 1: forward fit, min KL(P‖Q)")};
    for (const QString &name : names)
        QVERIFY2(legend.count(name) == 1, qPrintable(name + QStringLiteral(" in ") + legend.join(u'|')));
    QCOMPARE(legend.filter(QStringLiteral("α = 0.50")).size(), 1); // the slider's α is drawn once

    QTemporaryDir dir;
    const QString keep = qEnvironmentVariable("KLSCOPE_SCREENSHOTS");
    const QDir out(keep.isEmpty() ? dir.path() : keep);
    const QString stem = QStringLiteral("minka-%1x%2").arg(size.width()).arg(size.height());
    const FigureExport figure(page.figurePlots(), page.figureStretch());
    const QString svg = out.filePath(stem + QStringLiteral(".svg"));
    QCOMPARE(figure.write(svg, FigureExport::Plot::All, size), QString());
    QString error;
    const SvgContent content = readSvg(svg, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    // A long entry may be drawn as more than one text run (one per line of a wrapped legend).
    const QString texts = content.texts.join(QString());
    for (const QString &name : names)
        QVERIFY2(texts.contains(name), qPrintable(name + QStringLiteral(" not among the SVG's texts")));
    // Each α's curve is drawn in its own colour across the plot (hundreds of points), not only as the short
    // line of its legend entry; so are the reverse and forward fits.
    for (const char *colour : {"#d55e00", "#cc79a7", "#0072b2", "#56b4e9"})
        QVERIFY2(content.longest.value(QLatin1String(colour)) > 100,
                 qPrintable(QStringLiteral("%1: %2 points").arg(colour).arg(content.longest.value(colour))));

    const QString pdf = out.filePath(stem + QStringLiteral(".pdf"));
    QCOMPARE(figure.write(pdf, FigureExport::Plot::All, size), QString());
    QFile pdfFile(pdf);
    QVERIFY(pdfFile.open(QIODevice::ReadOnly));
    QVERIFY(pdfFile.readAll().startsWith("%PDF"));
    const QImage image = figure.image(FigureExport::Plot::All, size, 1.0);
    QCOMPARE(image.size(), size);
    if (!keep.isEmpty())
        QVERIFY(image.save(out.filePath(stem + QStringLiteral(".png"))));
}

QTEST_MAIN(TestFitFigure)
#include "tst_fitfigure.moc"
