// The boundary between the window and the core (corecall.h): whatever a core call throws — the core's
// own std::invalid_argument, Boost.Math's overflow_error, domain_error or evaluation_error, bad_alloc —
// becomes a sentence, never std::terminate. Then the Document on real inputs that made Boost.Math throw
// (issue 8: Poisson(1) against Poisson(1e-17) aborted the window): each is either computed to a finite
// number or refused with a message, and a refusal leaves the document as it was.

#include "corecall.h"
#include "document.h"

#include <spec.h>

#include <QSignalSpy>
#include <QTest>
#include <QUndoStack>

#include <boost/math/policies/error_handling.hpp>

#include <cmath>
#include <new>
#include <stdexcept>

class TestCoreCall : public QObject
{
    Q_OBJECT

private slots:
    void everyStdExceptionBecomesAMessage_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("expected");
        QTest::newRow("invalid_argument") << 0 << "binomial: p must be between 0 and 1";
        QTest::newRow("overflow_error") << 1
                                        << "This cannot be computed: Error in function "
                                           "boost::math::log1pmx<double>(double): numeric overflow";
        QTest::newRow("domain_error") << 2 << "This cannot be computed: tgamma of a pole";
        QTest::newRow("boost evaluation_error") << 3 << "This cannot be computed: series did not converge";
        QTest::newRow("bad_alloc") << 4 << "Not enough memory for this.";
    }
    void everyStdExceptionBecomesAMessage()
    {
        QFETCH(int, kind);
        QFETCH(QString, expected);
        QString error;
        const auto result = callCore(
            [kind]() -> double {
                switch (kind) {
                case 0:
                    throw std::invalid_argument("binomial: p must be between 0 and 1");
                case 1:
                    throw std::overflow_error(
                        "Error in function boost::math::log1pmx<double>(double): numeric overflow");
                case 2:
                    throw std::domain_error("tgamma of a pole");
                case 3:
                    throw boost::math::evaluation_error("series did not converge");
                default:
                    throw std::bad_alloc();
                }
            },
            &error);
        QVERIFY(!result.has_value());
        QCOMPARE(error, expected);
    }

    void aValueComesThrough()
    {
        QString error = QStringLiteral("untouched");
        const auto result = callCore([] { return 42; }, &error);
        QCOMPARE(result, std::optional<int>(42));
        QCOMPARE(error, QStringLiteral("untouched"));
    }

    // Pairs whose closed forms made Boost.Math throw (issue 8). After the core's fix they compute; the
    // window must survive them either way.
    void extremePairsNeverAbortTheDocument_data()
    {
        QTest::addColumn<QString>("p");
        QTest::addColumn<QString>("q");
        QTest::addColumn<QString>("support");
        QTest::newRow("poisson 1 vs 1e-17") << "poisson:lambda=1"
                                            << "poisson:lambda=1e-17"
                                            << "";
        QTest::newRow("bernoulli 0.5 vs 1e-17") << "bernoulli:p=0.5"
                                                << "bernoulli:p=1e-17"
                                                << "";
        QTest::newRow("binomial p 0.5 vs 1e-17") << "binomial:n=10,p=0.5"
                                                 << "binomial:n=10,p=1e-17"
                                                 << "";
        QTest::newRow("poisson 1e-10 vs uniform far out") << "poisson:lambda=1e-10"
                                                          << "uniform:a=0,b=5"
                                                          << "2000..2001";
    }
    void extremePairsNeverAbortTheDocument()
    {
        QFETCH(QString, p);
        QFETCH(QString, q);
        QFETCH(QString, support);
        Document document;
        const DocumentState before = document.state();
        DocumentState state;
        state.discrete()->p = klscope::parseSpec(p.toStdString());
        state.discrete()->q = klscope::parseSpec(q.toStdString());
        if (!support.isEmpty())
            state.discrete()->support = klscope::parseSupport(support.toStdString());
        QSignalSpy refused(&document, &Document::editRefused);
        if (document.resetState(state)) {
            QCOMPARE(refused.count(), 0);
            const double kl = document.comparison().totals.klPQ;
            QVERIFY2(!std::isnan(kl) && kl >= 0, qPrintable(QString::number(kl)));
        } else {
            QCOMPARE(refused.count(), 1);
            QVERIFY(!refused.first().first().toString().isEmpty());
            QVERIFY(document.state().sameComparisonInputs(before));
        }
        // The same pair reached by an edit, as a user would with the spin box, from Q = P (which may
        // itself be refused on a far support, with a message; then there is nothing to edit).
        Document edited;
        DocumentState start = state;
        start.discrete()->q = start.discrete()->p;
        if (!edited.resetState(start))
            return;
        const int undoIndex = edited.undoStack()->index();
        if (edited.setDistribution(Side::Q, state.discrete()->q)) {
            QVERIFY(!std::isnan(edited.comparison().totals.klPQ));
        } else {
            QVERIFY(edited.distribution(Side::Q) == state.discrete()->p);
            QCOMPARE(edited.undoStack()->index(), undoIndex);
        }
    }
};

QTEST_MAIN(TestCoreCall)
#include "tst_corecall.moc"
