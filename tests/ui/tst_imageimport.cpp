// An image file as P or Q on the Compare page (issue 13): its histogram of grey levels (or of one channel,
// in fewer bins) becomes the side's masses, the shares of the pixels counted here directly, in one
// undoable edit; an image against its own shuffled pixels gives KL = 0; a file dropped on an editor opens
// the image dialog (grey levels in 256 bins to start with); and a file that is not an image, a truncated
// one or a missing one is refused naming the file, with the document exactly as it was.

#include "distributioneditor.h"
#include "document.h"
#include "imageimportdialog.h"
#include "imagesdocument.h"
#include "importcontroller.h"
#include "mainwindow.h"

#include <custom.h>

#include <importtesthelpers.h>
#include <relativecompare.h>

#include <QComboBox>
#include <QImage>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QUndoStack>
#include <QtTest>

#include <array>

namespace imp = klscope::import;

namespace {

// A 40 x 30 picture with a few colours in unequal numbers, not symmetric.
QImage makePicture()
{
    QImage image(40, 30, QImage::Format_RGB32);
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x)
            image.setPixel(x, y, qRgb((x * 37 + y * 11) % 256, (x * y) % 256, 255 - (x * 5) % 256));
    return image;
}

// The shares of the pixels at each level of `channel`, counted here pixel by pixel.
std::array<double, 256> shares(const QImage &image, imp::ImageChannel channel)
{
    std::array<double, 256> counts{};
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x) {
            const QRgb c = image.pixel(x, y);
            const int level = channel == imp::ImageChannel::Red ? qRed(c)
                              : channel == imp::ImageChannel::Grey
                                  ? (qRed(c) * 11 + qGreen(c) * 16 + qBlue(c) * 5) / 32
                                  : -1;
            counts[std::size_t(level)] += 1;
        }
    for (double &c : counts)
        c /= double(image.width()) * image.height();
    return counts;
}

const klscope::Custom *customOf(const Document &d, Side side)
{
    return std::get_if<klscope::Custom>(&d.distribution(side));
}

} // namespace

class TestImageImport : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void greyLevelsIntoP();
    void channelInFewerBins();
    void shuffledImageGivesZero();
    void recognisesImageFiles();
    void badFileChangesNothing_data();
    void badFileChangesNothing();
    void droppedImageOpensTheImageDialog();

private:
    QTemporaryDir m_dir;
    QString m_png, m_bmp;
};

void TestImageImport::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("klscope-tests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_imageimport"));
    QSettings().clear();
    QVERIFY(m_dir.isValid());
    m_png = m_dir.filePath(QStringLiteral("picture.png"));
    m_bmp = m_dir.filePath(QStringLiteral("picture.bmp"));
    QVERIFY(makePicture().save(m_png));
    QVERIFY(makePicture().save(m_bmp));
}

void TestImageImport::greyLevelsIntoP()
{
    MainWindow w;
    QVERIFY(w.openPreset(QStringLiteral("seed")));
    Document *d = w.document();
    const DocumentState before = d->state();
    const int index = d->undoStack()->index();
    QString error;
    QVERIFY2(w.imports()->importImage(Side::P, m_png, imp::ImageChannel::Grey, 256, &error),
             qPrintable(error));
    const klscope::Custom *p = customOf(*d, Side::P);
    QVERIFY(p);
    // One event per level, unlabelled: level x is event x.
    QCOMPARE(p->masses().size(), std::size_t(256));
    QVERIFY(p->labels().empty());
    const std::array<double, 256> expected = shares(makePicture(), imp::ImageChannel::Grey);
    for (std::size_t level = 0; level < 256; ++level)
        QCOMPARE(p->masses()[level], expected[level]);
    QVERIFY(d->distribution(Side::Q) == std::get<DiscretePair>(before.pair).q);
    QCOMPARE(d->undoStack()->index(), index + 1);
    QVERIFY2(w.imports()->importNote().contains(QStringLiteral("P ← picture.png: grey levels, 1200 pixels")),
             qPrintable(w.imports()->importNote()));
    d->undoStack()->undo();
    QVERIFY(d->state() == before);
    d->undoStack()->redo();
    QVERIFY(customOf(*d, Side::P));
}

void TestImageImport::channelInFewerBins()
{
    MainWindow w;
    Document *d = w.document();
    QString error;
    QVERIFY2(w.imports()->importImage(Side::Q, m_bmp, imp::ImageChannel::Red, 16, &error), qPrintable(error));
    const klscope::Custom *q = customOf(*d, Side::Q);
    QVERIFY(q);
    QCOMPARE(q->masses().size(), std::size_t(16));
    QCOMPARE(QString::fromStdString(q->labels().front()), QStringLiteral("0..15"));
    const std::array<double, 256> levels = shares(makePicture(), imp::ImageChannel::Red);
    for (std::size_t bin = 0; bin < 16; ++bin) {
        double sum = 0;
        for (std::size_t level = 16 * bin; level < 16 * bin + 16; ++level)
            sum += levels[level];
        KLSCOPE_COMPARE_REL(q->masses()[bin], sum, 1e-14);
    }
}

void TestImageImport::shuffledImageGivesZero()
{
    // The same pixels in another order: another picture, the same histogram, KL exactly 0 both ways.
    const QString shuffled = m_dir.filePath(QStringLiteral("shuffled.png"));
    const QImage picture = makePicture();
    const QImage other = shufflePixels(picture, 7);
    QVERIFY(other != picture.convertToFormat(QImage::Format_ARGB32));
    QVERIFY(other.save(shuffled));
    MainWindow w;
    Document *d = w.document();
    QString error;
    QVERIFY2(w.imports()->importImage(Side::P, m_png, imp::ImageChannel::Grey, 256, &error),
             qPrintable(error));
    QVERIFY2(w.imports()->importImage(Side::Q, shuffled, imp::ImageChannel::Grey, 256, &error),
             qPrintable(error));
    QCOMPARE(d->comparison().totals.klPQ, 0.0);
    QCOMPARE(d->comparison().totals.klQP, 0.0);
}

void TestImageImport::recognisesImageFiles()
{
    QVERIFY(ImportController::isImageFile(m_png));
    QVERIFY(ImportController::isImageFile(m_bmp));
    // A PNG under another name is still an image, by its first bytes.
    const QString renamed = m_dir.filePath(QStringLiteral("picture.dat"));
    QVERIFY(klscope::test::writeBytes(renamed, klscope::test::readBytes(m_png)));
    QVERIFY(ImportController::isImageFile(renamed));
    const QString csv = m_dir.filePath(QStringLiteral("counts.csv"));
    QVERIFY(klscope::test::writeBytes(csv, "a,1\nb,2\n"));
    QVERIFY(!ImportController::isImageFile(csv));
}

void TestImageImport::badFileChangesNothing_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QByteArray>("content"); // empty: no file at all
    QTest::addColumn<unsigned>("bins");
    QTest::addColumn<QString>("why");
    const QByteArray png = klscope::test::readBytes(m_png);
    QTest::newRow("not an image") << "notes.png" << QByteArray("these are notes, not a picture\n") << 256u
                                  << "notes.png: not an image";
    QTest::newRow("truncated") << "half.png" << png.left(png.size() / 2) << 256u << "half.png";
    QTest::newRow("missing") << "gone.png" << QByteArray() << 256u << "gone.png";
    QTest::newRow("bins that do not divide 256") << "picture.png" << png << 3u << "bins=3";
}

void TestImageImport::badFileChangesNothing()
{
    QFETCH(QString, name);
    QFETCH(QByteArray, content);
    QFETCH(unsigned, bins);
    QFETCH(QString, why);
    QTemporaryDir dir;
    const QString path = dir.filePath(name);
    if (!content.isEmpty())
        QVERIFY(klscope::test::writeBytes(path, content));
    MainWindow w;
    QVERIFY(w.openPreset(QStringLiteral("seed")));
    Document *d = w.document();
    const DocumentState before = d->state();
    const int index = d->undoStack()->index();
    const bool modified = d->isModified();
    QString error;
    QVERIFY(!w.imports()->importImage(Side::P, path, imp::ImageChannel::Grey, bins, &error));
    QVERIFY2(error.contains(why), qPrintable(error));
    QVERIFY(d->state() == before);
    QCOMPARE(d->undoStack()->index(), index);
    QCOMPARE(d->isModified(), modified);
    QVERIFY(w.imports()->importNote().isEmpty());
    // The dialog says the same and will not accept.
    ImageImportDialog dialog(path, Side::P, [&](Side s, const imp::ImageSpec &spec) {
        return prepareImageImport(d->discretePair(), s, spec);
    });
    if (bins == 256) {
        QVERIFY2(dialog.previewText().contains(why), qPrintable(dialog.previewText()));
        QVERIFY(!dialog.okButton()->isEnabled());
    }
}

void TestImageImport::droppedImageOpensTheImageDialog()
{
    MainWindow w;
    DistributionEditor *q = w.editor(1);
    QVERIFY(q->acceptDrops());
    Side seen = Side::P;
    QString preview;
    imp::ImageSpec spec;
    const auto answer = klscope::test::answerNextDialog<ImageImportDialog>([&](ImageImportDialog *dialog) {
        seen = dialog->side();
        spec = dialog->spec();
        preview = dialog->previewText();
        dialog->setBins(64);
        dialog->accept();
    });
    QVERIFY(klscope::test::dropFile(q, m_png));
    QTRY_VERIFY(customOf(*w.document(), Side::Q));
    QCOMPARE(seen, Side::Q);
    // It starts on grey levels in 256 bins, and its preview names the picture and its size.
    QVERIFY(spec.channel == imp::ImageChannel::Grey);
    QCOMPARE(spec.bins, 256u);
    QVERIFY2(preview.contains(QStringLiteral("picture.png: 40 x 30 pixels")), qPrintable(preview));
    QCOMPARE(customOf(*w.document(), Side::Q)->masses().size(), std::size_t(64));
}

QTEST_MAIN(TestImageImport)
#include "tst_imageimport.moc"
