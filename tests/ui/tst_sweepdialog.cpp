// The sweep window (issue 13) on a real comparison page: a parameter's sweep button opens it, its curves
// are the core sweep's, an edit of the document moves the current-value marker, and a refused range
// shows its sentence and keeps the curves drawn. Its figure export (through the window's export dialog) names
// the three curves, and its CSV is byte for byte the one `klscope-cli sweep --out FILE.csv` writes.

#include "comparisonpage.h"
#include "continuouseditor.h"
#include "distributioneditor.h"
#include "document.h"
#include "exportdialog.h"
#include "figureexport.h"
#include "numberspinbox.h"
#include "presets.h"
#include "seriesplot.h"
#include "sweepdialog.h"

#include <continuousspec.h>
#include <spec.h>
#include <sweep.h>

#include <QApplication>
#include <QComboBox>
#include <QFile>
#include <QFileInfo>
#include <QLabel>
#include <QProcess>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QToolButton>
#include <QUndoStack>
#include <QXmlStreamReader>

#include <cmath>

Q_DECLARE_METATYPE(Side)

namespace {

// Curves equal value by value (+inf and NaN included).
bool sameCurve(const std::vector<double> &a, const std::vector<double> &b)
{
    if (a.size() != b.size())
        return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (!(a[i] == b[i] || (std::isnan(a[i]) && std::isnan(b[i]))))
            return false;
    return true;
}

// The texts of an SVG file, in document order.
QStringList svgTexts(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QXmlStreamReader xml(&file);
    QStringList texts;
    bool inText = false;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement() && xml.name() == QLatin1String("text")) {
            inText = true;
            texts.append(QString());
        } else if (xml.isEndElement() && xml.name() == QLatin1String("text")) {
            inText = false;
        } else if (xml.isCharacters() && inText) {
            texts.last() += xml.text();
        }
    }
    return xml.hasError() ? QStringList() : texts;
}

} // namespace

class TestSweepDialog : public QObject
{
    Q_OBJECT

private:
    // Clicks the sweep button of `side`'s parameter `row` and waits for the window's first sweep.
    SweepDialog *openSweep(ComparisonPage &page, Side side, int row)
    {
        QToolButton *button = page.editor(side == Side::P ? 0 : 1)->sweepButton(row);
        if (!button)
            return nullptr;
        button->click();
        auto *dialog = page.findChild<SweepDialog *>();
        if (!dialog)
            return nullptr;
        if (dialog->sweep().values.empty()) {
            QSignalSpy shown(dialog, &SweepDialog::sweepShown);
            if (!shown.wait(20000))
                return nullptr;
        }
        return dialog;
    }

private slots:
    void initTestCase();
    void buttonOpensCoreSweep_data();
    void buttonOpensCoreSweep();
    void continuousButtonOpensCoreSweep();
    void editMovesCurrentMarker();
    void refusedRangeKeepsCurves_data();
    void refusedRangeKeepsCurves();
    void exportedFigureNamesTheCurves();
    void csvIsTheClis_data();
    void csvIsTheClis();
};

void TestSweepDialog::initTestCase()
{
    // The export dialog remembers its choices in QSettings: a throw-away location.
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("klscope-tests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_sweepdialog"));
}

void TestSweepDialog::buttonOpensCoreSweep_data()
{
    QTest::addColumn<QString>("p");
    QTest::addColumn<QString>("q");
    QTest::addColumn<Side>("side");
    QTest::addColumn<int>("row");
    QTest::addColumn<QString>("parameter");
    QTest::newRow("binomial p of P") << "binomial:n=20,p=0.3"
                                     << "poisson:lambda=5" << Side::P << 1 << "p";
    QTest::newRow("binomial n of P") << "binomial:n=20,p=0.3"
                                     << "poisson:lambda=5" << Side::P << 0 << "n";
    QTest::newRow("poisson lambda of Q") << "binomial:n=20,p=0.3"
                                         << "poisson:lambda=5" << Side::Q << 0 << "lambda";
    QTest::newRow("geometric of Q, infinite KL") << "uniform:a=0,b=6"
                                                 << "geometric:p=0.4" << Side::Q << 0 << "p";
}

void TestSweepDialog::buttonOpensCoreSweep()
{
    QFETCH(QString, p);
    QFETCH(QString, q);
    QFETCH(Side, side);
    QFETCH(int, row);
    QFETCH(QString, parameter);
    const QList<Preset> presets; // the page keeps a reference
    ComparisonPage page(presets);
    page.resize(1280, 800);
    page.show();
    QVERIFY(page.document()->setDistribution(Side::P, klscope::parseSpec(p.toStdString())));
    QVERIFY(page.document()->setDistribution(Side::Q, klscope::parseSpec(q.toStdString())));
    QVERIFY(!page.findChild<SweepDialog *>());

    SweepDialog *dialog = openSweep(page, side, row);
    QVERIFY(dialog);
    QVERIFY(dialog->isVisible());
    QVERIFY(!dialog->isModal());
    QCOMPARE(dialog->side(), side);
    QCOMPARE(dialog->parameter(), parameter);

    // The curves are the core sweep's over the range shown, value for value.
    const klscope::SweepParameter swept{side == Side::P ? klscope::SweepSide::P : klscope::SweepSide::Q,
                                        parameter.toStdString()};
    const klscope::Sweep expected =
        klscope::sweep(page.document()->distribution(Side::P), page.document()->distribution(Side::Q), swept,
                       dialog->range(), page.document()->unit());
    QVERIFY(expected.values.size() >= 2);
    QVERIFY(sameCurve(dialog->sweep().values, expected.values));
    QVERIFY(sameCurve(dialog->sweep().klPQ, expected.klPQ));
    QVERIFY(sameCurve(dialog->sweep().klQP, expected.klQP));
    QVERIFY(sameCurve(dialog->sweep().js, expected.js));
    QCOMPARE(dialog->plot()->seriesCount(), 3);
    QCOMPARE(dialog->plot()->legendEntries(), (QStringList{"KL(P‖Q)", "KL(Q‖P)", "JS"}));
    // The current value is the first marker, and the minima follow it.
    QVERIFY(dialog->markers().size() >= 2);
    QCOMPARE(dialog->markers().first().x, expected.current);
    for (const char *curve : {"KL(P‖Q)", "KL(Q‖P)", "JS"})
        QVERIFY(dialog->plot()->footnoteText().simplified().contains(QString::fromUtf8(curve)));

    // A second click raises the same window.
    page.editor(side == Side::P ? 0 : 1)->sweepButton(row)->click();
    QCOMPARE(page.findChildren<SweepDialog *>().size(), 1);
}

void TestSweepDialog::continuousButtonOpensCoreSweep()
{
    const QList<Preset> presets;
    ComparisonPage page(presets);
    page.show();
    QVERIFY(page.document()->setContinuousFamily(Side::P, klscope::ContinuousFamily::Normal));
    QVERIFY(page.document()->setContinuous(Side::P, klscope::Normal(0.0, 1.0)));
    QVERIFY(page.document()->setContinuous(Side::Q, klscope::Normal(1.0, 1.5)));
    QToolButton *button = page.editor(1)->continuousEditor()->sweepButton(1);
    QVERIFY(button);
    QCOMPARE(button->objectName(), QStringLiteral("sigmaSweep"));
    button->click();
    auto *dialog = page.findChild<SweepDialog *>();
    QVERIFY(dialog);
    QSignalSpy shown(dialog, &SweepDialog::sweepShown);
    QVERIFY(shown.wait(60000));
    QCOMPARE(dialog->side(), Side::Q);
    QCOMPARE(dialog->parameter(), QStringLiteral("sigma"));
    const ContinuousPair *pair = page.document()->continuousPair();
    QVERIFY(pair);
    const klscope::Sweep expected = klscope::sweep(pair->p, pair->q, {klscope::SweepSide::Q, "sigma"},
                                                   dialog->range(), page.document()->unit());
    QVERIFY(sameCurve(dialog->sweep().values, expected.values));
    QVERIFY(sameCurve(dialog->sweep().klPQ, expected.klPQ));
    QVERIFY(sameCurve(dialog->sweep().klQP, expected.klQP));
    QVERIFY(sameCurve(dialog->sweep().js, expected.js));
    QCOMPARE(dialog->markers().first().x, 1.5);
}

void TestSweepDialog::editMovesCurrentMarker()
{
    const QList<Preset> presets; // the page keeps a reference
    ComparisonPage page(presets);
    page.show();
    QVERIFY(page.document()->setDistribution(Side::P, klscope::parseSpec("binomial:n=20,p=0.3")));
    QVERIFY(page.document()->setDistribution(Side::Q, klscope::parseSpec("binomial:n=20,p=0.5")));
    SweepDialog *dialog = openSweep(page, Side::Q, 1);
    QVERIFY(dialog);
    QCOMPARE(dialog->markers().first().x, 0.5);
    // Where Q = P all three curves are 0: one marker names the three minima at 0.3.
    QCOMPARE(dialog->markers().size(), 2);
    QCOMPARE(dialog->markers().at(1).x, dialog->sweep().values.at(30));
    QVERIFY(dialog->plot()->footnoteText().simplified().contains("JS = 0 at 0.3"));

    QSignalSpy shown(dialog, &SweepDialog::sweepShown);
    QVERIFY(page.document()->setDistribution(Side::Q, klscope::parseSpec("binomial:n=20,p=0.7")));
    QVERIFY(shown.wait(20000));
    QCOMPARE(dialog->markers().first().x, 0.7);
    QCOMPARE(dialog->sweep().current, 0.7);

    // Undo moves it back.
    page.document()->undoStack()->undo();
    QVERIFY(shown.wait(20000));
    QCOMPARE(dialog->markers().first().x, 0.5);
}

void TestSweepDialog::refusedRangeKeepsCurves_data()
{
    QTest::addColumn<double>("from");
    QTest::addColumn<double>("to");
    QTest::addColumn<int>("steps");
    QTest::addColumn<QString>("sentence");
    QTest::newRow("reversed") << 0.8 << 0.2 << 11 << "";
    QTest::newRow("out of the parameter's range") << 0.0 << 1.5 << 11 << "out of range";
}

void TestSweepDialog::refusedRangeKeepsCurves()
{
    QFETCH(double, from);
    QFETCH(double, to);
    QFETCH(int, steps);
    QFETCH(QString, sentence);
    const QList<Preset> presets; // the page keeps a reference
    ComparisonPage page(presets);
    page.show();
    QVERIFY(page.document()->setDistribution(Side::P, klscope::parseSpec("binomial:n=20,p=0.3")));
    SweepDialog *dialog = openSweep(page, Side::P, 1);
    QVERIFY(dialog);
    const klscope::Sweep before = dialog->sweep();
    const klscope::SweepRange range = dialog->range();
    QVERIFY(dialog->messageLabel()->isHidden());

    QSignalSpy refused(dialog, &SweepDialog::sweepRefused);
    QSignalSpy shown(dialog, &SweepDialog::sweepShown);
    dialog->fromBox()->setValue(from);
    dialog->toBox()->setValue(to);
    dialog->stepsBox()->setValue(steps);
    dialog->applyButton()->click();
    QVERIFY(refused.wait(20000));
    QCOMPARE(shown.count(), 0);
    QVERIFY(!dialog->messageLabel()->isHidden());
    QVERIFY(!dialog->messageLabel()->text().isEmpty());
    QVERIFY(dialog->messageLabel()->text().contains(sentence));
    // The old curves stay, and the boxes show their range again.
    QVERIFY(sameCurve(dialog->sweep().values, before.values));
    QVERIFY(sameCurve(dialog->sweep().klPQ, before.klPQ));
    QCOMPARE(dialog->plot()->seriesCount(), 3);
    QCOMPARE(dialog->fromBox()->value(), range.from);
    QCOMPARE(dialog->toBox()->value(), range.to);
    QCOMPARE(dialog->stepsBox()->value(), int(range.steps));

    // A good range afterwards draws and clears the message.
    dialog->fromBox()->setValue(0.1);
    dialog->toBox()->setValue(0.9);
    dialog->stepsBox()->setValue(9);
    dialog->applyButton()->click();
    QVERIFY(shown.wait(20000));
    QCOMPARE(dialog->sweep().values.size(), std::size_t(9));
    QVERIFY(dialog->messageLabel()->isHidden());
}

void TestSweepDialog::exportedFigureNamesTheCurves()
{
    const QList<Preset> presets; // the page keeps a reference
    ComparisonPage page(presets);
    page.show();
    QVERIFY(page.document()->setDistribution(Side::P, klscope::parseSpec("binomial:n=20,p=0.3")));
    QVERIFY(page.document()->setDistribution(Side::Q, klscope::parseSpec("binomial:n=20,p=0.5")));
    SweepDialog *dialog = openSweep(page, Side::Q, 1);
    QVERIFY(dialog);
    QVERIFY(dialog->exportFigureButton()->isEnabled());
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("sweep.svg"));

    // Through the button and the window's export dialog, which has no choice of plot here.
    bool plotChoiceShown = true;
    QString offered;
    QTimer::singleShot(0, this, [&] {
        auto *exportDialog = qobject_cast<ExportDialog *>(QApplication::activeModalWidget());
        if (!exportDialog)
            return;
        plotChoiceShown = exportDialog->findChild<QComboBox *>(QStringLiteral("plotCombo"))->isVisible();
        offered = exportDialog->fileName();
        exportDialog->setFileName(path);
        exportDialog->setFigureSize(QSize(900, 600));
        exportDialog->accept();
    });
    dialog->exportFigureButton()->click();
    QVERIFY(!plotChoiceShown);
    QVERIFY2(QFileInfo(offered).fileName().startsWith(QStringLiteral("klscope-sweep-q.p.")),
             qPrintable(offered));
    QVERIFY2(QFile::exists(path), qPrintable(dialog->messageLabel()->text()));
    QVERIFY(dialog->messageLabel()->text().contains(QStringLiteral("sweep.svg")));
    const QStringList texts = svgTexts(path);
    for (const char *name : {"KL(P‖Q)", "KL(Q‖P)", "JS", "q.p"})
        QVERIFY2(texts.contains(QString::fromUtf8(name)),
                 qPrintable(QString::fromUtf8(name) + QStringLiteral(" not among ") +
                            texts.join(QLatin1Char('|'))));

    // The same figure written directly.
    const QString direct = dir.filePath(QStringLiteral("direct.svg"));
    QCOMPARE(dialog->figure().write(direct, FigureExport::Plot::Distributions, QSize(900, 600)), QString());
    QCOMPARE(svgTexts(direct), texts);
}

void TestSweepDialog::csvIsTheClis_data()
{
    QTest::addColumn<QString>("p");
    QTest::addColumn<QString>("q");
    QTest::addColumn<Side>("side");
    QTest::addColumn<QString>("parameter");
    QTest::addColumn<double>("from");
    QTest::addColumn<double>("to");
    QTest::addColumn<int>("steps");
    QTest::newRow("discrete q.p") << "binomial:n=20,p=0.3"
                                  << "binomial:n=20,p=0.5" << Side::Q << "p" << 0.05 << 0.95 << 91;
    QTest::newRow("discrete p.lambda, infinite KL")
        << "poisson:lambda=4"
        << "binomial:n=10,p=0.5" << Side::P << "lambda" << 0.5 << 9.0 << 18;
    QTest::newRow("continuous q.sigma")
        << "normal:mu=0,sigma=1"
        << "student_t:nu=5,mu=0,sigma=1" << Side::Q << "sigma" << 0.5 << 3.0 << 26;
}

void TestSweepDialog::csvIsTheClis()
{
    QFETCH(QString, p);
    QFETCH(QString, q);
    QFETCH(Side, side);
    QFETCH(QString, parameter);
    QFETCH(double, from);
    QFETCH(double, to);
    QFETCH(int, steps);
    const QList<Preset> presets; // the page keeps a reference
    ComparisonPage page(presets);
    page.show();
    QVERIFY(page.document()->loadState(
        [&] {
            DocumentState state;
            if (klscope::isContinuousSpec(p.toStdString())) {
                ContinuousPair pair;
                pair.p = klscope::parseContinuousSpec(p.toStdString());
                pair.q = klscope::parseContinuousSpec(q.toStdString());
                state.pair = pair;
            } else {
                DiscretePair pair;
                pair.p = klscope::parseSpec(p.toStdString());
                pair.q = klscope::parseSpec(q.toStdString());
                state.pair = pair;
            }
            return state;
        }(),
        QStringLiteral("pair")));
    SweepController *controller = page.findChild<SweepController *>();
    QVERIFY(controller);
    SweepDialog *dialog = controller->open(side, parameter);
    QSignalSpy shown(dialog, &SweepDialog::sweepShown);
    if (dialog->sweep().values.empty())
        QVERIFY(shown.wait(60000));
    dialog->fromBox()->setValue(from);
    dialog->toBox()->setValue(to);
    dialog->stepsBox()->setValue(steps);
    shown.clear();
    dialog->applyButton()->click();
    QVERIFY(shown.wait(60000));
    QCOMPARE(dialog->sweep().values.size(), std::size_t(steps));

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString mine = dir.filePath(QStringLiteral("window.csv"));
    const QString theirs = dir.filePath(QStringLiteral("cli.csv"));
    QCOMPARE(dialog->writeCsv(mine), QString());
    QProcess cli;
    const QString vary = QStringLiteral("%1.%2=%3..%4")
                             .arg(side == Side::P ? QStringLiteral("p") : QStringLiteral("q"), parameter)
                             .arg(from, 0, 'g', 17)
                             .arg(to, 0, 'g', 17);
    cli.start(QStringLiteral(KLSCOPE_CLI),
              {QStringLiteral("sweep"), QStringLiteral("--p"), p, QStringLiteral("--q"), q,
               QStringLiteral("--vary"), vary, QStringLiteral("--steps"), QString::number(steps),
               QStringLiteral("--out"), theirs});
    QVERIFY(cli.waitForFinished(120000));
    QCOMPARE(cli.exitCode(), 0);
    QFile a(mine), b(theirs);
    QVERIFY(a.open(QIODevice::ReadOnly));
    QVERIFY(b.open(QIODevice::ReadOnly));
    const QByteArray window = a.readAll();
    QVERIFY(window.startsWith((side == Side::P ? "p." : "q.") + parameter.toUtf8() + ",kl_pq,kl_qp,js\n"));
    QCOMPARE(window.count('\n'), steps + 1);
    QCOMPARE(window, b.readAll());
}

QTEST_MAIN(TestSweepDialog)
#include "tst_sweepdialog.moc"
