#include "discreteplotbinder.h"

#include "contributionplot.h"
#include "cumulativeplot.h"
#include "distributionplot.h"
#include "document.h"

#include <variant>

namespace {

// The events whose mass can be dragged on a side: those of a custom distribution's mass list.
std::size_t editableEvents(const Document *document, Side side)
{
    const auto *custom = std::get_if<klscope::Custom>(&document->distribution(side));
    return custom ? custom->masses().size() : 0;
}

template <typename Plot> void feedTerms(const Document *document, Plot *plot)
{
    plot->setTermsVisible(document->isTermVisible(Term::KlPQ), document->isTermVisible(Term::KlQP),
                          document->isTermVisible(Term::Js));
}

template <typename Plot> void bindPlot(Document *document, Plot *plot)
{
    if (!plot)
        return;
    feedTerms(document, plot);
    plot->setComparison(document->sharedComparison(), document->eventLabels());
    QObject::connect(document, &Document::comparisonChanged, plot, [document, plot] {
        plot->setComparison(document->sharedComparison(), document->eventLabels());
    });
    QObject::connect(document, &Document::termVisibilityChanged, plot,
                     [document, plot] { feedTerms(document, plot); });
}

} // namespace

void bindDiscretePlots(Document *document, DistributionPlot *distributions, ContributionPlot *contributions,
                       CumulativePlot *cumulative)
{
    if (distributions) {
        const auto feedEditable = [document, distributions] {
            distributions->setEditable(0, editableEvents(document, Side::P));
            distributions->setEditable(1, editableEvents(document, Side::Q));
        };
        feedEditable();
        // Before the comparison reaches the plot: a drag starting on the new bars sees the new sides.
        QObject::connect(document, &Document::comparisonChanged, distributions, feedEditable);
        QObject::connect(distributions, &DistributionPlot::massDragStarted, document,
                         [document](int) { document->beginDrag(); });
        QObject::connect(distributions, &DistributionPlot::massDragged, document,
                         [document](int side, int event, double mass) {
                             document->setCustomMass(side == 0 ? Side::P : Side::Q, event, mass,
                                                     document->currentDrag());
                         });
        QObject::connect(distributions, &DistributionPlot::massDragFinished, document,
                         [document] { document->endDrag(); });
    }
    bindPlot(document, distributions);
    bindPlot(document, contributions);
    bindPlot(document, cumulative);
}
