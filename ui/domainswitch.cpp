#include "domainswitch.h"

#include "familyconversion.h"

#include <continuousspec.h>

#include <QObject>

#include <cmath>
#include <stdexcept>

namespace {

QString sideName(Side side)
{
    return side == Side::P ? QStringLiteral("P") : QStringLiteral("Q");
}

Side other(Side side)
{
    return side == Side::P ? Side::Q : Side::P;
}

// TEMPORARY until the core's domainconversion lands: the family's default, and a normal with the mean.
klscope::ContinuousDistribution defaultOf(klscope::ContinuousFamily family)
{
    static const char *const specs[] = {"normal:mu=0,sigma=1",
                                        "lognormal:mu=0,sigma=1",
                                        "exponential:rate=1",
                                        "gamma:shape=2,rate=1",
                                        "beta:a=2,b=3",
                                        "laplace:mu=0,b=1",
                                        "student_t:nu=5",
                                        "cauchy:x0=0,gamma=1",
                                        "continuous_uniform:a=0,b=1",
                                        "gmm:w1=0.5,mu1=-1,sigma1=1,w2=0.5,mu2=1,sigma2=1"};
    return klscope::parseContinuousSpec(specs[static_cast<int>(family)]);
}

} // namespace

ContinuousPair toContinuousPair(const DiscretePair &pair, Side side, klscope::ContinuousFamily family,
                                QString *message)
{
    ContinuousPair c;
    c.distribution(side) = defaultOf(family);
    c.distribution(other(side)) = klscope::Normal(klscope::mean(pair.distribution(other(side))), 1.0);
    if (message)
        *message = QObject::tr("%1 became %2; %3 became a normal.")
                       .arg(sideName(side), familyName(family), sideName(other(side)));
    return c;
}

DiscretePair toDiscretePair(const ContinuousPair &pair, Side side, klscope::Family family, QString *message)
{
    (void)pair;
    DiscretePair d;
    d.distribution(side) = klscope::defaultDistribution(family);
    d.distribution(other(side)) = klscope::defaultDistribution(klscope::Family::Binomial);
    if (message)
        *message = QObject::tr("%1 became %2; %3 became a binomial.")
                       .arg(sideName(side), familyName(family), sideName(other(side)));
    return d;
}

klscope::ContinuousDistribution convertContinuousFamily(const klscope::ContinuousDistribution &d,
                                                        klscope::ContinuousFamily family)
{
    (void)d;
    return defaultOf(family);
}

QString familyName(klscope::Family family)
{
    return QString::fromUtf8(klscope::familyTitle(family).data(),
                             qsizetype(klscope::familyTitle(family).size()));
}

QString familyName(klscope::ContinuousFamily family)
{
    const std::string_view k = klscope::familyKeyword(family);
    return QString::fromUtf8(k.data(), qsizetype(k.size()));
}
