// klscope: the interactive window.
//   klscope [--page compare|fit|2d|vae|images|samples] [--preset NAME] [--lesson NAME [--step K]]
//           [--screenshot FILE.png] [FILE.klscope]
//   klscope --version
// --screenshot renders the whole window after its first paint, writes the PNG and exits (works with
// QT_QPA_PLATFORM=offscreen). FILE.klscope opens a saved session; without one, an autosave left by a
// crash is offered for restoring. --page shows that page; a fit page preset (--preset bimodal-fit) opens on
// the fit page. A screenshot of the fit page waits until its fits and landscapes are drawn. --lesson starts a
// guided lesson (at step K, counted from 1), after any session is opened; an unknown lesson exits with 2.

#include "atomicwriter.h"
#include "fitpage.h"
#include "lessoncontroller.h"
#include "mainwindow.h"
#include "normal2page.h"
#include "sessioncontroller.h"
#include "versions.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDeadlineTimer>
#include <QIcon>
#include <QImageWriter>
#include <QMessageBox>
#include <QPixmap>
#include <QTimer>

#include <cstdio>
#include <cstring>

int main(int argc, char *argv[])
{
    // --version answers without a display (no QApplication, which needs one).
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--version") == 0 || std::strcmp(argv[i], "-v") == 0) {
            std::printf("%s\n", qPrintable(klscope::versions::summary()));
            return 0;
        }
    }
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("klscope"));
    QApplication::setOrganizationName(QStringLiteral("klscope"));
    QApplication::setApplicationDisplayName(QStringLiteral("klscope"));
    QApplication::setApplicationVersion(QStringLiteral(KLSCOPE_VERSION));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/klscope.svg")));
    // Matches the installed org.klscope.klscope.desktop, so desktops show its name and icon.
    QGuiApplication::setDesktopFileName(QStringLiteral("org.klscope.klscope"));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Edit two distributions and watch every divergence and per-event term move live."));
    parser.addHelpOption();
    parser.addOption(
        QCommandLineOption({QStringLiteral("v"), QStringLiteral("version")},
                           QStringLiteral("Print the versions of klscope, Qt, QCustomPlot and Boost.")));
    const QCommandLineOption preset(
        QStringLiteral("preset"),
        QStringLiteral("Open the preset NAME (a fit page preset opens on the fit page)."),
        QStringLiteral("NAME"));
    const QCommandLineOption page(
        QStringLiteral("page"),
        QStringLiteral("Show the page PAGE: compare, fit, 2d, vae, samples or images."),
        QStringLiteral("PAGE"));
    const QCommandLineOption screenshot(QStringLiteral("screenshot"),
                                        QStringLiteral("Write the window as a PNG after its first paint, "
                                                       "then exit."),
                                        QStringLiteral("FILE.png"));
    const QCommandLineOption lesson(QStringLiteral("lesson"),
                                    QStringLiteral("Start the guided lesson NAME (the Lessons menu)."),
                                    QStringLiteral("NAME"));
    const QCommandLineOption step(QStringLiteral("step"),
                                  QStringLiteral("With --lesson: start at step K (from 1)."),
                                  QStringLiteral("K"));
    parser.addOptions({preset, page, screenshot, lesson, step});
    parser.addPositionalArgument(QStringLiteral("session"), QStringLiteral("A .klscope session to open."),
                                 QStringLiteral("[FILE.klscope]"));
    parser.process(app);

    MainWindow window;
    if (!window.startUp(parser.value(preset))) {
        std::fprintf(stderr, "klscope: there is no preset called '%s'\n", qPrintable(parser.value(preset)));
        return 2;
    }
    if (parser.isSet(page) && !window.showPage(parser.value(page))) {
        std::fprintf(stderr,
                     "klscope: there is no page called '%s' (compare, fit, 2d, vae, samples, images)\n",
                     qPrintable(parser.value(page)));
        return 2;
    }
    if (parser.isSet(step) && !parser.isSet(lesson)) {
        std::fprintf(stderr, "klscope: --step needs --lesson NAME\n");
        return 2;
    }
    if (parser.isSet(lesson)) {
        const QString error = window.lessons()->commandLineError(parser.value(lesson), parser.value(step));
        if (!error.isEmpty()) {
            std::fprintf(stderr, "klscope: %s\n", qPrintable(error));
            return 2;
        }
    }
    window.show();

    const QStringList files = parser.positionalArguments();
    if (!files.isEmpty()) {
        QString error;
        if (!window.sessions()->openSession(files.constFirst(), &error)) {
            std::fprintf(stderr, "klscope: %s\n", qPrintable(error));
            if (parser.isSet(screenshot))
                return 1;
            QMessageBox::warning(&window, QApplication::applicationDisplayName(), error);
        }
        // The session names the page it was saved on; --page wins.
        if (parser.isSet(page))
            window.showPage(parser.value(page));
    } else if (!parser.isSet(screenshot)) {
        window.sessions()->offerAutosaveRestore();
    }

    if (parser.isSet(lesson)) {
        const int first = parser.isSet(step) ? parser.value(step).toInt() - 1 : 0;
        if (!window.lessons()->start(parser.value(lesson), first)) {
            std::fprintf(stderr, "klscope: %s\n", qPrintable(window.lessons()->lastError()));
            if (parser.isSet(screenshot))
                return 1;
        }
    }

    if (parser.isSet(screenshot)) {
        const QString file = parser.value(screenshot);
        // Queued replots run before this timer fires, so the plots are drawn when the window is grabbed.
        QTimer::singleShot(0, &window, [&window, file] {
            QApplication::processEvents();
            // The fit page computes in the background; wait (at most 60 s) until everything is drawn.
            if (window.currentPage() == window.fitPage()) {
                QDeadlineTimer deadline(60'000);
                while ((window.fitPage()->isBusy() || !window.fitPage()->outcome()) && !deadline.hasExpired())
                    QApplication::processEvents(QEventLoop::WaitForMoreEvents, 50);
                QApplication::processEvents();
            }
            // The 2-D page's cubature (JS, TV) runs in the background too.
            if (window.currentPage() == window.normal2Page()) {
                QDeadlineTimer deadline(60'000);
                while (window.normal2Page()->isBusy() && !deadline.hasExpired())
                    QApplication::processEvents(QEventLoop::WaitForMoreEvents, 50);
                QApplication::processEvents();
            }
            const QImage image = window.grab().toImage();
            const QString error = writeFileAtomically(file, [&image](QIODevice *device) {
                QImageWriter writer(device, "png");
                return writer.write(image) ? QString() : writer.errorString();
            });
            if (!error.isEmpty()) {
                std::fprintf(stderr, "klscope: %s\n", qPrintable(error));
                QApplication::exit(1);
                return;
            }
            QApplication::exit(0);
        });
    }
    return app.exec();
}
