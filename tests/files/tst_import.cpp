// Loading distributions into the window: counts, logits and log-probabilities become the expected
// normalised masses in the document through one undoable edit; samples become histograms; sides are
// aligned by label; pasted text and dropped files go the same way; and every bad file leaves the
// document exactly as it was with a message that names the file and the line.

#include "distributioneditor.h"
#include "document.h"
#include "importcontroller.h"
#include "importdialog.h"
#include "mainwindow.h"
#include "sessioncontroller.h"

#include <custom.h>
#include <spec.h>

#include <importtesthelpers.h>
#include <relativecompare.h>

#include <QDialogButtonBox>
#include <QLabel>
#include <QPushButton>
#include <QRadioButton>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QUndoStack>
#include <QtTest>

namespace imp = klscope::import;

namespace {

ImportChoice valuesAre(imp::ValueKind kind)
{
    ImportChoice c;
    c.kind = kind;
    return c;
}

ImportChoice samplesWith(imp::BinRule rule, double width = 0)
{
    ImportChoice c;
    c.samples = true;
    c.binning.rule = rule;
    c.binning.width = width;
    return c;
}

const klscope::Custom *customOf(const Document &d, Side side)
{
    return std::get_if<klscope::Custom>(&d.distribution(side));
}

QStringList labelsOf(const klscope::Custom &c)
{
    QStringList out;
    for (const std::string &l : c.labels())
        out.append(QString::fromStdString(l));
    return out;
}

} // namespace

Q_DECLARE_METATYPE(ImportChoice)

class TestImport : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("klscope-tests"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_import"));
        QSettings().clear();
    }

    void importGivesNormalisedMasses_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<ImportChoice>("choice");
        QTest::addColumn<QList<double>>("masses");
        QTest::addColumn<QStringList>("labels");
        QTest::addColumn<QString>("note");
        // Counts 2, 6, 12 of 20.
        QTest::newRow("counts") << QByteArray("word,count\na,2\nb,6\nc,12\n")
                                << valuesAre(imp::ValueKind::Counts) << QList<double>{0.1, 0.3, 0.6}
                                << QStringList{"a", "b", "c"} << QStringLiteral("counts, N = 20");
        // Logits 0, ln 2, ln 5: softmax gives 1/8, 2/8, 5/8.
        QTest::newRow("logits") << QByteArray("x;0\ny;0.6931471805599453\nz;1.6094379124341003\n")
                                << valuesAre(imp::ValueKind::Logits) << QList<double>{0.125, 0.25, 0.625}
                                << QStringList{"x", "y", "z"} << QStringLiteral("logits");
        // Logits are shift-invariant: 1000 + the same gives the same masses (no overflow).
        QTest::newRow("large logits")
            << QByteArray("1000\n1000.6931471805599453\n1001.6094379124341003\n")
            << valuesAre(imp::ValueKind::Logits) << QList<double>{0.125, 0.25, 0.625} << QStringList{}
            << QStringLiteral("data.csv: logits");
        // ln 0.2, ln 0.3, ln 0.5.
        QTest::newRow("log-probabilities")
            << QByteArray("-1.6094379124341003\n-1.2039728043259361\n-0.6931471805599453\n")
            << valuesAre(imp::ValueKind::LogProbabilities) << QList<double>{0.2, 0.3, 0.5} << QStringList{}
            << QStringLiteral("logprobs");
        QTest::newRow("probabilities")
            << QByteArray("0.25\n0.75\n") << valuesAre(imp::ValueKind::Probabilities)
            << QList<double>{0.25, 0.75} << QStringList{} << QStringLiteral("probabilities");
        // Integer samples 1, 2, 2, 3, 3, 3: integer bins placed at their values (event 0 gets 0).
        QTest::newRow("integer samples")
            << QByteArray("3\n1\n2\n3\n2\n3\n") << samplesWith(imp::BinRule::Auto)
            << QList<double>{0, 1.0 / 6, 2.0 / 6, 3.0 / 6} << QStringList{} << QStringLiteral("6 samples");
        // Real samples, width 0.5: [0, 0.5) holds 2, [0.5, 1) 3, [1, 1.5) 1.
        QTest::newRow("real samples, width")
            << QByteArray("0.1\n0.2\n0.6\n0.7\n0.8\n1.2\n") << samplesWith(imp::BinRule::Width, 0.5)
            << QList<double>{2.0 / 6, 3.0 / 6, 1.0 / 6} << QStringList{"[0, 0.5)", "[0.5, 1)", "[1, 1.5)"}
            << QStringLiteral("6 samples");
    }
    void importGivesNormalisedMasses()
    {
        QFETCH(QByteArray, content);
        QFETCH(ImportChoice, choice);
        QFETCH(QList<double>, masses);
        QFETCH(QStringList, labels);
        QFETCH(QString, note);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("data.csv"));
        QVERIFY(klscope::test::writeBytes(path, content));

        MainWindow w;
        Document *d = w.document();
        const klscope::Distribution before = d->distribution(Side::P);
        const klscope::Distribution q = d->distribution(Side::Q);
        const int index = d->undoStack()->index();
        QString error;
        QVERIFY2(w.imports()->importDistribution(Side::P, path, choice, &error), qPrintable(error));
        const klscope::Custom *p = customOf(*d, Side::P);
        QVERIFY(p);
        QCOMPARE(qsizetype(p->masses().size()), masses.size());
        for (qsizetype i = 0; i < masses.size(); ++i)
            KLSCOPE_COMPARE_REL(p->masses()[std::size_t(i)], masses.at(i), 1e-12);
        QCOMPARE(labelsOf(*p), labels);
        QVERIFY(d->distribution(Side::Q) == q); // a family on the other side is left alone
        QCOMPARE(d->locks(Side::P).size(), masses.size());
        QVERIFY(d->isModified());
        QCOMPARE(d->undoStack()->index(), index + 1); // one edit
        QVERIFY2(w.imports()->importNote().contains(note), qPrintable(w.imports()->importNote()));
        QVERIFY(w.imports()->importNote().startsWith(QStringLiteral("P ← data.csv")));

        d->undoStack()->undo();
        QVERIFY(d->distribution(Side::P) == before);
        QCOMPARE(d->undoStack()->index(), index);
        QVERIFY(w.imports()->importNote().isEmpty());
        d->undoStack()->redo();
        QVERIFY(w.imports()->importNote().contains(note));
    }

    void sidesAreAlignedByLabel()
    {
        QTemporaryDir dir;
        const QString pPath = dir.filePath(QStringLiteral("p.csv"));
        const QString qPath = dir.filePath(QStringLiteral("q.tsv"));
        QVERIFY(klscope::test::writeBytes(pPath, "apple,1\nbanana,1\ncherry,2\n"));
        QVERIFY(klscope::test::writeBytes(qPath, "banana\t3\ncherry\t3\ndate\t2\n"));
        MainWindow w;
        Document *d = w.document();
        QString error;
        QVERIFY(w.imports()->importDistribution(Side::P, pPath, valuesAre(imp::ValueKind::Counts), &error));
        const int index = d->undoStack()->index();
        QVERIFY2(w.imports()->importDistribution(Side::Q, qPath, valuesAre(imp::ValueKind::Counts), &error),
                 qPrintable(error));
        QCOMPARE(d->undoStack()->index(), index + 1); // both sides change in one edit
        const klscope::Custom *p = customOf(*d, Side::P);
        const klscope::Custom *q = customOf(*d, Side::Q);
        QVERIFY(p && q);
        const QStringList all{"apple", "banana", "cherry", "date"};
        QCOMPARE(labelsOf(*p), all);
        QCOMPARE(labelsOf(*q), all);
        const QList<double> pm{0.25, 0.25, 0.5, 0};
        const QList<double> qm{0, 0.375, 0.375, 0.25};
        for (int i = 0; i < 4; ++i) {
            KLSCOPE_COMPARE_REL(p->masses()[std::size_t(i)], pm.at(i), 1e-15);
            KLSCOPE_COMPARE_REL(q->masses()[std::size_t(i)], qm.at(i), 1e-15);
        }
        // 'apple' is missing from Q, so KL(P||Q) is infinite there, and the explanation names it.
        QCOMPARE(d->comparison().infinitePQ, std::vector<std::int64_t>{0});
        QCOMPARE(d->comparison().infiniteQP, std::vector<std::int64_t>{3});
        QVERIFY(std::isinf(d->comparison().totals.klPQ));
        auto *explanation = w.findChild<QLabel *>(QStringLiteral("infinityExplanation"));
        QVERIFY(explanation);
        QVERIFY2(explanation->text().contains(QStringLiteral("at 'apple' (x = 0) where P = 0.25")),
                 qPrintable(explanation->text()));
        // Both notes stay in the status bar: P's follows its aligned value.
        QVERIFY(w.imports()->importNote().contains(QStringLiteral("P ← p.csv")));
        QVERIFY(w.imports()->importNote().contains(QStringLiteral("Q ← q.tsv")));
        // One undo restores Q and P as they were before the second import.
        d->undoStack()->undo();
        QCOMPARE(labelsOf(*customOf(*d, Side::P)), (QStringList{"apple", "banana", "cherry"}));
        QVERIFY(!customOf(*d, Side::Q));
    }

    void badFilesLeaveTheDocumentAsItWas_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<ImportChoice>("choice");
        QTest::addColumn<QString>("expected");
        const ImportChoice probabilities = valuesAre(imp::ValueKind::Probabilities);
        QTest::newRow("empty") << "empty.csv" << QByteArray() << probabilities << "empty.csv";
        QTest::newRow("only a header")
            << "header.csv" << QByteArray("word,count\n") << probabilities << "header.csv";
        QTest::newRow("text for a number")
            << "text.csv" << QByteArray("a,0.5\nb,abc\n") << probabilities << "text.csv, line 2";
        QTest::newRow("negative") << "negative.csv" << QByteArray("0.5\n0.2\n-0.1\n") << probabilities
                                  << "negative.csv, line 3";
        QTest::newRow("negative count") << "counts.csv" << QByteArray("a,3\nb,-1\n")
                                        << valuesAre(imp::ValueKind::Counts) << "counts.csv, line 2";
        QTest::newRow("NaN") << "nan.csv" << QByteArray("0.5\nnan\n") << probabilities << "nan.csv, line 2";
        QTest::newRow("ragged row") << "ragged.csv" << QByteArray("a,1\nb,2,3\nc,4\n") << probabilities
                                    << "ragged.csv, line 2";
        QTest::newRow("binary") << "binary.csv" << QByteArray("0.5\n\x00\x01\x02\x03", 8) << probabilities
                                << "binary.csv, line 2";
        QTest::newRow("invalid UTF-8")
            << "latin1.csv" << QByteArray("caf\xe9,1\nthe,2\n") << probabilities << "latin1.csv, line 1";
        QTest::newRow("log-probability above 0")
            << "logp.csv" << QByteArray("-0.5\n0.1\n") << valuesAre(imp::ValueKind::LogProbabilities)
            << "logp.csv, line 2";
        QTest::newRow("repeated label")
            << "twice.csv" << QByteArray("a,1\nb,1\na,2\n") << probabilities << "twice.csv, line 3";
        QTest::newRow("integer bins for real samples")
            << "real.csv" << QByteArray("0.5\n1.25\n") << samplesWith(imp::BinRule::Integer) << "real.csv";
        QTest::newRow("all zero") << "zeros.csv" << QByteArray("0\n0\n") << probabilities << "zeros.csv";
    }
    void badFilesLeaveTheDocumentAsItWas()
    {
        QFETCH(QString, name);
        QFETCH(QByteArray, content);
        QFETCH(ImportChoice, choice);
        QFETCH(QString, expected);
        QTemporaryDir dir;
        const QString path = dir.filePath(name);
        QVERIFY(klscope::test::writeBytes(path, content));
        MainWindow w;
        Document *d = w.document();
        // Unsaved work to keep: P is a custom list with a lock.
        QVERIFY(d->setDistribution(Side::P, klscope::Custom({0.5, 0.5})));
        QVERIFY(d->setLocked(Side::P, 1, true));
        const DocumentState before = d->state();
        const double kl = d->comparison().totals.klPQ;
        const int index = d->undoStack()->index();
        const int count = d->undoStack()->count();
        QString error;
        QVERIFY(!w.imports()->importDistribution(Side::P, path, choice, &error));
        QVERIFY2(error.startsWith(expected), qPrintable(error));
        QVERIFY(d->state().sameComparisonInputs(before));
        QCOMPARE(d->state().discrete()->lockedP, before.discrete()->lockedP);
        QCOMPARE(d->comparison().totals.klPQ, kl);
        QCOMPARE(d->undoStack()->index(), index);
        QCOMPARE(d->undoStack()->count(), count);
        QVERIFY(d->isModified());
        // The same text pasted is refused the same way, naming the clipboard.
        if (!content.isEmpty() && expected.contains(QStringLiteral("line"))) {
            const QString pasted = QString::fromUtf8(content);
            if (pasted.toUtf8() == content) { // only texts that survive the trip through QString
                QString pasteError;
                QVERIFY(!w.imports()->pasteDistribution(Side::P, pasted, choice, &pasteError));
                QVERIFY2(pasteError.startsWith(QStringLiteral("clipboard, line")), qPrintable(pasteError));
                QVERIFY(d->state().sameComparisonInputs(before));
                QCOMPARE(d->undoStack()->index(), index);
            }
        }
    }

    void missingFileIsNamed()
    {
        MainWindow w;
        QString error;
        QVERIFY(!w.imports()->importDistribution(Side::Q, QStringLiteral("/nonexistent/nothing.csv"),
                                                 valuesAre(imp::ValueKind::Counts), &error));
        QVERIFY2(error.contains(QStringLiteral("nothing.csv")), qPrintable(error));
        QCOMPARE(w.document()->undoStack()->count(), 0);
    }

    void pasteFromASpreadsheet()
    {
        MainWindow w;
        Document *d = w.document();
        QString error;
        // A column copied from a spreadsheet: values and a trailing line end.
        QVERIFY2(w.imports()->pasteDistribution(Side::Q, QStringLiteral("3\r\n5\r\n2\r\n"),
                                                valuesAre(imp::ValueKind::Counts), &error),
                 qPrintable(error));
        const klscope::Custom *q = customOf(*d, Side::Q);
        QVERIFY(q);
        QCOMPARE(q->masses().size(), std::size_t(3));
        KLSCOPE_COMPARE_REL(q->masses()[0], 0.3, 1e-15);
        KLSCOPE_COMPARE_REL(q->masses()[1], 0.5, 1e-15);
        KLSCOPE_COMPARE_REL(q->masses()[2], 0.2, 1e-15);
        QVERIFY(w.imports()->importNote().contains(QStringLiteral("Q ← clipboard: counts, N = 10")));
        QVERIFY(
            w.imports()->importNote(true).contains(QStringLiteral("Q ← clipboard: 3 events read as counts, "
                                                                  "sample size 10")));
    }

    void importDialogAsksAndPreviews()
    {
        const auto table = imp::parseDelimitedText("a,2\nb,6\nc,12\n", "counts.csv");
        QVERIFY(table.ok());
        const DocumentState state;
        ImportDialog dialog(
            QStringLiteral("counts.csv"), QStringLiteral("3 rows"), Side::Q, true, 1.0, false,
            [&](Side s, const ImportChoice &c) { return prepareImport(*state.discrete(), s, *table, c); });
        auto *buttons = dialog.findChild<QDialogButtonBox *>();
        QVERIFY(buttons);
        QPushButton *ok = buttons->button(QDialogButtonBox::Ok);
        // Nothing is assumed: no kind is chosen and OK is disabled.
        QVERIFY(!dialog.hasChoice());
        QVERIFY(!ok->isEnabled());
        QCOMPARE(dialog.side(), Side::Q);
        dialog.setChoice(valuesAre(imp::ValueKind::Counts));
        QVERIFY(ok->isEnabled());
        QVERIFY2(dialog.previewText().contains(QStringLiteral("sample size 20")),
                 qPrintable(dialog.previewText()));
        QVERIFY(dialog.previewText().contains(QStringLiteral("3 events")));
        dialog.setChoice(samplesWith(imp::BinRule::Integer));
        QVERIFY2(dialog.previewText().contains(QStringLiteral("3 samples")),
                 qPrintable(dialog.previewText()));
        dialog.setChoice(valuesAre(imp::ValueKind::LogProbabilities));
        QVERIFY2(dialog.previewText().contains(QStringLiteral("counts.csv, line 1")),
                 qPrintable(dialog.previewText()));
        QVERIFY(!ok->isEnabled());
        // A click on a kind updates the preview.
        auto *logits = dialog.findChild<QRadioButton *>(QStringLiteral("kind2"));
        QVERIFY(logits);
        QTest::mouseClick(logits, Qt::LeftButton);
        QVERIFY(ok->isEnabled());
        QVERIFY(dialog.choice().kind == imp::ValueKind::Logits && !dialog.choice().samples);
    }

    void droppingAFileOnAnEditorOpensTheDialogForThatSide()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("dropped.csv"));
        QVERIFY(klscope::test::writeBytes(path, "1\n3\n"));
        MainWindow w;
        DistributionEditor *q = w.editor(1);
        QVERIFY(q->acceptDrops());
        Side seen = Side::P;
        const auto answer = klscope::test::answerNextDialog<ImportDialog>([&](ImportDialog *dialog) {
            seen = dialog->side();
            dialog->setChoice(valuesAre(imp::ValueKind::Counts));
            dialog->accept();
        });
        // A drop goes to the widget that accepted the drag's entry.
        QVERIFY(klscope::test::dropFile(q, path));
        QTRY_VERIFY(customOf(*w.document(), Side::Q));
        QCOMPARE(seen, Side::Q);
        KLSCOPE_COMPARE_REL(customOf(*w.document(), Side::Q)->masses()[1], 0.75, 1e-15);
    }
};

QTEST_MAIN(TestImport)
#include "tst_import.moc"
