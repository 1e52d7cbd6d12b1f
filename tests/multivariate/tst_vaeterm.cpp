// The VAE term: each dimension's KL against 40-digit values (mpmath) where the textbook formula cancels, the
// sum against a direct long-double computation, reference vector 21, the CSV loader's two layouts (batch mean
// and spread), its streaming across block boundaries, and bad files refused with their name and line.

#include "relativecompare.h"

#include "vaeterm.h"

#include <QTemporaryFile>
#include <QTest>

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <string>

using klscope::test::closeRelative;

class TestVaeTerm : public QObject
{
    Q_OBJECT

private slots:
    void referenceVector21()
    {
        // N(1, 0.5^2) || N(0, 1) = 1/8 + ln 2.
        KLSCOPE_COMPARE_REL(klscope::vaeKlTerm(1.0, std::log(0.25)), 0.81814718055994531, 1e-15);
        QCOMPARE(klscope::vaeKlTerm(0.0, 0.0), 0.0);
    }

    void term_data()
    {
        QTest::addColumn<double>("mu");
        QTest::addColumn<double>("logvar");
        QTest::addColumn<double>("expected"); // mpmath, 40 digits, from the doubles
        QTest::newRow("lv 1e-8") << 0.0 << 1e-8 << 2.5000000083333334588e-17;
        QTest::newRow("lv -1e-5") << 0.0 << -1e-5 << 2.4999916666875003673e-11;
        QTest::newRow("lv 0.3") << 0.0 << 0.3 << 0.02492940378800155005;
        QTest::newRow("lv -0.45") << 0.0 << -0.45 << 0.043814075810886648583;
        QTest::newRow("mu 1e-9, lv 1e-3") << 1e-9 << 1e-3 << 2.5008335417133403829e-7;
        QTest::newRow("lv just inside the series") << 0.0 << 0.49999 << 0.074357391784928463914;
        QTest::newRow("lv -0.5") << 0.0 << -0.5 << 0.053265329856316711802;
        QTest::newRow("lv 2") << 0.0 << 2.0 << 2.1945280494653251136;
        QTest::newRow("lv -20") << 0.0 << -20.0 << 9.5000000010305768112;
        QTest::newRow("mu .5, lv -1e-12") << 0.5 << -1e-12 << 0.125;
    }
    void term()
    {
        QFETCH(double, mu);
        QFETCH(double, logvar);
        QFETCH(double, expected);
        KLSCOPE_COMPARE_REL(klscope::vaeKlTerm(mu, logvar), expected, 4e-16);
    }

    // The sum over 4096 random dimensions against long double arithmetic (expm1l keeps ~19 digits, lv in
    // [-3, 3] loses at most 3 of them to the subtraction).
    void sumAgainstLongDouble()
    {
        std::mt19937_64 rng(21);
        std::uniform_real_distribution<double> muDist(-2.0, 2.0), lvDist(-3.0, 3.0);
        std::vector<double> mu(4096), lv(4096);
        long double direct = 0.0L;
        for (std::size_t i = 0; i < mu.size(); ++i) {
            mu[i] = muDist(rng);
            lv[i] = lvDist(rng);
            const long double m = mu[i], l = lv[i];
            direct += 0.5L * (m * m + std::expm1l(l) - l);
        }
        const klscope::VaeSummary s = klscope::summarizeVae(mu, lv);
        QCOMPARE(s.kl.size(), std::size_t(4096));
        KLSCOPE_COMPARE_REL(s.total, double(direct), 1e-13);
    }

    void perDimensionLayout()
    {
        const auto r =
            klscope::parseVaeCsv("mu,logvar\n1,-1.3862943611198906\n0,0\n\n0.01,0.001\r\n", "enc.csv");
        QVERIFY2(r.ok(), r.ok() ? "" : r.error().message.c_str());
        const klscope::VaeSummary &s = r.value();
        QCOMPARE(s.layout, klscope::VaeLayout::PerDimension);
        QCOMPARE(s.kl.size(), std::size_t(3));
        KLSCOPE_COMPARE_REL(s.kl[0], 0.81814718055994531, 1e-15);
        QCOMPARE(s.kl[1], 0.0);
        KLSCOPE_COMPARE_REL(s.total, s.kl[0] + s.kl[2], 1e-15);
        const auto collapsed = klscope::collapsedDimensions(s, klscope::kDefaultCollapseThreshold);
        QCOMPARE(collapsed, (std::vector<std::size_t>{1, 2}));
    }

    // One row per example: the batch mean and sample standard deviation per dimension, and of the totals.
    void perExampleLayout()
    {
        const std::string text = "mu_1,mu_2,logvar_1,logvar_2\n"
                                 "1,0,0,0.5\n"
                                 "0,2,-1,0\n"
                                 "0.5,-1,1,-0.5\n";
        const auto r = klscope::parseVaeCsv(text, "batch.csv");
        QVERIFY2(r.ok(), r.ok() ? "" : r.error().message.c_str());
        const klscope::VaeSummary &s = r.value();
        QCOMPARE(s.layout, klscope::VaeLayout::PerExample);
        QCOMPARE(s.rows, std::size_t(3));
        const double rows[3][4] = {{1, 0, 0, 0.5}, {0, 2, -1, 0}, {0.5, -1, 1, -0.5}};
        double totals[3] = {};
        for (std::size_t d = 0; d < 2; ++d) {
            double term[3], mean = 0.0;
            for (int k = 0; k < 3; ++k) {
                term[k] = 0.5 * (rows[k][d] * rows[k][d] + std::exp(rows[k][2 + d]) - 1.0 - rows[k][2 + d]);
                mean += term[k] / 3.0;
                totals[k] += term[k];
            }
            double ss = 0.0;
            for (int k = 0; k < 3; ++k)
                ss += (term[k] - mean) * (term[k] - mean);
            KLSCOPE_COMPARE_REL(s.kl[d], mean, 1e-14);
            KLSCOPE_COMPARE_REL(s.spread[d], std::sqrt(ss / 2.0), 1e-13);
        }
        const double meanTotal = (totals[0] + totals[1] + totals[2]) / 3.0;
        KLSCOPE_COMPARE_REL(s.total, meanTotal, 1e-14);
        double ss = 0.0;
        for (double t : totals)
            ss += (t - meanTotal) * (t - meanTotal);
        KLSCOPE_COMPARE_REL(s.totalSpread, std::sqrt(ss / 2.0), 1e-13);
    }

    // The loader's numbers are strtod's, whatever the formatting (its fast path covers short decimals).
    void numbersReadExactly()
    {
        std::mt19937_64 rng(3);
        std::normal_distribution<double> n(0.0, 3.0);
        const char *formats[] = {"%.17g", "%.4g", "%.6e", "%.3f", "%.19g", "%.12E"};
        std::string text = "mu,logvar\n";
        std::vector<std::pair<double, double>> expected;
        char a[64], b[64];
        for (int i = 0; i < 4000; ++i) {
            const double scale = std::pow(10.0, double(int(i % 40) - 20));
            std::snprintf(a, sizeof a, formats[i % 6], n(rng) * scale);
            std::snprintf(b, sizeof b, formats[(i / 6) % 6], n(rng));
            text.append(a).append(",").append(b).append("\n");
            expected.emplace_back(std::strtod(a, nullptr), std::strtod(b, nullptr));
        }
        // Beyond the fast path: 20 digits, exponents past 22, leading '+'.
        for (const char *row :
             {"12345678901234567890,1e-30", "1.5e300,0.1e1", "+2.5,-0.000000000000000000000001"}) {
            text.append(row).append("\n");
            const std::string r(row);
            const std::size_t comma = r.find(',');
            expected.emplace_back(std::strtod(r.substr(0, comma).c_str(), nullptr),
                                  std::strtod(r.substr(comma + 1).c_str(), nullptr));
        }
        const auto r = klscope::parseVaeCsv(text, "numbers.csv");
        QVERIFY2(r.ok(), r.ok() ? "" : r.error().message.c_str());
        QCOMPARE(r.value().kl.size(), expected.size());
        for (std::size_t i = 0; i < expected.size(); ++i)
            KLSCOPE_VERIFY2(r.value().kl[i] == klscope::vaeKlTerm(expected[i].first, expected[i].second),
                            QString::asprintf("row %zu", i + 2));
    }

    // A file of several MiB read in 1 MiB blocks gives what the whole text gives.
    void streamingMatchesWholeText()
    {
        std::string text = "mu_1,mu_2,mu_3,logvar_1,logvar_2,logvar_3\n";
        std::mt19937_64 rng(7);
        std::normal_distribution<double> n(0.0, 1.0);
        char line[200];
        for (int r = 0; r < 60000; ++r) {
            std::snprintf(line, sizeof line, "%.17g,%.17g,%.17g,%.17g,%.17g,%.17g\n", n(rng), n(rng), n(rng),
                          0.3 * n(rng), 0.3 * n(rng), 0.3 * n(rng));
            text += line;
        }
        QVERIFY(text.size() > (std::size_t(3) << 20));
        QTemporaryFile file;
        QVERIFY(file.open());
        QCOMPARE(file.write(text.data(), qint64(text.size())), qint64(text.size()));
        file.close();
        const auto whole = klscope::parseVaeCsv(text, "x");
        const auto streamed = klscope::loadVaeCsv(file.fileName().toStdString());
        QVERIFY(whole.ok() && streamed.ok());
        QCOMPARE(streamed.value().rows, std::size_t(60000));
        // The loader splits blocks between two threads and merges their sums pairwise: equal to rounding.
        for (std::size_t d = 0; d < 3; ++d) {
            KLSCOPE_COMPARE_REL(streamed.value().kl[d], whole.value().kl[d], 1e-12);
            KLSCOPE_COMPARE_REL(streamed.value().spread[d], whole.value().spread[d], 1e-12);
        }
        KLSCOPE_COMPARE_REL(streamed.value().total, whole.value().total, 1e-12);
        KLSCOPE_COMPARE_REL(streamed.value().totalSpread, whole.value().totalSpread, 1e-12);
    }

    // A bad value in the part of a block that the second thread reads, and one in a later block, are reported
    // with their own line numbers.
    void streamingErrorLines_data()
    {
        QTest::addColumn<int>("badLine");
        QTest::newRow("first half of the first block") << 5000;
        QTest::newRow("second half of the first block") << 40000;
        QTest::newRow("a later block") << 380000;
    }
    void streamingErrorLines()
    {
        QFETCH(int, badLine);
        std::string text = "mu_1,mu_2,logvar_1,logvar_2\n";
        for (int line = 2; line <= 400000; ++line)
            text += line == badLine ? "0.25,0.5,oops,0.125\n" : "0.25,0.5,-0.0625,0.125\n";
        QTemporaryFile file;
        QVERIFY(file.open());
        QCOMPARE(file.write(text.data(), qint64(text.size())), qint64(text.size()));
        file.close();
        const auto r = klscope::loadVaeCsv(file.fileName().toStdString());
        QVERIFY(!r.ok());
        const std::string expected = file.fileName().toStdString() + ", line " + std::to_string(badLine) +
                                     ": 'oops' is not a number (column 3)";
        QCOMPARE(QString::fromStdString(r.error().message), QString::fromStdString(expected));
    }

    void badFiles_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("message");
        QTest::newRow("empty") << ""
                               << "enc.csv: no header line";
        QTest::newRow("header only") << "mu,logvar\n"
                                     << "enc.csv: no data rows after the header";
        QTest::newRow("bad header") << "mu,sigma\n1,2\n"
                                    << "enc.csv, line 1: column 1 of the header is 'mu'";
        QTest::newRow("odd columns") << "mu_1,mu_2,logvar_1\n"
                                     << "enc.csv, line 1: the header must be";
        QTest::newRow("out of order")
            << "mu_1,mu_2,logvar_2,logvar_1\n"
            << "enc.csv, line 1: column 3 of the header is 'logvar_2', expected 'logvar_1'";
        QTest::newRow("not a number") << "mu,logvar\n0,0\n1,abc\n"
                                      << "enc.csv, line 3: 'abc' is not a number (column 2)";
        QTest::newRow("too few") << "mu_1,mu_2,logvar_1,logvar_2\n1,2,3\n"
                                 << "enc.csv, line 2: 3 columns where the header has 4";
        QTest::newRow("too many") << "mu,logvar\n\n1,2,3\n"
                                  << "enc.csv, line 3: more than the header's 2 columns";
        QTest::newRow("nan") << "mu,logvar\n1,nan\n"
                             << "enc.csv, line 2: the value in column 2 is not finite";
        QTest::newRow("empty cell") << "mu,logvar\n1,\n"
                                    << "enc.csv, line 2: '' is not a number (column 2)";
    }
    void badFiles()
    {
        QFETCH(QString, text);
        QFETCH(QString, message);
        const auto r = klscope::parseVaeCsv(text.toStdString(), "enc.csv");
        QVERIFY(!r.ok());
        QVERIFY2(QString::fromStdString(r.error().message).startsWith(message), r.error().message.c_str());
    }

    void tooManyDimensions()
    {
        std::string text = "mu,logvar\n";
        for (std::size_t i = 0; i <= klscope::kMaxVaeDimensions; ++i)
            text += "0,0\n";
        const auto r = klscope::parseVaeCsv(text, "big.csv");
        QVERIFY(!r.ok());
        QVERIFY2(r.error().message.starts_with("big.csv, line 4098: more than 4096 latent dimensions"),
                 r.error().message.c_str());
    }

    void missingFile()
    {
        const auto r = klscope::loadVaeCsv("/nonexistent/enc.csv");
        QVERIFY(!r.ok());
        QVERIFY(r.error().message.starts_with("/nonexistent/enc.csv: cannot open"));
    }
};

QTEST_APPLESS_MAIN(TestVaeTerm)
#include "tst_vaeterm.moc"
