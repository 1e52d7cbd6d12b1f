// The VAE page on a real VaeDocument: each bar equals vaeKlTerm of its dimension, the two sort orders, the
// threshold greying exactly the dimensions below it (and undoing), a mouse drag of the μ slider as one undo
// step that moves that bar and the total live, files of both layouts loaded in one undo step, and a bad file
// refused with its name and line while nothing changes.

#include "numberspinbox.h"
#include "seriesplot.h"
#include "vaedocument.h"
#include "vaepage.h"
#include "widgetinput.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QMouseEvent>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QSlider>
#include <QStyle>
#include <QStyleOptionSlider>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

#include <algorithm>
#include <cmath>
#include <numeric>
#include <set>

using klscope::test::sliderHandleCentre;
using klscope::test::typeInto;

namespace {

constexpr int kTimeout = 30000;

QString writeFile(const QTemporaryDir &dir, const QString &name, const QByteArray &text)
{
    const QString path = dir.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(text) != text.size())
        return {};
    return path;
}

// Loads `path` and waits for the outcome; the arguments of loadFinished.
QList<QVariant> load(VaePage &page, const QString &path)
{
    QSignalSpy spy(&page, &VaePage::loadFinished);
    page.loadFile(path);
    if (!spy.wait(kTimeout))
        return {};
    return spy.takeFirst();
}

void sendMouse(QWidget *w, QEvent::Type type, QPoint at, Qt::MouseButtons buttons)
{
    QMouseEvent event(type, QPointF(at), w->mapToGlobal(QPointF(at)), Qt::LeftButton, buttons,
                      Qt::NoModifier);
    QApplication::sendEvent(w, &event);
}

} // namespace

class TestVaePage : public QObject
{
    Q_OBJECT

private slots:
    void barsAreTheTerms()
    {
        VaePage page;
        const VaeState &s = page.document()->state();
        QCOMPARE(s.source, QStringLiteral("vae-collapse"));
        QCOMPARE(s.dimensions(), std::size_t(16));
        const std::vector<double> bars = page.barValues();
        QCOMPARE(bars.size(), s.mu.size());
        double total = 0.0;
        for (std::size_t i = 0; i < bars.size(); ++i) {
            QCOMPARE(page.barOrder()[i], i);
            QCOMPARE(bars[i], klscope::vaeKlTerm(s.mu[i], s.logvar[i]));
            total += bars[i];
        }
        QVERIFY(std::fabs(page.document()->total() - total) <= 1e-14 * total);
        QVERIFY(page.totalLabel()->text().contains(QString::number(total, 'g', 4) + QStringLiteral(" nats")));
        QVERIFY(page.totalLabel()->text().contains(QString::number(total / std::log(2.0), 'g', 4) +
                                                   QStringLiteral(" bits")));
        // The example has collapsed dimensions: both bar series and the threshold line are drawn.
        QCOMPARE(page.plot()->seriesCount(), 3);
        QVERIFY(page.plot()->legendEntries().contains(QStringLiteral("threshold")));
        page.logScaleBox()->setChecked(true);
        QVERIFY(page.plot()->logScale());
        QVERIFY(page.plot()->valueAxisRange().first < page.document()->kl()[2]); // a collapsed bar shows
        QVERIFY(!page.greyDimensions().empty());
    }

    void sorting_data()
    {
        QTest::addColumn<int>("comboIndex");
        QTest::addColumn<bool>("byKl");
        QTest::newRow("by dimension") << 0 << false;
        QTest::newRow("by KL") << 1 << true;
    }

    void sorting()
    {
        QFETCH(int, comboIndex);
        QFETCH(bool, byKl);
        VaePage page;
        page.orderCombo()->setCurrentIndex(1 - comboIndex);
        page.orderCombo()->setCurrentIndex(comboIndex);
        QCOMPARE(page.order(), byKl ? VaePage::Order::ByKl : VaePage::Order::ByDimension);
        const std::vector<std::size_t> &order = page.barOrder();
        std::vector<std::size_t> sorted = order;
        std::sort(sorted.begin(), sorted.end());
        std::vector<std::size_t> all(order.size());
        std::iota(all.begin(), all.end(), std::size_t(0));
        QCOMPARE(sorted, all); // a permutation of the dimensions
        const std::vector<double> bars = page.barValues();
        const std::vector<double> &kl = page.document()->kl();
        for (std::size_t p = 0; p < order.size(); ++p) {
            QCOMPARE(bars[p], kl[order[p]]);
            if (byKl && p > 0)
                QVERIFY(bars[p - 1] >= bars[p]);
        }
        if (!byKl)
            QCOMPARE(order, all);
        else
            QVERIFY(order != all); // the example is not already sorted
        // The order is an edit (a session keeps it): undo gives the other order back, combo included.
        page.document()->undoStack()->undo();
        QCOMPARE(page.order(), byKl ? VaePage::Order::ByDimension : VaePage::Order::ByKl);
        QCOMPARE(page.orderCombo()->currentIndex(), byKl ? 0 : 1);
    }

    void threshold_data()
    {
        QTest::addColumn<double>("threshold");
        QTest::newRow("zero") << 0.0;
        QTest::newRow("default") << 0.01;
        QTest::newRow("0.05") << 0.05;
        QTest::newRow("0.5") << 0.5;
        QTest::newRow("everything") << 100.0;
    }

    void threshold()
    {
        QFETCH(double, threshold);
        VaePage page;
        page.setOrder(VaePage::Order::ByKl);
        const double before = page.document()->state().threshold;
        typeInto(page.thresholdSpin(), QString::number(threshold, 'g', 17));
        QCOMPARE(page.document()->state().threshold, threshold);
        std::set<std::size_t> expected;
        const std::vector<double> &kl = page.document()->kl();
        for (std::size_t i = 0; i < kl.size(); ++i)
            if (kl[i] < threshold)
                expected.insert(i);
        const std::vector<std::size_t> grey = page.greyDimensions();
        QCOMPARE(std::set<std::size_t>(grey.begin(), grey.end()), expected);
        QCOMPARE(grey.size(), expected.size());
        const std::vector<std::size_t> collapsed = page.document()->collapsed();
        QCOMPARE(std::set<std::size_t>(collapsed.begin(), collapsed.end()), expected);
        if (expected.empty())
            QVERIFY(page.collapsedLabel()->text().contains(QStringLiteral("No dimension")));
        else
            QVERIFY(page.collapsedLabel()->text().contains(
                QStringLiteral("Collapsed: %1 of %2").arg(expected.size()).arg(kl.size())));
        if (threshold != before) {
            page.document()->undoStack()->undo();
            QCOMPARE(page.document()->state().threshold, before);
            QCOMPARE(page.thresholdSpin()->value(), before);
        }
    }

    void sliderDragIsOneUndoStep()
    {
        VaePage page;
        page.resize(1000, 600);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        const std::size_t dim = 2;
        typeInto(page.dimensionSpin(), QString::number(dim + 1));
        QCOMPARE(page.selectedDimension(), dim);
        const VaeState before = page.document()->state();
        const double totalBefore = page.document()->total();
        QSlider *slider = page.muSlider();
        QCOMPARE(slider->value(), int(std::lround(before.mu[dim] * VaePage::kSliderScale)));

        QPoint at = sliderHandleCentre(slider);
        sendMouse(slider, QEvent::MouseButtonPress, at, Qt::LeftButton);
        QVERIFY(slider->isSliderDown());
        std::vector<double> seen;
        for (int step = 1; step <= 5; ++step) {
            sendMouse(slider, QEvent::MouseMove, at + QPoint(12 * step, 0), Qt::LeftButton);
            seen.push_back(page.document()->state().mu[dim]);
            // Live: the bar and the total follow every move.
            QCOMPARE(page.barValues()[dim], klscope::vaeKlTerm(seen.back(), before.logvar[dim]));
        }
        sendMouse(slider, QEvent::MouseButtonRelease, at + QPoint(60, 0), Qt::NoButton);
        const double after = page.document()->state().mu[dim];
        QVERIFY(after > before.mu[dim]);
        QVERIFY(std::adjacent_find(seen.begin(), seen.end(), std::greater_equal<>()) == seen.end());
        QVERIFY(page.document()->total() != totalBefore);
        QVERIFY(page.termLabel()->text().contains(QString::number(0.5 * after * after, 'g', 4)));
        QCOMPARE(page.document()->undoStack()->count(), 1);

        page.document()->undoStack()->undo();
        QVERIFY(page.document()->state() == before);
        QCOMPARE(slider->value(), int(std::lround(before.mu[dim] * VaePage::kSliderScale)));
        QCOMPARE(page.document()->total(), totalBefore);
        page.document()->undoStack()->redo();
        QCOMPARE(page.document()->state().mu[dim], after);

        // Keys are separate steps; the ln σ² slider edits ln σ².
        page.logvarSlider()->setFocus();
        QTest::keyClick(page.logvarSlider(), Qt::Key_Right);
        QCOMPARE(page.document()->undoStack()->count(), 2);
        QCOMPARE(page.document()->state().logvar[dim], before.logvar[dim] + 1.0 / VaePage::kSliderScale);
    }

    void loadGoodFiles_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<bool>("batch");
        QTest::newRow("per dimension")
            << QByteArray("mu,logvar\n1,-1.3862943611198906\n0,0\n-0.5,0.2\n") << false;
        QTest::newRow("per example") << QByteArray("mu_1,mu_2,mu_3,logvar_1,logvar_2,logvar_3\n"
                                                   "1,0,0.3,-1,0,0.5\n0.5,0.01,-0.2,-0.5,0.02,0.1\n"
                                                   "2,0,0.1,-2,0,0.3\n")
                                     << true;
    }

    void loadGoodFiles()
    {
        QFETCH(QByteArray, text);
        QFETCH(bool, batch);
        QTemporaryDir dir;
        const QString path = writeFile(dir, QStringLiteral("encoder.csv"), text);
        QVERIFY(!path.isEmpty());
        VaePage page;
        const VaeState example = page.document()->state();
        const QList<QVariant> done = load(page, path);
        QVERIFY(!done.isEmpty());
        QVERIFY2(done.at(0).toBool(), qPrintable(done.at(1).toString()));
        const klscope::VaeResult expected = klscope::parseVaeCsv(text.toStdString(), "encoder.csv");
        QVERIFY(expected.ok());
        const VaeState &s = page.document()->state();
        QCOMPARE(s.isBatch(), batch);
        QCOMPARE(s.source, QStringLiteral("encoder.csv"));
        QCOMPARE(page.barValues(), expected->kl);
        QCOMPARE(page.document()->undoStack()->count(), 1);
        if (batch) {
            QCOMPARE(s.batchRows, std::size_t(3));
            QCOMPARE(s.batchSpread, expected->spread);
            QCOMPARE(page.plot()->seriesCount(), 4); // the bars, the threshold and the error bars
            QVERIFY(!page.muSlider()->isEnabled());
        } else {
            QCOMPARE(s.mu, (std::vector<double>{1.0, 0.0, -0.5}));
            QCOMPARE(s.mu, expected->mu);
            QCOMPARE(s.logvar, expected->logvar);
            QVERIFY(page.muSlider()->isEnabled());
            QVERIFY(std::fabs(page.barValues()[0] - 0.81814718055994531) <= 1e-15); // reference vector 21
        }
        page.document()->undoStack()->undo();
        QVERIFY(page.document()->state() == example);
    }

    void badFileChangesNothing()
    {
        QTemporaryDir dir;
        const QString path =
            writeFile(dir, QStringLiteral("broken.csv"), QByteArray("mu,logvar\n0.5,-0.1\n0.2,abc\n0,0\n"));
        QVERIFY(!path.isEmpty());
        VaePage page;
        typeInto(page.thresholdSpin(), QStringLiteral("0.05"));
        QCOMPARE(page.document()->state().threshold, 0.05);
        const VaeState before = page.document()->state();
        const QList<QVariant> done = load(page, path);
        QVERIFY(!done.isEmpty());
        QVERIFY(!done.at(0).toBool());
        const QString message = done.at(1).toString();
        QVERIFY2(message.contains(QStringLiteral("broken.csv")), qPrintable(message));
        QVERIFY2(message.contains(QStringLiteral("line 3")), qPrintable(message));
        QVERIFY(page.document()->state() == before);
        QCOMPARE(page.document()->undoStack()->count(), 1); // the threshold edit only

        const QList<QVariant> missing = load(page, dir.filePath(QStringLiteral("absent.csv")));
        QVERIFY(!missing.isEmpty());
        QVERIFY(!missing.at(0).toBool());
        QVERIFY2(missing.at(1).toString().contains(QStringLiteral("absent.csv")),
                 qPrintable(missing.at(1).toString()));
        QVERIFY(page.document()->state() == before);
    }

    // A load runs in the background behind a progress bar and a Cancel button; Cancel stops it, says so and
    // changes nothing, and the page loads again afterwards.
    void cancelStopsALoadAndChangesNothing()
    {
        QTemporaryDir dir;
        const QString path =
            writeFile(dir, QStringLiteral("encoder.csv"), QByteArray("mu,logvar\n0.5,-0.1\n"));
        VaePage page;
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        const VaeState before = page.document()->state();
        QSignalSpy finished(&page, &VaePage::loadFinished);
        page.loadFile(path);
        QVERIFY(page.isBusy());
        QVERIFY(!page.progressBar()->isHidden());
        QVERIFY(!page.cancelButton()->isHidden());
        QTest::mouseClick(page.cancelButton(), Qt::LeftButton);
        QCOMPARE(finished.count(), 1);
        QVERIFY(!finished.at(0).at(0).toBool());
        QVERIFY2(finished.at(0).at(1).toString().contains(QStringLiteral("cancelled")),
                 qPrintable(finished.at(0).at(1).toString()));
        QVERIFY(!page.isBusy());
        QVERIFY(page.progressBar()->isHidden());
        QVERIFY(page.cancelButton()->isHidden());
        QVERIFY(page.document()->state() == before);
        QCOMPARE(page.document()->undoStack()->count(), 0);
        // The cancelled job delivers nothing later; a new load goes through.
        const QList<QVariant> done = load(page, path);
        QVERIFY(!done.isEmpty());
        QVERIFY2(done.at(0).toBool(), qPrintable(done.at(1).toString()));
        QCOMPARE(finished.count(), 2);
        QCOMPARE(page.document()->state().mu, (std::vector<double>{0.5}));
    }
};

QTEST_MAIN(TestVaePage)
#include "tst_vaepage.moc"
