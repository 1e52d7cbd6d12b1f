#include "continuousbinder.h"

#include "continuousview.h"
#include "corecall.h"
#include "discretisationpanel.h"
#include "document.h"
#include "montecarlopanel.h"

#include <continuousparameters.h>
#include <gaussianmixture.h>

#include <variant>

namespace {

void feed(const Document *document, ContinuousView *view)
{
    if (const ContinuousPair *pair = document->continuousPair())
        view->setComparison(document->sharedContinuousComparison(), *pair);
}

template <typename Panel> void feedPanel(const Document *document, Panel *panel)
{
    if (const ContinuousPair *pair = document->continuousPair())
        panel->setComparison(document->sharedContinuousComparison(), *pair);
    else // back in the discrete domain: no comparison, so no background work for a pair that is gone
        panel->setComparison(nullptr, ContinuousPair{});
}

template <typename Panel> void bindPanel(Document *document, Panel *panel)
{
    feedPanel(document, panel);
    for (auto signal : {&Document::comparisonChanged, &Document::domainChanged, &Document::optionsChanged})
        QObject::connect(document, signal, panel, [document, panel] { feedPanel(document, panel); });
}

void feedTerms(const Document *document, ContinuousView *view)
{
    view->setTermsVisible(document->isTermVisible(Term::KlPQ), document->isTermVisible(Term::KlQP),
                          document->isTermVisible(Term::Js));
}

} // namespace

void bindContinuousView(Document *document, ContinuousView *view)
{
    feedTerms(document, view);
    feed(document, view);
    QObject::connect(document, &Document::comparisonChanged, view,
                     [document, view] { feed(document, view); });
    QObject::connect(document, &Document::domainChanged, view, [document, view] { feed(document, view); });
    QObject::connect(document, &Document::termVisibilityChanged, view,
                     [document, view] { feedTerms(document, view); });

    QObject::connect(view, &ContinuousView::componentDragStarted, document,
                     [document](Side) { document->beginDrag(); });
    QObject::connect(
        view, &ContinuousView::componentMoved, document, [document](Side side, int component, double mu) {
            const ContinuousPair *pair = document->continuousPair();
            if (!pair)
                return;
            const auto *mixture = std::get_if<klscope::GaussianMixture>(&pair->distribution(side));
            if (!mixture || component < 0 || std::size_t(component) >= mixture->size())
                return;
            klscope::MixtureComponent c = mixture->components()[std::size_t(component)];
            if (c.mu == mu)
                return;
            c.mu = mu;
            if (const auto moved =
                    callCore([&] { return klscope::setComponent(*mixture, std::size_t(component), c); }))
                document->setContinuous(side, *moved, document->currentDrag());
        });
    QObject::connect(view, &ContinuousView::componentDragFinished, document,
                     [document] { document->endDrag(); });
}

void bindMonteCarloPanel(Document *document, MonteCarloPanel *panel)
{
    bindPanel(document, panel);
}

void bindDiscretisationPanel(Document *document, DiscretisationPanel *panel)
{
    bindPanel(document, panel);
    QObject::connect(panel, &DiscretisationPanel::binWidthEdited, document, [document](double h) {
        const ContinuousPair *pair = document->continuousPair();
        if (pair && pair->binWidth != h)
            document->setBinWidth(h);
    });
}
