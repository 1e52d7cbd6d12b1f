// klscope: the interactive window.
//   klscope [--preset NAME] [--screenshot FILE.png] [FILE.klscope]
// --screenshot renders the whole window after its first paint, writes the PNG and exits (works with
// QT_QPA_PLATFORM=offscreen). FILE.klscope opens a saved session; without one, an autosave left by a
// crash is offered for restoring.

#include "atomicwriter.h"
#include "mainwindow.h"
#include "sessioncontroller.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QImageWriter>
#include <QMessageBox>
#include <QPixmap>
#include <QTimer>

#include <cstdio>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("klscope"));
    QApplication::setOrganizationName(QStringLiteral("klscope"));
    QApplication::setApplicationDisplayName(QStringLiteral("klscope"));
    QApplication::setApplicationVersion(QStringLiteral(KLSCOPE_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Edit two distributions and watch every divergence and per-event term move live."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption preset(QStringLiteral("preset"), QStringLiteral("Open the preset NAME."),
                                    QStringLiteral("NAME"));
    const QCommandLineOption screenshot(QStringLiteral("screenshot"),
                                        QStringLiteral("Write the window as a PNG after its first paint, "
                                                       "then exit."),
                                        QStringLiteral("FILE.png"));
    parser.addOptions({preset, screenshot});
    parser.addPositionalArgument(QStringLiteral("session"), QStringLiteral("A .klscope session to open."),
                                 QStringLiteral("[FILE.klscope]"));
    parser.process(app);

    MainWindow window;
    if (!window.startUp(parser.value(preset))) {
        std::fprintf(stderr, "klscope: there is no preset called '%s'\n", qPrintable(parser.value(preset)));
        return 2;
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
    } else if (!parser.isSet(screenshot)) {
        window.sessions()->offerAutosaveRestore();
    }

    if (parser.isSet(screenshot)) {
        const QString file = parser.value(screenshot);
        // Queued replots run before this timer fires, so the plots are drawn when the window is grabbed.
        QTimer::singleShot(0, &window, [&window, file] {
            QApplication::processEvents();
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
