#include "versions.h"

#include <boost/version.hpp>

#include <QtGlobal>

namespace klscope::versions {

QString application()
{
#ifdef KLSCOPE_VERSION
    return QStringLiteral(KLSCOPE_VERSION);
#else
    return QStringLiteral("unknown");
#endif
}

QString qt()
{
    return QString::fromLatin1(qVersion());
}

QString boost()
{
    return QStringLiteral("%1.%2.%3")
        .arg(BOOST_VERSION / 100000)
        .arg(BOOST_VERSION / 100 % 1000)
        .arg(BOOST_VERSION % 100);
}

QString summary()
{
    return QStringLiteral("klscope %1\nQt %2\nQCustomPlot %3\nBoost %4")
        .arg(application(), qt(), qcustomplot(), boost());
}

} // namespace klscope::versions
