// The import library (core/import): what numbers in a file mean (counts, logits, log-probabilities),
// how delimited text is read, how samples become histograms, how labelled sides are aligned, and the
// corpus of bad files in tests/io/badfiles, each of which must be refused with a message that names the
// file and the line. Expected masses come from closed forms (softmax of {0, ln 2, ln 3} is
// {1/6, 2/6, 3/6}), not from the code under test.

#include "relativecompare.h"

#include "delimitedtext.h"
#include "filespec.h"
#include "histogram.h"
#include "labelalignment.h"
#include "valuekind.h"

#include "comparison.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <limits>

using namespace klscope::import;
using klscope::test::closeRelative;

Q_DECLARE_METATYPE(klscope::import::ValueKind)
Q_DECLARE_METATYPE(klscope::import::Delimiter)
Q_DECLARE_METATYPE(std::vector<double>)
Q_DECLARE_METATYPE(std::vector<std::string>)

namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

QString badFile(const QString &name)
{
    return QStringLiteral(KLSCOPE_BADFILES "/") + name;
}

std::string utf8(const QString &s)
{
    return s.toStdString();
}

QByteArray describe(const std::vector<double> &v)
{
    QByteArray text = "{";
    for (std::size_t i = 0; i < v.size(); ++i)
        text += (i ? ", " : "") + QByteArray::number(v[i], 'g', 17);
    return text + "}";
}

bool allClose(const std::vector<double> &actual, const std::vector<double> &expected, double tolerance)
{
    if (actual.size() != expected.size())
        return false;
    for (std::size_t i = 0; i < actual.size(); ++i)
        if (!(std::fabs(actual[i] - expected[i]) <= tolerance))
            return false;
    return true;
}

std::vector<double> masses(const klscope::Custom &c)
{
    return {c.masses().begin(), c.masses().end()};
}

} // namespace

class TestImport : public QObject
{
    Q_OBJECT

private slots:
    void valueKinds_data();
    void valueKinds();
    void valueKindErrors_data();
    void valueKindErrors();
    void valueKindKeywords();
    void delimiters_data();
    void delimiters();
    void headerDetection_data();
    void headerDetection();
    void quotesLineEndsAndByteOrderMark();
    void numbers_data();
    void numbers();
    void integerBins();
    void widthBins();
    void freedmanDiaconisDefault();
    void binningErrors_data();
    void binningErrors();
    void samplesOfDifferentSizesShareEdges();
    void alignmentUnion();
    void alignmentNumericOrder();
    void alignmentNamesInfinities();
    void duplicateLabelNamesBothLines();
    void duplicateLabelOnEitherSide_data();
    void duplicateLabelOnEitherSide();
    void alignedSidesShareLabels();
    void placeByIntegerLabel();
    void fileSpecs_data();
    void fileSpecs();
    void fileSpecErrors_data();
    void fileSpecErrors();
    void resolveCountsFromFile();
    void badFiles_data();
    void badFiles();
    void everyBadFileIsCovered();
    void binaryDeviceIsRefusedQuickly();
    void tenMillionLines();
};

void TestImport::valueKinds_data()
{
    QTest::addColumn<ValueKind>("kind");
    QTest::addColumn<std::vector<double>>("values");
    QTest::addColumn<std::vector<double>>("expected");
    QTest::addColumn<double>("sampleSize");
    const auto P = ValueKind::Probabilities, C = ValueKind::Counts, L = ValueKind::Logits,
               LP = ValueKind::LogProbabilities;
    QTest::newRow("probabilities as given")
        << P << std::vector<double>{0.2, 0.3} << std::vector<double>{0.2, 0.3} << 0.0;
    QTest::newRow("counts") << C << std::vector<double>{1, 2, 3, 4} << std::vector<double>{0.1, 0.2, 0.3, 0.4}
                            << 10.0;
    QTest::newRow("counts with a zero") << C << std::vector<double>{0, 5} << std::vector<double>{0, 1} << 5.0;
    QTest::newRow("fractional counts")
        << C << std::vector<double>{0.5, 1.5} << std::vector<double>{0.25, 0.75} << 2.0;
    QTest::newRow("logits 0, ln2, ln3") << L << std::vector<double>{0, std::log(2.0), std::log(3.0)}
                                        << std::vector<double>{1.0 / 6, 2.0 / 6, 3.0 / 6} << 0.0;
    QTest::newRow("logits shifted by 500")
        << L << std::vector<double>{500, 500 + std::log(3.0)} << std::vector<double>{0.25, 0.75} << 0.0;
    QTest::newRow("huge logits") << L << std::vector<double>{1000, 1000} << std::vector<double>{0.5, 0.5}
                                 << 0.0;
    QTest::newRow("very negative logits")
        << L << std::vector<double>{-1000, -1000 + std::log(4.0)} << std::vector<double>{0.2, 0.8} << 0.0;
    QTest::newRow("logit -inf") << L << std::vector<double>{-kInf, 0, 0} << std::vector<double>{0, 0.5, 0.5}
                                << 0.0;
    QTest::newRow("logprobs") << LP << std::vector<double>{std::log(0.25), std::log(0.75)}
                              << std::vector<double>{0.25, 0.75} << 0.0;
    QTest::newRow("logprob -inf") << LP << std::vector<double>{-kInf, 0} << std::vector<double>{0, 1} << 0.0;
    QTest::newRow("logprob rounding above 0")
        << LP << std::vector<double>{1e-12} << std::vector<double>{1} << 0.0;
}

void TestImport::valueKinds()
{
    QFETCH(ValueKind, kind);
    QFETCH(std::vector<double>, values);
    QFETCH(std::vector<double>, expected);
    QFETCH(double, sampleSize);
    auto m = toMasses(values, kind, "v.csv");
    QVERIFY2(m.ok(), m.ok() ? "" : m.error().message.c_str());
    QVERIFY2(allClose(m->masses, expected, 1e-15), describe(m->masses));
    QCOMPARE(m->sampleSize, sampleSize);
}

void TestImport::valueKindErrors_data()
{
    QTest::addColumn<ValueKind>("kind");
    QTest::addColumn<std::vector<double>>("values");
    QTest::addColumn<QString>("message");
    const std::vector<std::uint32_t> lines{2, 3, 5};
    QTest::newRow("negative count") << ValueKind::Counts << std::vector<double>{1, -2, 3}
                                    << "v.csv, line 3: a negative count '-2' (column 2)";
    QTest::newRow("negative probability") << ValueKind::Probabilities << std::vector<double>{0.5, 0.5, -0.1}
                                          << "v.csv, line 5: a negative probability '-0.1' (column 2)";
    QTest::newRow("infinite count") << ValueKind::Counts << std::vector<double>{-kInf, 1, 1}
                                    << "v.csv, line 2: '-inf'";
    QTest::newRow("all counts zero") << ValueKind::Counts << std::vector<double>{0, 0, 0}
                                     << "v.csv: all counts are zero";
    QTest::newRow("logprob above 0") << ValueKind::LogProbabilities << std::vector<double>{-1, 0.5, -1}
                                     << "v.csv, line 3: the log-probability '0.5' is above 0";
    QTest::newRow("logit +inf") << ValueKind::Logits << std::vector<double>{0, kInf, 0}
                                << "v.csv, line 3: 'inf'";
    QTest::newRow("logit NaN") << ValueKind::Logits << std::vector<double>{0, 0, std::nan("")}
                               << "v.csv, line 5:";
    QTest::newRow("all logits -inf") << ValueKind::Logits << std::vector<double>{-kInf, -kInf, -kInf}
                                     << "v.csv: every logit is -inf";
    QTest::newRow("all logprobs -inf")
        << ValueKind::LogProbabilities << std::vector<double>{-kInf, -1e6, -kInf}
        << "v.csv: every log-probability is -inf";
}

void TestImport::valueKindErrors()
{
    QFETCH(ValueKind, kind);
    QFETCH(std::vector<double>, values);
    QFETCH(QString, message);
    const std::vector<std::uint32_t> lines{2, 3, 5};
    auto m = toMasses(values, kind, "v.csv", lines, 2);
    QVERIFY(!m.ok());
    QVERIFY2(QString::fromStdString(m.error().message).startsWith(message), m.error().message.c_str());
}

void TestImport::valueKindKeywords()
{
    for (const ValueKind kind :
         {ValueKind::Probabilities, ValueKind::Counts, ValueKind::Logits, ValueKind::LogProbabilities})
        QCOMPARE(parseValueKind(valueKindKeyword(kind)), std::optional<ValueKind>(kind));
    QCOMPARE(parseValueKind("log-probabilities"), std::optional<ValueKind>(ValueKind::LogProbabilities));
    QVERIFY(!parseValueKind("odds"));
    QVERIFY(!parseValueKind(""));
}

void TestImport::delimiters_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<Delimiter>("delimiter");
    QTest::addColumn<int>("columns");
    QTest::addColumn<std::vector<std::string>>("labels");
    QTest::addColumn<std::vector<double>>("first");
    QTest::addColumn<std::vector<double>>("second");
    const std::vector<std::string> ab{"a", "b"};
    QTest::newRow("comma, 2 columns") << QByteArray("a,0.25\nb,0.75\n") << Delimiter::Comma << 2 << ab
                                      << std::vector<double>{0.25, 0.75} << std::vector<double>{};
    QTest::newRow("tab, 3 columns") << QByteArray("a\t0.25\t0.5\nb\t0.75\t0.5\n") << Delimiter::Tab << 3 << ab
                                    << std::vector<double>{0.25, 0.75} << std::vector<double>{0.5, 0.5};
    QTest::newRow("semicolon, 3 columns") << QByteArray("a;1;2\nb;3;4") << Delimiter::Semicolon << 3 << ab
                                          << std::vector<double>{1, 3} << std::vector<double>{2, 4};
    QTest::newRow("spaces, 2 columns") << QByteArray("a   1\n  b 2  \n") << Delimiter::Whitespace << 2 << ab
                                       << std::vector<double>{1, 2} << std::vector<double>{};
    QTest::newRow("one column") << QByteArray("0.5\n0.25\n0.25\n") << Delimiter::Whitespace << 1
                                << std::vector<std::string>{} << std::vector<double>{0.5, 0.25, 0.25}
                                << std::vector<double>{};
    QTest::newRow("spaces around commas") << QByteArray(" a , 1 \n b , 2 ") << Delimiter::Comma << 2 << ab
                                          << std::vector<double>{1, 2} << std::vector<double>{};
    QTest::newRow("semicolon beats comma in labels")
        << QByteArray("a,x;1\nb,y;2\nc;3\n") << Delimiter::Semicolon << 2
        << std::vector<std::string>{"a,x", "b,y", "c"} << std::vector<double>{1, 2, 3}
        << std::vector<double>{};
    QTest::newRow("blank lines skipped")
        << QByteArray("\n0.5\n\n  \n0.5\n\n") << Delimiter::Whitespace << 1 << std::vector<std::string>{}
        << std::vector<double>{0.5, 0.5} << std::vector<double>{};
}

void TestImport::delimiters()
{
    QFETCH(QByteArray, text);
    QFETCH(Delimiter, delimiter);
    QFETCH(int, columns);
    QFETCH(std::vector<std::string>, labels);
    QFETCH(std::vector<double>, first);
    QFETCH(std::vector<double>, second);
    auto table = parseDelimitedText(text.toStdString(), "t.csv");
    QVERIFY2(table.ok(), table.ok() ? "" : table.error().message.c_str());
    QCOMPARE(table->delimiter, delimiter);
    QCOMPARE(table->columnCount, std::size_t(columns));
    QCOMPARE(table->labels, labels);
    QCOMPARE(table->values.at(0), first);
    if (columns == 3)
        QCOMPARE(table->values.at(1), second);
    else
        QCOMPARE(table->values.size(), std::size_t(1));
    QCOMPARE(table->rowCount(), first.size());
}

void TestImport::headerDetection_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<bool>("hasHeader");
    QTest::addColumn<std::vector<std::string>>("header");
    QTest::addColumn<int>("rows");
    QTest::addColumn<std::vector<std::uint32_t>>("lines");
    QTest::newRow("no header") << QByteArray("0.5\n0.5\n") << false << std::vector<std::string>{} << 2
                               << std::vector<std::uint32_t>{1, 2};
    QTest::newRow("one-column header") << QByteArray("p\n0.5\n0.5\n") << true << std::vector<std::string>{"p"}
                                       << 2 << std::vector<std::uint32_t>{2, 3};
    QTest::newRow("two-column header")
        << QByteArray("\nword,count\nthe,3\n") << true << std::vector<std::string>{"word", "count"} << 1
        << std::vector<std::uint32_t>{3};
    QTest::newRow("numeric labels, no header")
        << QByteArray("1,0.5\n2,0.5\n") << false << std::vector<std::string>{} << 2
        << std::vector<std::uint32_t>{1, 2};
    QTest::newRow("header with a numeric label name")
        << QByteArray("2024,p,q\nx,1,2\n") << true << std::vector<std::string>{"2024", "p", "q"} << 1
        << std::vector<std::uint32_t>{2};
    QTest::newRow("quoted header") << QByteArray("\"the word\",\"p\"\nthe,1\n") << true
                                   << std::vector<std::string>{"the word", "p"} << 1
                                   << std::vector<std::uint32_t>{2};
}

void TestImport::headerDetection()
{
    QFETCH(QByteArray, text);
    QFETCH(bool, hasHeader);
    QFETCH(std::vector<std::string>, header);
    QFETCH(int, rows);
    QFETCH(std::vector<std::uint32_t>, lines);
    auto table = parseDelimitedText(text.toStdString(), "h.csv");
    QVERIFY2(table.ok(), table.ok() ? "" : table.error().message.c_str());
    QCOMPARE(table->hasHeader, hasHeader);
    QCOMPARE(table->header, header);
    QCOMPARE(table->rowCount(), std::size_t(rows));
    QCOMPARE(table->lines, lines);
}

void TestImport::quotesLineEndsAndByteOrderMark()
{
    auto table =
        parseDelimitedText("\xEF\xBB\xBF"
                           "city,p\r\n\"New York, NY\",0.5\r\n\"say \"\"hi\"\"\",0.25\r\n caf\xC3\xA9 ,0.25",
                           "q.csv");
    QVERIFY2(table.ok(), table.ok() ? "" : table.error().message.c_str());
    QCOMPARE(table->header, (std::vector<std::string>{"city", "p"}));
    QCOMPARE(table->labels, (std::vector<std::string>{"New York, NY", "say \"hi\"", "caf\xC3\xA9"}));
    QCOMPARE(table->values.at(0), (std::vector<double>{0.5, 0.25, 0.25}));
}

void TestImport::numbers_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<double>("value");
    QTest::newRow("decimal") << "0.25" << true << 0.25;
    QTest::newRow("plus sign") << "+3" << true << 3.0;
    QTest::newRow("exponent") << "1e-3" << true << 1e-3;
    QTest::newRow("underflow to subnormal") << "4e-320" << true << 4e-320;
    QTest::newRow("underflow to zero") << "1e-400" << true << 0.0;
    QTest::newRow("overflow") << "1e999" << false << 0.0;
    QTest::newRow("minus inf (log of 0)") << "-inf" << true << -kInf;
    QTest::newRow("plus inf") << "+inf" << false << 0.0;
    QTest::newRow("nan") << "nan" << false << 0.0;
    QTest::newRow("plus minus") << "+-1" << false << 0.0;
    QTest::newRow("comma decimal") << "0,5" << false << 0.0;
    QTest::newRow("trailing text") << "1x" << false << 0.0;
    QTest::newRow("hex") << "0x10" << false << 0.0;
    QTest::newRow("empty") << "" << false << 0.0;
    QTest::newRow("space") << " 1" << false << 0.0;
}

void TestImport::numbers()
{
    QFETCH(QString, text);
    QFETCH(bool, ok);
    QFETCH(double, value);
    double parsed = -1;
    QCOMPARE(parseDouble(utf8(text), parsed), ok);
    if (ok)
        QCOMPARE(parsed, value);
}

void TestImport::integerBins()
{
    const std::vector<double> samples{3, 1, 1, 2, 5};
    auto h = binSamples(samples, {}, "s.txt");
    QVERIFY2(h.ok(), h.ok() ? "" : h.error().message.c_str());
    QVERIFY(h->binning.integer);
    QCOMPARE(h->counts, (std::vector<double>{2, 1, 1, 0, 1}));
    QCOMPARE(h->labels, (std::vector<std::string>{"1", "2", "3", "4", "5"}));
    QCOMPARE(h->sampleCount, std::size_t(5));
    QCOMPARE(h->binning.description, std::string("integer bins 1..5"));
}

void TestImport::widthBins()
{
    const std::vector<double> samples{0.1, 0.2, 0.6, 1.4, -0.3};
    auto h = binSamples(samples, {BinRule::Width, 0.5}, "s.txt");
    QVERIFY2(h.ok(), h.ok() ? "" : h.error().message.c_str());
    // Edges on multiples of the width: [-0.5, 0), [0, 0.5), [0.5, 1), [1, 1.5).
    QCOMPARE(h->binning.origin, -0.5);
    QCOMPARE(h->counts, (std::vector<double>{1, 2, 1, 1}));
    QCOMPARE(h->labels, (std::vector<std::string>{"[-0.5, 0)", "[0, 0.5)", "[0.5, 1)", "[1, 1.5)"}));
    QCOMPARE(h->sampleCount, std::size_t(5));
    // Whole numbers with a width are binned by the width, not one bin per integer.
    auto wide = binSamples(std::vector<double>{0, 1, 2, 3}, {BinRule::Width, 2}, "s.txt");
    QVERIFY(wide.ok());
    QCOMPARE(wide->counts, (std::vector<double>{2, 2}));
}

void TestImport::freedmanDiaconisDefault()
{
    // x_i = i + 0.5 for i = 0..99: type-7 quartiles 25.25 and 74.75, so IQR = 49.5 and the width is
    // 2 * 49.5 / 100^(1/3) = 21.33 -> 21.3 (three significant digits).
    std::vector<double> samples;
    for (int i = 0; i < 100; ++i)
        samples.push_back(i + 0.5);
    QVERIFY(closeRelative(freedmanDiaconisWidth(samples), 99 / std::cbrt(100.0), 1e-14));
    auto h = binSamples(samples, {}, "s.txt");
    QVERIFY2(h.ok(), h.ok() ? "" : h.error().message.c_str());
    QVERIFY(!h->binning.integer);
    QCOMPARE(h->binning.width, 21.3);
    QCOMPARE(h->binning.origin, 0.0);
    QCOMPARE(h->binning.count, std::size_t(5)); // 99.5 / 21.3 = 4.67
    // Bin i holds the x = k + 0.5 in [21.3 i, 21.3 (i+1)): k = 0..20, 21..42, 43..63, 64..84, 85..99.
    QCOMPARE(h->counts, (std::vector<double>{21, 22, 21, 21, 15}));
    QCOMPARE(h->sampleCount, std::size_t(100));
    QVERIFY(h->binning.description.starts_with("Freedman-Diaconis width 21.3"));
    // The middle half of the samples equal: IQR = 0, Sturges' width instead.
    auto flat = binSamples(std::vector<double>{1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 3.5}, {}, "s.txt");
    QVERIFY(flat.ok());
    QVERIFY(flat->binning.description.starts_with("Sturges"));
    QCOMPARE(flat->sampleCount, std::size_t(8));
}

void TestImport::binningErrors_data()
{
    QTest::addColumn<std::vector<double>>("samples");
    QTest::addColumn<int>("rule");
    QTest::addColumn<double>("width");
    QTest::addColumn<QString>("message");
    QTest::newRow("no samples") << std::vector<double>{} << int(BinRule::Auto) << 0.0 << "s.txt: no samples";
    QTest::newRow("integer bins for reals") << std::vector<double>{0.5, 1} << int(BinRule::Integer) << 0.0
                                            << "s.txt: integer bins need whole-number samples";
    QTest::newRow("zero width") << std::vector<double>{0.5, 1} << int(BinRule::Width) << 0.0
                                << "s.txt: the bin width must be a finite number above 0";
    QTest::newRow("too many integer bins")
        << std::vector<double>{0, 1e7} << int(BinRule::Auto) << 0.0
        << "s.txt: the samples span 0..1e+07, more than 100000 integer bins";
    QTest::newRow("too many width bins") << std::vector<double>{0, 1} << int(BinRule::Width) << 1e-9
                                         << "s.txt: the bin width 1e-09 would make more than 100000 bins";
    QTest::newRow("infinite sample") << std::vector<double>{0, -kInf} << int(BinRule::Auto) << 0.0
                                     << "s.txt: the sample -inf is not a finite number";
}

void TestImport::binningErrors()
{
    QFETCH(std::vector<double>, samples);
    QFETCH(int, rule);
    QFETCH(double, width);
    QFETCH(QString, message);
    auto h = binSamples(samples, {static_cast<BinRule>(rule), width}, "s.txt");
    QVERIFY(!h.ok());
    QVERIFY2(QString::fromStdString(h.error().message).startsWith(message), h.error().message.c_str());
}

void TestImport::samplesOfDifferentSizesShareEdges()
{
    const std::vector<double> p{0.1, 0.4, 0.45, 1.9};
    const std::vector<double> q{0.9, 1.1, 1.2, 1.3, 2.6, 2.7, 2.8};
    auto both = binSamplesTogether(p, q, {BinRule::Width, 1}, "p.txt", "q.txt");
    QVERIFY2(both.ok(), both.ok() ? "" : both.error().message.c_str());
    QCOMPARE(both->first.labels, both->second.labels);
    QCOMPARE(both->first.labels, (std::vector<std::string>{"[0, 1)", "[1, 2)", "[2, 3)"}));
    QCOMPARE(both->first.counts, (std::vector<double>{3, 1, 0}));
    QCOMPARE(both->second.counts, (std::vector<double>{1, 3, 3}));
    QCOMPARE(both->first.sampleCount, std::size_t(4));
    QCOMPARE(both->second.sampleCount, std::size_t(7));
    // Integer data: integer bins over both ranges.
    auto ints = binSamplesTogether(std::vector<double>{2, 3}, std::vector<double>{5, 5, 4}, {}, "p", "q");
    QVERIFY(ints.ok());
    QCOMPARE(ints->first.labels, (std::vector<std::string>{"2", "3", "4", "5"}));
    QCOMPARE(ints->first.counts, (std::vector<double>{1, 1, 0, 0}));
    QCOMPARE(ints->second.counts, (std::vector<double>{0, 0, 1, 2}));
    // Errors name the side without samples.
    auto empty = binSamplesTogether(std::vector<double>{1}, std::vector<double>{}, {}, "p.txt", "q.txt");
    QVERIFY(!empty.ok());
    QCOMPARE(empty.error().message, std::string("q.txt: no samples"));
}

void TestImport::alignmentUnion()
{
    const LabelledMasses p{{"a", "b"}, {0.5, 0.5}, {}};
    const LabelledMasses q{{"c", "b"}, {0.75, 0.25}, {}};
    auto aligned = alignByLabel(p, q, "p.csv", "q.csv");
    QVERIFY2(aligned.ok(), aligned.ok() ? "" : aligned.error().message.c_str());
    QCOMPARE(std::vector<std::string>(aligned->labels().begin(), aligned->labels().end()),
             (std::vector<std::string>{"a", "b", "c"}));
    QCOMPARE(masses(aligned->p), (std::vector<double>{0.5, 0.5, 0}));
    QCOMPARE(masses(aligned->q), (std::vector<double>{0, 0.25, 0.75}));
    QCOMPARE(aligned->order, LabelOrder::FirstAppearance);
    QCOMPARE(aligned->onlyInP, std::size_t(1));
    QCOMPARE(aligned->onlyInQ, std::size_t(1));
}

void TestImport::alignmentNumericOrder()
{
    const LabelledMasses p{{"10", "2"}, {0.5, 0.5}, {}};
    const LabelledMasses q{{"-1", "10"}, {0.5, 0.5}, {}};
    auto aligned = alignByLabel(p, q, "p.csv", "q.csv");
    QVERIFY(aligned.ok());
    QCOMPARE(aligned->order, LabelOrder::Numeric);
    QCOMPARE(std::vector<std::string>(aligned->labels().begin(), aligned->labels().end()),
             (std::vector<std::string>{"-1", "2", "10"}));
    QCOMPARE(masses(aligned->p), (std::vector<double>{0, 0.5, 0.5}));
    QCOMPARE(masses(aligned->q), (std::vector<double>{0.5, 0, 0.5}));
}

void TestImport::alignmentNamesInfinities()
{
    const LabelledMasses p{{"lion", "zebra"}, {0.5, 0.5}, {}};
    const LabelledMasses q{{"lion", "okapi"}, {0.5, 0.5}, {}};
    auto aligned = alignByLabel(p, q, "p.csv", "q.csv");
    QVERIFY(aligned.ok());
    const klscope::Comparison c = klscope::compare(aligned->p, aligned->q);
    QVERIFY(std::isinf(c.totals.klPQ));
    const auto sentences = describeInfinities(c, aligned->labels());
    QCOMPARE(sentences.size(), std::size_t(2));
    QCOMPARE(sentences[0],
             std::string("KL(P||Q) is infinite: Q has no mass at 'zebra' (x = 1), where P has some."));
    QCOMPARE(sentences[1],
             std::string("KL(Q||P) is infinite: P has no mass at 'okapi' (x = 2), where Q has some."));
}

void TestImport::duplicateLabelNamesBothLines()
{
    const LabelledMasses p{{"a", "b", "a"}, {0.25, 0.5, 0.25}, {2, 3, 7}};
    const auto error = findDuplicateLabel(p, "p.csv");
    QVERIFY(error);
    QCOMPARE(error->message, std::string("p.csv, line 7: the event 'a' appears twice (first on line 2)"));
    QCOMPARE(error->line, std::size_t(7));
    auto aligned = alignByLabel(LabelledMasses{{"x"}, {1}, {}}, p, "q.csv", "p.csv");
    QVERIFY(!aligned.ok());
    QCOMPARE(aligned.error().message, error->message);
}

void TestImport::duplicateLabelOnEitherSide_data()
{
    QTest::addColumn<bool>("inQ");
    QTest::addColumn<int>("repeatAt");
    // 30 rows: past the look-ahead of the label index, so late rows are checked too.
    QTest::newRow("P, row 1") << false << 1;
    QTest::newRow("P, row 29") << false << 29;
    QTest::newRow("Q, row 1") << true << 1;
    QTest::newRow("Q, row 29") << true << 29;
}

void TestImport::duplicateLabelOnEitherSide()
{
    QFETCH(bool, inQ);
    QFETCH(int, repeatAt);
    LabelledMasses sides[2];
    for (auto &side : sides)
        for (std::uint32_t i = 0; i < 30; ++i) {
            side.labels.push_back(std::string("w").append(std::to_string(i)));
            side.masses.push_back(1.0 / 30);
            side.lines.push_back(i + 2);
        }
    LabelledMasses &bad = sides[inQ ? 1 : 0];
    bad.labels[static_cast<std::size_t>(repeatAt)] = "w0";
    const auto aligned = alignByLabel(sides[0], sides[1], "p.csv", "q.csv");
    QVERIFY(!aligned.ok());
    const std::string expected = std::string(inQ ? "q.csv" : "p.csv") + ", line " +
                                 std::to_string(repeatAt + 2) +
                                 ": the event 'w0' appears twice (first on line 2)";
    QCOMPARE(aligned.error().message, expected);
    const auto found = findDuplicateLabel(bad, inQ ? "q.csv" : "p.csv");
    QVERIFY(found);
    QCOMPARE(found->message, expected);
}

void TestImport::alignedSidesShareLabels()
{
    const LabelledMasses p{{"a", "b"}, {0.5, 0.5}, {}};
    const LabelledMasses q{{"c", "b"}, {0.75, 0.25}, {}};
    auto aligned = alignByLabel(p, q, "p.csv", "q.csv");
    QVERIFY(aligned.ok());
    QCOMPARE(aligned->q.labels().data(), aligned->p.labels().data()); // one list, not a copy
}

void TestImport::placeByIntegerLabel()
{
    auto placed = klscope::import::placeByIntegerLabel(LabelledMasses{{"3", "0"}, {0.25, 0.75}, {}}, "x.csv");
    QVERIFY2(placed.ok(), placed.ok() ? "" : placed.error().message.c_str());
    QCOMPARE(masses(*placed), (std::vector<double>{0.75, 0, 0, 0.25}));
    auto refused =
        klscope::import::placeByIntegerLabel(LabelledMasses{{"0", "cat"}, {0.5, 0.5}, {4, 5}}, "x.csv");
    QVERIFY(!refused.ok());
    QVERIFY(refused.error().message.starts_with("x.csv, line 5: the event 'cat' is not a whole number >= 0"));
}

void TestImport::fileSpecs_data()
{
    QTest::addColumn<QString>("spec");
    QTest::addColumn<bool>("samples");
    QTest::addColumn<QString>("path");
    QTest::addColumn<ValueKind>("kind");
    QTest::addColumn<QString>("column");
    QTest::addColumn<int>("rule");
    QTest::addColumn<double>("width");
    QTest::newRow("file") << "file:data.csv" << false << "data.csv" << ValueKind::Probabilities << "" << 0
                          << 0.0;
    QTest::newRow("file as counts, column") << "file:/tmp/x.tsv,as=counts,column=3" << false << "/tmp/x.tsv"
                                            << ValueKind::Counts << "3" << 0 << 0.0;
    QTest::newRow("comma in the path")
        << "file:a,b.csv,as=logits" << false << "a,b.csv" << ValueKind::Logits << "" << 0 << 0.0;
    QTest::newRow("samples with width") << "samples:s.txt,width=0.25" << true << "s.txt"
                                        << ValueKind::Probabilities << "" << int(BinRule::Width) << 0.25;
    QTest::newRow("samples fd") << "samples:s.txt,bins=fd,column=height" << true << "s.txt"
                                << ValueKind::Probabilities << "height" << int(BinRule::FreedmanDiaconis)
                                << 0.0;
}

void TestImport::fileSpecs()
{
    QFETCH(QString, spec);
    QFETCH(bool, samples);
    QFETCH(QString, path);
    QFETCH(ValueKind, kind);
    QFETCH(QString, column);
    QFETCH(int, rule);
    QFETCH(double, width);
    QVERIFY(isFileSpec(utf8(spec)));
    auto parsed = parseFileSpec(utf8(spec));
    QVERIFY2(parsed.ok(), parsed.ok() ? "" : parsed.error().message.c_str());
    QCOMPARE(parsed->samples, samples);
    QCOMPARE(QString::fromStdString(parsed->path), path);
    QCOMPARE(parsed->kind, kind);
    QCOMPARE(QString::fromStdString(parsed->column), column);
    QCOMPARE(int(parsed->binning.rule), rule);
    QCOMPARE(parsed->binning.width, width);
}

void TestImport::fileSpecErrors_data()
{
    QTest::addColumn<QString>("spec");
    QTest::addColumn<QString>("message");
    QTest::newRow("unknown kind") << "file:x.csv,as=odds"
                                  << "as must be probabilities, counts, logits or logprobs";
    QTest::newRow("unknown option") << "file:x.csv,colour=red"
                                    << "unknown option 'colour'";
    QTest::newRow("bins on a file") << "file:x.csv,bins=fd"
                                    << "unknown option 'bins'";
    QTest::newRow("as on samples") << "samples:x.csv,as=counts"
                                   << "unknown option 'as'";
    QTest::newRow("negative width") << "samples:x.csv,width=-1"
                                    << "width must be a number above 0";
    QTest::newRow("bins and width") << "samples:x.csv,bins=fd,width=1"
                                    << "give bins= or width=, not both";
    QTest::newRow("repeated") << "file:x.csv,as=counts,as=logits"
                              << "as= is given twice";
    QTest::newRow("no path") << "file:,as=counts"
                             << "no file path";
    QTest::newRow("not a file spec") << "binomial:n=3,p=0.5"
                                     << "not a file: or samples: spec";
}

void TestImport::fileSpecErrors()
{
    QFETCH(QString, spec);
    QFETCH(QString, message);
    auto parsed = parseFileSpec(utf8(spec));
    QVERIFY(!parsed.ok());
    const QString text = QString::fromStdString(parsed.error().message);
    QVERIFY2(text.startsWith("'" + spec + "': "), qPrintable(text));
    QVERIFY2(text.contains(message), qPrintable(text));
}

void TestImport::resolveCountsFromFile()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QFile file(dir.filePath("words.csv"));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("word,p_count,q_count\nthe,6,2\ncat,3,0\nsat,1,8\n");
    file.close();
    const std::string spec = "file:" + utf8(file.fileName()) + ",as=counts";
    auto pair = resolveSpecs(spec, spec);
    QVERIFY2(pair.ok(), pair.ok() ? "" : pair.error().message.c_str());
    QCOMPARE(std::vector<std::string>(pair->labels().begin(), pair->labels().end()),
             (std::vector<std::string>{"the", "cat", "sat"}));
    QCOMPARE(masses(std::get<klscope::Custom>(pair->p)), (std::vector<double>{0.6, 0.3, 0.1}));
    QCOMPARE(masses(std::get<klscope::Custom>(pair->q)), (std::vector<double>{0.2, 0, 0.8}));
    bool sawSampleSize = false;
    for (const auto &note : pair->notes)
        sawSampleSize = sawSampleSize || note.find("sample size 10") != std::string::npos;
    QVERIFY(sawSampleSize);
    // Conflicting bins on two sample sides are refused rather than one silently winning.
    const std::string s = "samples:" + utf8(file.fileName()) + ",column=2";
    auto conflict = resolveSpecs(s + ",width=1", s + ",bins=integer");
    QVERIFY(!conflict.ok());
    QVERIFY(conflict.error().message.find("different bins") != std::string::npos);
}

void TestImport::badFiles_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("line");
    QTest::addColumn<QString>("what");
    QTest::newRow("empty") << "empty.csv" << 0 << "the file is empty";
    QTest::newRow("blank lines") << "blank-lines.csv" << 0 << "the file is empty";
    QTest::newRow("header only") << "header-only.csv" << 1 << "only a header line";
    QTest::newRow("text in a number") << "text-in-number.csv" << 3 << "'abc' is not a number (column 2)";
    QTest::newRow("number then text") << "number-text.csv" << 2 << "'0.5x' is not a number (column 1)";
    QTest::newRow("negative") << "negative.csv" << 3 << "a negative probability '-0.1' (column 1)";
    QTest::newRow("NaN") << "nan.csv" << 3 << "'nan' is not a finite number (column 2)";
    QTest::newRow("infinity") << "inf.csv" << 3 << "'inf' is not a finite number (column 1)";
    QTest::newRow("overflow") << "huge.csv" << 2
                              << "'1e999' is out of range (beyond 1.8e308 in magnitude) (column 1)";
    QTest::newRow("ragged row") << "ragged.csv" << 3 << "a ragged row: 2 fields where line 1 has 3";
    QTest::newRow("binary") << "binary.csv" << 3 << "looks like a binary file";
    QTest::newRow("invalid UTF-8") << "invalid-utf8.csv" << 3 << "is not valid UTF-8 text (byte 0xFF)";
    QTest::newRow("cut-off UTF-8") << "truncated-utf8.csv" << 2 << "a character is cut off at the end";
    QTest::newRow("overlong UTF-8") << "overlong-utf8.csv" << 2 << "is not valid UTF-8 text (byte 0xC0)";
    QTest::newRow("surrogate in UTF-8")
        << "surrogate-utf8.csv" << 2 << "is not valid UTF-8 text (a malformed";
    QTest::newRow("four columns") << "four-columns.csv" << 1 << "4 columns (comma-separated)";
    QTest::newRow("unterminated quote") << "unterminated-quote.csv" << 2 << "no closing quote";
    QTest::newRow("text after a quote") << "text-after-quote.csv" << 2 << "text after the closing quote";
    QTest::newRow("empty value") << "empty-value.csv" << 3 << "empty value (column 2)";
    QTest::newRow("empty label") << "empty-label.csv" << 3 << "empty event label (column 1)";
    QTest::newRow("comma decimal") << "comma-decimal.csv" << 2 << "write decimals with a point, not a comma";
    QTest::newRow("repeated label") << "duplicate-label.csv" << 4
                                    << "the event 'a' appears twice (first on line 2)";
    QTest::newRow("all zero") << "all-zero.csv" << 0 << "all probabilities are zero";
}

void TestImport::badFiles()
{
    QFETCH(QString, file);
    QFETCH(int, line);
    QFETCH(QString, what);
    const QString path = badFile(file);
    QVERIFY2(QFile::exists(path), qPrintable(path));
    auto loaded = resolveSpec("file:" + utf8(path));
    QVERIFY2(!loaded.ok(), qPrintable(file + " was accepted"));
    const QString message = QString::fromStdString(loaded.error().message);
    const QString place = line > 0 ? QStringLiteral("%1, line %2: ").arg(file).arg(line) : file + ": ";
    QVERIFY2(message.startsWith(place), qPrintable(message));
    QVERIFY2(message.contains(what), qPrintable(message));
    QCOMPARE(loaded.error().line, std::size_t(line));
}

void TestImport::everyBadFileIsCovered()
{
    // Every file in the corpus is either a named case above or a fuzzer's reproducer (fuzz-*), which
    // must load or be refused with a message naming it, under every kind and as samples.
    const QStringList known{"empty.csv",
                            "blank-lines.csv",
                            "header-only.csv",
                            "text-in-number.csv",
                            "number-text.csv",
                            "negative.csv",
                            "nan.csv",
                            "inf.csv",
                            "huge.csv",
                            "ragged.csv",
                            "binary.csv",
                            "invalid-utf8.csv",
                            "truncated-utf8.csv",
                            "overlong-utf8.csv",
                            "surrogate-utf8.csv",
                            "four-columns.csv",
                            "unterminated-quote.csv",
                            "text-after-quote.csv",
                            "empty-value.csv",
                            "empty-label.csv",
                            "comma-decimal.csv",
                            "duplicate-label.csv",
                            "all-zero.csv"};
    const QDir dir(QStringLiteral(KLSCOPE_BADFILES));
    const QStringList files = dir.entryList(QDir::Files);
    QVERIFY(files.size() >= known.size());
    for (const QString &file : files) {
        if (!file.startsWith("fuzz-")) {
            QVERIFY2(known.contains(file), qPrintable(file + " is in badfiles/ but has no expected message"));
            continue;
        }
        const std::string path = utf8(dir.filePath(file));
        for (const char *option : {",as=probabilities", ",as=counts", ",as=logits", ",as=logprobs"})
            if (auto d = resolveSpec("file:" + path + option); !d.ok())
                QVERIFY2(d.error().message.starts_with(utf8(file)), d.error().message.c_str());
        for (const char *option : {"", ",bins=fd", ",bins=integer", ",width=0.5"})
            if (auto d = resolveSpec("samples:" + path + option); !d.ok())
                QVERIFY2(d.error().message.starts_with(utf8(file)), d.error().message.c_str());
    }
}

void TestImport::binaryDeviceIsRefusedQuickly()
{
    // /dev/zero never ends; it is refused before it is opened, as every file that is not a regular one
    // (tst_regularfile covers FIFOs, folders and links).
    if (!QFile::exists("/dev/zero"))
        QSKIP("no /dev/zero here");
    auto table = readDelimitedFile("/dev/zero");
    QVERIFY(!table.ok());
    QCOMPARE(table.error().message, std::string("zero: is a device, not a regular file"));
}

void TestImport::tenMillionLines()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath("ten-million.csv");
    {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        const QByteArray block = QByteArray("0.1\n").repeated(100'000);
        for (int i = 0; i < 100; ++i)
            QCOMPARE(file.write(block), qint64(block.size()));
    }
    auto table = readDelimitedFile(utf8(path));
    QVERIFY(!table.ok());
    const std::string expected = "ten-million.csv, line " + std::to_string(kMaxDataLines + 1) +
                                 ": more than " + std::to_string(kMaxDataLines) + " data lines";
    QVERIFY2(table.error().message.starts_with(expected), table.error().message.c_str());
    QVERIFY(kMaxDataLines >= 1'000'000); // the 10^6 rows a user may load
}

QTEST_APPLESS_MAIN(TestImport)
#include "tst_import.moc"
