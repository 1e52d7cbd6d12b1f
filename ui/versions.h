#pragma once

// The versions Help → About and `klscope --version` report: klscope's own and those of the libraries
// it is built with (Qt at run time, QCustomPlot and Boost at build time).

#include <QString>

namespace klscope::versions {

/// klscope's version, e.g. "0.1.0".
QString application();
/// The Qt the program runs with (qVersion()), e.g. "6.4.2".
QString qt();
/// The QCustomPlot the plots are drawn with, e.g. "2.1.0" (defined beside the plots, the only code
/// that includes QCustomPlot).
QString qcustomplot();
/// The Boost (Boost.Math) the core is built with, e.g. "1.74.0".
QString boost();
/// One line per component: "klscope 0.1.0", "Qt 6.4.2", "QCustomPlot 2.1.0", "Boost 1.74.0".
QString summary();

} // namespace klscope::versions
