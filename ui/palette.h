#pragma once

// The colour-blind-safe palette (Okabe & Ito, "Color Universal Design", 2008). P and Q keep their
// colours in every view: plots, tables, metric labels and exported figures.

#include <QColor>

namespace klscope::palette {

QColor p();        ///< distribution P: blue
QColor q();        ///< distribution Q: vermillion
QColor klPQ();     ///< per-event p log(p/q): bluish green
QColor klQP();     ///< per-event q log(q/p): orange
QColor js();       ///< JS terms: reddish purple
QColor entropy();  ///< H(P) in the identity bar: sky blue
QColor infinite(); ///< markers of events that make a KL infinite: black
QColor withAlpha(const QColor &c, int alpha);

} // namespace klscope::palette
