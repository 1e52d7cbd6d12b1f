// The Images page on its real ImagesDocument: the built-in example drawn and compared, two images loaded
// through the page's API (one undo step each), a refused file leaving everything as it was, Shuffle pixels
// giving exactly 0 for every divergence in the metrics panel while the pictures differ, the channel and bins
// controls as undo steps, and the page shown by the main window as "images" at 1280 x 800.

#include "imagesdocument.h"
#include "imagespage.h"
#include "mainwindow.h"
#include "metricspanel.h"
#include "numberspinbox.h"
#include "seriesplot.h"

#include <QComboBox>
#include <QLabel>
#include <QPushButton>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

#include <cmath>

class TestImagesPage : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void example();
    void loadTwoImages();
    void refusedFile();
    void shuffleGivesZero();
    void channelAndBins();
    void inTheWindow();

private:
    QTemporaryDir m_dir;
    QString m_a, m_b;
};

namespace {

QImage noise(int width, int height, quint32 seed)
{
    QImage image(width, height, QImage::Format_RGB32);
    QRandomGenerator random(seed);
    for (int y = 0; y < height; ++y)
        for (int x = 0; x < width; ++x)
            image.setPixel(x, y, 0xff000000u | random.bounded(0x1000000u));
    return image;
}

QString valueText(const ImagesPage &page, const char *name)
{
    const auto *label =
        page.metricsPanel()->findChild<QLabel *>(QStringLiteral("images_") + QString::fromLatin1(name));
    return label ? label->text() : QStringLiteral("(no label %1)").arg(QString::fromLatin1(name));
}

const char *const kDivergences[] = {"klPQValue",       "klQPValue",           "jsValue",
                                    "jsDistanceValue", "totalVariationValue", "hellingerValue"};

} // namespace

void TestImagesPage::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_a = m_dir.filePath(QStringLiteral("a.png"));
    m_b = m_dir.filePath(QStringLiteral("b.png"));
    QVERIFY(noise(40, 30, 1).save(m_a));
    QVERIFY(noise(25, 25, 2).save(m_b));
}

void TestImagesPage::example()
{
    ImagesPage page;
    page.resize(1280, 760);
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    const ImagesDocument &doc = *page.document();
    QCOMPARE(doc.image(0).size(), QSize(128, 128));
    QCOMPARE(doc.image(1).size(), QSize(128, 128));
    QCOMPARE(doc.name(0), QStringLiteral("shapes.png"));
    QVERIFY(!doc.undoStack()->canUndo());
    QVERIFY(!doc.isModified());
    QCOMPARE(page.histogramPlot(0)->seriesCount(), 1);
    QVERIFY(!page.imageLabel(0)->pixmap().isNull());
    QVERIFY(page.nameLabel(1)->text().contains(QLatin1String("gradient.png")));
    // The example's pair is not the same histogram: KL(P||Q) is positive.
    QVERIFY(doc.summary().klPQ.value > 0);
    QCOMPARE(valueText(page, "klPQValue"), MetricsPanel::formatValue(doc.summary().klPQ.value));
    QVERIFY(page.lessonLabel()->text().contains(QLatin1String("ignores where the pixels are")));
}

void TestImagesPage::loadTwoImages()
{
    ImagesPage page;
    ImagesDocument *doc = page.document();
    QSignalSpy changed(doc, &ImagesDocument::stateChanged);
    QString error;
    QVERIFY2(page.loadImageFile(0, m_a, &error), qPrintable(error));
    QVERIFY2(page.loadImageFile(1, m_b, &error), qPrintable(error));
    QCOMPARE(changed.count(), 2);
    QCOMPARE(doc->undoStack()->count(), 2);
    QCOMPARE(doc->image(0).size(), QSize(40, 30));
    QCOMPARE(doc->name(1), QStringLiteral("b.png"));
    QCOMPARE(doc->histogram(0).pixels, std::uint64_t(40 * 30));
    QVERIFY(page.nameLabel(0)->text().contains(QLatin1String("a.png")));
    QVERIFY(page.nameLabel(0)->text().contains(QStringLiteral("40 × 30")));
    const double kl = doc->summary().klPQ.value;
    QVERIFY(kl > 0);
    // Undo takes B back to the example's gradient, redo brings it again.
    doc->undoStack()->undo();
    QCOMPARE(doc->name(1), QStringLiteral("gradient.png"));
    QVERIFY(page.nameLabel(1)->text().contains(QLatin1String("gradient.png")));
    doc->undoStack()->redo();
    QCOMPARE(doc->name(1), QStringLiteral("b.png"));
    QCOMPARE(doc->summary().klPQ.value, kl);
}

void TestImagesPage::refusedFile()
{
    ImagesPage page;
    const QString text = m_dir.filePath(QStringLiteral("notes.png"));
    {
        QFile f(text);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("not an image\n");
    }
    const ImagesState before = page.document()->state();
    QSignalSpy status(&page, &Page::statusMessage);
    QString error;
    QVERIFY(!page.loadImageFile(1, text, &error));
    QVERIFY2(error.startsWith(QLatin1String("notes.png: ")), qPrintable(error));
    QCOMPARE(page.errorLabel()->text(), error);
    QVERIFY(!page.errorLabel()->isHidden());
    QCOMPARE(status.count(), 1);
    QVERIFY(page.document()->state() == before);
    QVERIFY(!page.document()->undoStack()->canUndo());
    // A good file afterwards clears the message.
    QVERIFY(page.loadImageFile(1, m_b));
    QVERIFY(page.errorLabel()->isHidden());
}

void TestImagesPage::shuffleGivesZero()
{
    ImagesPage page;
    page.resize(1280, 760);
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    ImagesDocument *doc = page.document();
    QVERIFY(page.loadImageFile(0, m_a));
    page.seedBox()->setValue(1234);
    QTest::mouseClick(page.shuffleButton(), Qt::LeftButton);
    QCOMPARE(doc->undoStack()->count(), 2);
    QCOMPARE(doc->name(1), QStringLiteral("a.png shuffled (seed 1234)"));
    QCOMPARE(doc->image(1).size(), doc->image(0).size());
    QVERIFY(doc->image(1) != doc->image(0).convertToFormat(QImage::Format_ARGB32));
    // Identical histograms, so every divergence is exactly 0, in the document and on the panel.
    for (int bin = 0; bin < 256; ++bin)
        QCOMPARE(doc->histogram(1).counts[bin], doc->histogram(0).counts[bin]);
    const klscope::Summary &s = doc->summary();
    for (const double v : {s.klPQ.value, s.klQP.value, s.js.value, s.jsDistance.value, s.totalVariation.value,
                           s.hellinger.value})
        QCOMPARE(v, 0.0);
    for (const char *name : kDivergences)
        QVERIFY2(valueText(page, name) == QLatin1String("0"),
                 qPrintable(QString::fromLatin1(name) + " shows " + valueText(page, name)));
    QVERIFY(page.lessonLabel()->text().contains(QLatin1String("yet A and B are different pictures")));
    // The seed decides the picture: the same seed, the same B; undo gives the example's B back.
    const QImage first = doc->image(1);
    doc->undoStack()->undo();
    QVERIFY(!page.lessonLabel()->text().contains(QLatin1String("yet A and B")));
    QTest::mouseClick(page.shuffleButton(), Qt::LeftButton);
    QCOMPARE(doc->image(1), first);
    page.seedBox()->setValue(99);
    QTest::mouseClick(page.shuffleButton(), Qt::LeftButton);
    QVERIFY(doc->image(1) != first);
    QCOMPARE(doc->summary().klPQ.value, 0.0);
}

void TestImagesPage::channelAndBins()
{
    ImagesPage page;
    ImagesDocument *doc = page.document();
    QVERIFY(page.loadImageFile(0, m_a));
    QVERIFY(page.loadImageFile(1, m_b));
    page.channelCombo()->setCurrentIndex(1);
    QCOMPARE(doc->state().channel, klscope::import::ImageChannel::Red);
    page.binsCombo()->setCurrentIndex(page.binsCombo()->findData(16u));
    QCOMPARE(doc->state().bins, 16u);
    QCOMPARE(doc->histogram(0).counts.size(), std::size_t(16));
    QCOMPARE(doc->undoStack()->count(), 4);
    // Random colours over 1200 and 625 pixels cover every one of 16 red bins: KL is finite both ways.
    QVERIFY(std::isfinite(doc->summary().klPQ.value));
    QVERIFY(std::isfinite(doc->summary().klQP.value));
    doc->undoStack()->undo();
    QCOMPARE(page.binsCombo()->currentData().toUInt(), 256u);
    QCOMPARE(doc->histogram(0).counts.size(), std::size_t(256));
    doc->undoStack()->undo();
    QCOMPARE(page.channelCombo()->currentIndex(), 0);
}

void TestImagesPage::inTheWindow()
{
    MainWindow window;
    window.resize(1280, 800);
    QVERIFY(window.showPage(QStringLiteral("images")));
    QCOMPARE(window.currentPageName(), QStringLiteral("images"));
    QVERIFY(window.currentPage() == window.imagesPage());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    // Edit → Undo follows the page: a load on the Images page is undone from the window's action.
    QVERIFY(window.imagesPage()->loadImageFile(0, m_a));
    auto *undo = window.findChild<QAction *>(QStringLiteral("undoAction"));
    QVERIFY(undo && undo->isEnabled());
    undo->trigger();
    QCOMPARE(window.imagesPage()->document()->name(0), QStringLiteral("shapes.png"));
    // A search from the window by a metric's object name finds the comparison page's panel, not this one.
    auto *klLabel = window.findChild<QLabel *>(QStringLiteral("klPQValue"));
    QVERIFY(klLabel && !window.imagesPage()->isAncestorOf(klLabel));
    // Everything fits: the pictures have room and the panel's divergences are visible.
    ImagesPage *page = window.imagesPage();
    QVERIFY(page->imageLabel(0)->width() >= 160);
    // No clamping QSpinBox on the page (the window's rule): the seed takes every quint32.
    QVERIFY(page->findChildren<QSpinBox *>().isEmpty());
    QCOMPARE(page->seedBox()->maximum(), 4294967295.0);
    QVERIFY(page->histogramPlot(1)->height() >= 120);
    QVERIFY(page->shuffleButton()->isVisible());
}

QTEST_MAIN(TestImagesPage)
#include "tst_imagespage.moc"
