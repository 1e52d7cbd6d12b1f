// The export dialog remembers its last choices in QSettings and refuses a file whose extension names
// no format; the window's export actions sit in the File and Edit menus, and Copy Figure puts an image
// of the three plots on the clipboard.

#include "distributionplot.h"
#include "exportactions.h"
#include "exportdialog.h"
#include "mainwindow.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QDoubleSpinBox>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QSettings>
#include <QSpinBox>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

class TestExportDialog : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void remembersChoices_data();
    void remembersChoices();
    void unknownExtensionStaysOpen();
    void printOptions_data();
    void printOptions();
    void menus();
    void copyFigure();
    void imageTooLargeIsRefused_data();
    void imageTooLargeIsRefused();
    void copyFigureTooLargeIsRefused();
    void exportFigureFromMenu();
    void rememberedValuesOutOfRangeAreRefused_data();
    void rememberedValuesOutOfRangeAreRefused();
};

void TestExportDialog::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("klscope-test-export"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_exportdialog"));
}

void TestExportDialog::init()
{
    QSettings().clear();
}

void TestExportDialog::remembersChoices_data()
{
    QTest::addColumn<int>("plot");
    QTest::addColumn<QString>("file");
    QTest::addColumn<QSize>("size");
    QTest::addColumn<double>("scale");
    QTest::newRow("contributions pdf")
        << int(FigureExport::Plot::Contributions) << "/tmp/k/fig.pdf" << QSize(1024, 640) << 1.0;
    QTest::newRow("cumulative png at 3")
        << int(FigureExport::Plot::Cumulative) << "/tmp/k/c.png" << QSize(333, 222) << 3.0;
    QTest::newRow("distributions svg")
        << int(FigureExport::Plot::Distributions) << "/tmp/k/d.svg" << QSize(800, 450) << 1.5;
}

void TestExportDialog::remembersChoices()
{
    QFETCH(int, plot);
    QFETCH(QString, file);
    QFETCH(QSize, size);
    QFETCH(double, scale);
    {
        ExportDialog first;
        // The defaults before anything is remembered: all plots, 1200 x 800 at 2, a PNG.
        QCOMPARE(first.plot(), FigureExport::Plot::All);
        QCOMPARE(first.figureSize(), QSize(1200, 800));
        QCOMPARE(first.scale(), 2.0);
        QVERIFY(first.fileName().endsWith(QStringLiteral(".png")));
        first.setPlot(FigureExport::Plot(plot));
        first.setFigureSize(size);
        first.setScale(scale);
        auto *edit = first.findChild<QLineEdit *>(QStringLiteral("fileEdit"));
        QVERIFY(edit);
        edit->clear();
        QTest::keyClicks(edit, file);
        first.accept();
        QCOMPARE(first.result(), int(QDialog::Accepted));
    }
    ExportDialog second;
    QCOMPARE(int(second.plot()), plot);
    QCOMPARE(second.fileName(), file);
    QCOMPARE(second.figureSize(), size);
    QCOMPARE(second.scale(), scale);
}

void TestExportDialog::printOptions_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("summary");
    QTest::newRow("png") << "/tmp/k/paper.png"
                         << "1004 × 709 pixels";
    QTest::newRow("pdf") << "/tmp/k/paper.pdf"
                         << "85 × 60 mm";
}

void TestExportDialog::printOptions()
{
    QFETCH(QString, file);
    QFETCH(QString, summary);
    {
        ExportDialog first;
        QVERIFY(!first.physicalSize()); // off by default: logical pixels as before
        first.setFileName(file);
        first.setPhysicalSize(FigureExport::PhysicalSize{QSizeF(85, 60), 300});
        first.setDecorations(FigureExport::Decorations{8, QStringLiteral("Seed"), {}}, true);
        bool shown = false;
        for (QLabel *label : first.findChildren<QLabel *>())
            shown = shown || label->text().contains(summary);
        QVERIFY2(shown, qPrintable(summary));
        first.accept();
        QCOMPARE(first.result(), int(QDialog::Accepted));
    }
    ExportDialog second;
    const auto physical = second.physicalSize();
    QVERIFY(physical);
    QCOMPARE(physical->millimetres, QSizeF(85, 60));
    QCOMPARE(physical->dpi, 300.0);
    QCOMPARE(second.decorations().fontPoints, 8.0);
    QCOMPARE(second.decorations().title, QStringLiteral("Seed"));
    QVERIFY(second.wantsCaption());
    QCOMPARE(FigureExport::pixelSize(*physical), QSize(1004, 709));
}

void TestExportDialog::unknownExtensionStaysOpen()
{
    ExportDialog dialog;
    dialog.show();
    dialog.setFileName(QStringLiteral("/tmp/k/figure.gif"));
    dialog.setFigureSize(QSize(640, 480));
    dialog.accept();
    QVERIFY(dialog.isVisible());
    QVERIFY(dialog.errorText().contains(QStringLiteral(".gif")));
    // Nothing was remembered from the refused choices.
    ExportDialog again;
    QCOMPARE(again.figureSize(), QSize(1200, 800));
    dialog.setFileName(QStringLiteral("/tmp/k/figure.svg"));
    dialog.accept();
    QVERIFY(!dialog.isVisible());
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QVERIFY(dialog.errorText().isEmpty());
}

void TestExportDialog::menus()
{
    MainWindow window;
    ExportActions *actions = window.exportActions();
    QVERIFY(actions);
    QMenu *file = nullptr;
    QMenu *edit = nullptr;
    for (QAction *a : window.menuBar()->actions()) {
        if (a->text() == QLatin1String("&File"))
            file = a->menu();
        if (a->text() == QLatin1String("&Edit"))
            edit = a->menu();
    }
    QVERIFY(file && edit);
    for (QAction *a :
         {actions->exportFigureAction(), actions->exportTableAction(), actions->exportMetricsAction()}) {
        QVERIFY(file->actions().contains(a));
        QVERIFY(!a->shortcut().isEmpty());
        QVERIFY(!a->statusTip().isEmpty());
    }
    QVERIFY(edit->actions().contains(actions->copyFigureAction()));
}

void TestExportDialog::copyFigure()
{
    MainWindow window;
    window.resize(1100, 700);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QApplication::clipboard()->clear();
    window.exportActions()->copyFigureAction()->trigger();
    const QImage image = QApplication::clipboard()->image();
    QVERIFY(!image.isNull());
    // The size of the figure panel (the plots' parent) on screen, times the pixel ratio.
    const QWidget *panel = window.distributionPlot()->parentWidget();
    const double ratio = panel->devicePixelRatioF();
    QCOMPARE(image.width(), qRound(panel->width() * ratio));
    QCOMPARE(image.height(), qRound(panel->height() * ratio));
}

// Issue 8: the dialog refuses a PNG or JPG Qt cannot draw before anything is drawn; vector formats
// ignore the scale and pass.
void TestExportDialog::imageTooLargeIsRefused_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<bool>("accepted");
    QTest::newRow("png") << "/tmp/k/huge.png" << false;
    QTest::newRow("jpg") << "/tmp/k/huge.jpg" << false;
    QTest::newRow("svg") << "/tmp/k/huge.svg" << true;
    QTest::newRow("pdf") << "/tmp/k/huge.pdf" << true;
}

void TestExportDialog::imageTooLargeIsRefused()
{
    QFETCH(QString, file);
    QFETCH(bool, accepted);
    ExportDialog dialog;
    dialog.setFileName(file);
    dialog.setFigureSize(QSize(20000, 20000));
    dialog.setScale(2.4);
    dialog.show();
    dialog.accept();
    QCOMPARE(dialog.result() == QDialog::Accepted, accepted);
    if (!accepted) {
        QVERIFY(dialog.isVisible());
        QVERIFY2(dialog.errorText().startsWith(
                     QStringLiteral("An image of 48000 × 48000 pixels is too large: the limit is 32767")),
                 qPrintable(dialog.errorText()));
    } else {
        QCOMPARE(dialog.errorText(), QString());
    }
}

void TestExportDialog::copyFigureTooLargeIsRefused()
{
    MainWindow window; // never shown: no backing store of that size is made
    QWidget *panel = window.distributionPlot()->parentWidget();
    panel->resize(40000, 10000);
    QCOMPARE(panel->size(), QSize(40000, 10000));
    QApplication::clipboard()->clear();
    window.exportActions()->copyFigureAction()->trigger();
    QVERIFY(QApplication::clipboard()->image().isNull());
    const QString message = window.statusBar()->currentMessage();
    QVERIFY2(message.startsWith(
                 QStringLiteral("Cannot copy the figure: an image of 40000 × 10000 pixels is too large")),
             qPrintable(message));
}

void TestExportDialog::exportFigureFromMenu()
{
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("menu.svg"));
    bool answered = false;
    // The dialog is modal: answer it from the event loop it runs.
    QTimer::singleShot(0, this, [&] {
        auto *dialog = qobject_cast<ExportDialog *>(QApplication::activeModalWidget());
        if (!dialog)
            return;
        dialog->setFileName(path);
        dialog->setPlot(FigureExport::Plot::Cumulative);
        dialog->setFigureSize(QSize(700, 400));
        answered = true;
        dialog->accept();
    });
    window.exportActions()->exportFigureAction()->trigger();
    QVERIFY(answered);
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray svg = file.readAll();
    QVERIFY(svg.contains("viewBox=\"0 0 700 400\""));
    QVERIFY(svg.contains("running sum"));
    QVERIFY(window.statusBar()->currentMessage().contains(QStringLiteral("menu.svg")));
}

void TestExportDialog::rememberedValuesOutOfRangeAreRefused_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<QVariant>("stored");
    QTest::addColumn<QString>("spin");
    QTest::addColumn<double>("shown");
    QTest::addColumn<bool>("refused");
    QTest::newRow("width too big") << "width" << QVariant(99999) << "widthSpin" << 1200.0 << true;
    QTest::newRow("width too small") << "width" << QVariant(3) << "widthSpin" << 1200.0 << true;
    QTest::newRow("width in range") << "width" << QVariant(640) << "widthSpin" << 640.0 << false;
    QTest::newRow("height not a number")
        << "height" << QVariant(QStringLiteral("tall")) << "heightSpin" << 800.0 << true;
    QTest::newRow("scale 20") << "scale" << QVariant(20.0) << "scaleSpin" << 2.0 << true;
    QTest::newRow("scale 0") << "scale" << QVariant(0.0) << "scaleSpin" << 2.0 << true;
    QTest::newRow("mm 2000") << "widthMm" << QVariant(2000.0) << "widthMmSpin" << 85.0 << true;
    QTest::newRow("mm 1") << "heightMm" << QVariant(1.0) << "heightMmSpin" << 60.0 << true;
    QTest::newRow("mm 120") << "heightMm" << QVariant(120.0) << "heightMmSpin" << 120.0 << false;
    QTest::newRow("dpi 10000") << "dpi" << QVariant(10000) << "dpiSpin" << 300.0 << true;
    QTest::newRow("dpi 600") << "dpi" << QVariant(600) << "dpiSpin" << 600.0 << false;
    QTest::newRow("pt 100") << "fontPt" << QVariant(100.0) << "fontPtSpin" << 8.0 << true;
    QTest::newRow("pt inf") << "fontPt" << QVariant(qInf()) << "fontPtSpin" << 8.0 << true;
}

void TestExportDialog::rememberedValuesOutOfRangeAreRefused()
{
    // A value from QSettings that its spin box cannot hold keeps the default and says so; it is never
    // silently clamped to the nearest end of the range.
    QFETCH(QString, key);
    QFETCH(QVariant, stored);
    QFETCH(QString, spin);
    QFETCH(double, shown);
    QFETCH(bool, refused);
    {
        QSettings settings;
        settings.setValue(QStringLiteral("export/") + key, stored);
    }
    ExportDialog dialog;
    double value = 0;
    if (auto *box = dialog.findChild<QSpinBox *>(spin))
        value = box->value();
    else if (auto *box = dialog.findChild<QDoubleSpinBox *>(spin))
        value = box->value();
    else
        QFAIL("no such spin box");
    QCOMPARE(value, shown);
    auto *note = dialog.findChild<QLabel *>(QStringLiteral("settingsNote"));
    QVERIFY(note);
    QCOMPARE(note->isVisibleTo(&dialog), refused);
    if (refused)
        QVERIFY2(note->text().contains(stored.toString()), qPrintable(note->text()));
}

QTEST_MAIN(TestExportDialog)
#include "tst_exportdialog.moc"
