// The fused pass has a portable, an AVX2 and an AVX-512 block kernel, chosen at run time. Every kernel
// the CPU can run must give the same per-event terms bit for bit as the portable one, and the same
// totals up to the grouping of the partial sums, including at zeros, infinities and subnormals. The
// vectorised log and exp they rely on match the C library.

#include "divergencekernel.h"
#include "vectormath.h"

#include "relativecompare.h"

#include <QTest>

#include <array>
#include <bit>
#include <cmath>
#include <cstdint>
#include <limits>
#include <random>
#include <vector>

using namespace klscope;
using namespace klscope::kernel;

namespace {

using KernelFunction = void (*)(const Block &, double *) noexcept;

// One block's worth of inputs with every awkward case mixed into random masses.
struct Inputs
{
    std::vector<double> p, q, lp, lq, lm, m;

    explicit Inputs(std::size_t n, std::uint64_t seed) : p(n), q(n), lp(n), lq(n), lm(n), m(n)
    {
        std::mt19937_64 rng(seed);
        std::uniform_real_distribution<double> uniform(0.0, 1.0);
        const double specials[] = {0.0, 4.9e-324, 1e-310, 1e-300, 1.0, 0.5};
        for (std::size_t i = 0; i < n; ++i) {
            p[i] = uniform(rng) / static_cast<double>(n);
            q[i] = uniform(rng) / static_cast<double>(n);
            if (i % 7 == 3)
                p[i] = specials[(i / 7) % std::size(specials)];
            if (i % 11 == 5)
                q[i] = specials[(i / 11) % std::size(specials)];
            m[i] = 0.5 * (p[i] + q[i]);
        }
        vectorLog(p.data(), lp.data(), n);
        vectorLog(q.data(), lq.data(), n);
        vectorLog(m.data(), lm.data(), n);
    }
};

struct Outputs
{
    std::vector<double> klPQ, klQP, js;
    std::array<double, SumCount> sums{};

    explicit Outputs(std::size_t n) : klPQ(n), klQP(n), js(n) {}
};

Outputs run(KernelFunction kernel, const Inputs &in, double factor)
{
    const std::size_t n = in.p.size();
    Outputs out(n);
    const Block block{in.p.data(),
                      in.q.data(),
                      in.lp.data(),
                      in.lq.data(),
                      in.lm.data(),
                      in.m.data(),
                      out.klPQ.data(),
                      out.klQP.data(),
                      out.js.data(),
                      factor,
                      n};
    kernel(block, out.sums.data());
    streamFence();
    return out;
}

double ulp(double x)
{
    return std::nextafter(std::fabs(x), std::numeric_limits<double>::infinity()) - std::fabs(x);
}

bool sameBits(double a, double b)
{
    return std::bit_cast<std::uint64_t>(a) == std::bit_cast<std::uint64_t>(b);
}

} // namespace

class TestKernels : public QObject
{
    Q_OBJECT

private slots:
    void agreeWithPortable_data()
    {
        QTest::addColumn<int>("kernel");
        QTest::addColumn<int>("events");
        for (int events : {1, 3, 4, 7, 8, 9, 31, 200, 255, 256}) {
            QTest::addRow("avx2, %d events", events) << 2 << events;
            QTest::addRow("avx512, %d events", events) << 512 << events;
        }
    }

    void agreeWithPortable()
    {
        QFETCH(int, kernel);
        QFETCH(int, events);
        if (kernel == 2 && !haveAvx2Kernel())
            QSKIP("this CPU or build has no AVX2 kernel");
        if (kernel == 512 && !haveAvx512Kernel())
            QSKIP("this CPU or build has no AVX-512 kernel");
        const KernelFunction vector = kernel == 2 ? blockSumsAvx2 : blockSumsAvx512;

        const Inputs in(static_cast<std::size_t>(events), 20261122u + static_cast<unsigned>(events));
        for (double factor : {1.0, 1.0 / std::log(2.0)}) {
            const Outputs expected = run(blockSumsPortable, in, factor);
            const Outputs actual = run(vector, in, factor);
            for (int i = 0; i < events; ++i) {
                KLSCOPE_VERIFY2(
                    sameBits(actual.klPQ[i], expected.klPQ[i]),
                    klscope::test::describeMismatch("KL(P||Q) term", actual.klPQ[i], expected.klPQ[i]));
                KLSCOPE_VERIFY2(
                    sameBits(actual.klQP[i], expected.klQP[i]),
                    klscope::test::describeMismatch("KL(Q||P) term", actual.klQP[i], expected.klQP[i]));
                KLSCOPE_VERIFY2(sameBits(actual.js[i], expected.js[i]),
                                klscope::test::describeMismatch("JS term", actual.js[i], expected.js[i]));
            }
            for (int s = 0; s < SumCount; ++s)
                KLSCOPE_VERIFY2(klscope::test::closeMixed(actual.sums[s], expected.sums[s], 1e-14, 1e-300),
                                klscope::test::describeMismatch(qPrintable(QStringLiteral("sum %1").arg(s)),
                                                                actual.sums[s], expected.sums[s]));
        }
    }

    // vectorLog and vectorExp (libmvec where available) stay within 2 ulp of std::log and std::exp,
    // and keep the edges exact: ln 0 = -inf, e^-inf = 0, subnormals in and out.
    void vectorMathMatchesStd()
    {
        std::vector<double> x = {0.0,         4.9e-324,
                                 1e-310,      2.2250738585072014e-308,
                                 1e-300,      1e-17,
                                 0.25,        1.0,
                                 1.0 + 1e-15, 2.0,
                                 3.5,         1e10,
                                 1e300,       std::numeric_limits<double>::max()};
        std::mt19937_64 rng(99);
        std::uniform_real_distribution<double> exponent(-300.0, 300.0);
        for (int i = 0; i < 997; ++i)
            x.push_back(std::pow(10.0, exponent(rng)));
        std::vector<double> out(x.size());
        vectorLog(x.data(), out.data(), x.size());
        for (std::size_t i = 0; i < x.size(); ++i) {
            const double expected = std::log(x[i]);
            KLSCOPE_VERIFY2(out[i] == expected || std::fabs(out[i] - expected) <= 2 * ulp(expected),
                            klscope::test::describeMismatch("log", out[i], expected));
        }

        std::vector<double> y = {-std::numeric_limits<double>::infinity(),
                                 -1e6,
                                 -800.0,
                                 -745.2,
                                 -744.0,
                                 -708.5,
                                 -50.0,
                                 -1.0,
                                 -1e-300,
                                 0.0,
                                 1e-300,
                                 1.0,
                                 700.0};
        std::uniform_real_distribution<double> power(-750.0, 700.0);
        for (int i = 0; i < 997; ++i)
            y.push_back(power(rng));
        out.resize(y.size());
        vectorExp(y.data(), out.data(), y.size());
        for (std::size_t i = 0; i < y.size(); ++i) {
            const double expected = std::exp(y[i]);
            // Subnormal results carry fewer bits, so their tolerance is the spacing of subnormals.
            const double tolerance =
                expected < std::numeric_limits<double>::min() ? 4.9e-324 : 2 * ulp(expected);
            KLSCOPE_VERIFY2(out[i] == expected || std::fabs(out[i] - expected) <= tolerance,
                            klscope::test::describeMismatch("exp", out[i], expected));
        }
        // A NaN among eight lanes stays NaN and leaves its neighbours alone.
        std::vector<double> withNaN = {
            -1.0, -800.0, std::numeric_limits<double>::quiet_NaN(), 0.5, -750.0, 2.0, -3.0, -4.0};
        std::vector<double> e(withNaN.size());
        vectorExp(withNaN.data(), e.data(), withNaN.size());
        QVERIFY(std::isnan(e[2]));
        QCOMPARE(e[1], 0.0);
        QCOMPARE(e[4], 0.0);
        QVERIFY(std::fabs(e[3] - std::exp(0.5)) <= 2 * ulp(std::exp(0.5)));
    }

    // The data above has p > 0 where q = 0, so the KL and cross-entropy sums must be +inf (never NaN).
    void infinitiesSurvive()
    {
        const Inputs in(64, 7);
        const KernelFunction kernels[] = {blockSumsPortable,
                                          haveAvx2Kernel() ? blockSumsAvx2 : blockSumsPortable,
                                          haveAvx512Kernel() ? blockSumsAvx512 : blockSumsPortable};
        for (KernelFunction k : kernels) {
            const Outputs out = run(k, in, 1.0);
            QCOMPARE(out.sums[KlPQ], std::numeric_limits<double>::infinity());
            QCOMPARE(out.sums[XPQ], std::numeric_limits<double>::infinity());
            QVERIFY(!std::isnan(out.sums[Js]));
            QVERIFY(std::isfinite(out.sums[Hel]));
        }
    }
};

QTEST_APPLESS_MAIN(TestKernels)
#include "tst_kernels.moc"
