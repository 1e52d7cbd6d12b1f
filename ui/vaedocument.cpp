#include "vaedocument.h"

#include "changevaluecommand.h"

#include <cmath>

namespace {

// Merge ids of the commands that fold a drag into one step.
enum MergeId
{
    MuMerge = 1,
    LogvarMerge,
    ThresholdMerge,
    OrderMerge
};

bool allFinite(const std::vector<double> &v)
{
    for (double x : v)
        if (!std::isfinite(x))
            return false;
    return true;
}

} // namespace

VaeDocument::VaeDocument(QObject *parent) : DocumentBase(parent)
{
    apply(collapseExample());
}

std::vector<double> VaeDocument::spread() const
{
    if (m_state.isBatch())
        return m_state.batchSpread;
    return std::vector<double>(m_kl.size(), 0.0);
}

std::vector<std::size_t> VaeDocument::collapsed() const
{
    std::vector<std::size_t> out;
    for (std::size_t i = 0; i < m_kl.size(); ++i)
        if (m_kl[i] < m_state.threshold)
            out.push_back(i);
    return out;
}

VaeState VaeDocument::collapseExample()
{
    // Sixteen latent dimensions of a trained encoder for one input: ten carry information (a mean away from 0
    // or a variance well below 1), four have collapsed onto the prior (mu ~ 0, sigma^2 ~ 1) and two sit near
    // the threshold.
    VaeState s;
    s.mu = {1.20, -0.80, 0.02,  2.10, -0.01, 0.45,  -1.60, 0.00,
            0.90, 0.03,  -0.30, 1.40, 0.08,  -2.40, 0.01,  0.60};
    s.logvar = {-1.50, -0.90, 0.05,  -2.80, -0.03, -0.40, -1.20, 0.02,
                -0.70, -0.10, -0.20, -1.90, 0.15,  -3.00, 0.01,  -0.60};
    s.source = QStringLiteral("vae-collapse");
    return s;
}

QString VaeDocument::validate(const VaeState &state)
{
    if (!(state.threshold >= 0.0) || !std::isfinite(state.threshold))
        return tr("The collapse threshold must be a finite number ≥ 0, got %1.").arg(state.threshold);
    if (state.mu.size() != state.logvar.size())
        return tr("The example needs one ln σ² per μ: %1 μ and %2 ln σ².")
            .arg(state.mu.size())
            .arg(state.logvar.size());
    if (state.batchKl.size() != state.batchSpread.size())
        return tr("The batch needs one spread per dimension.");
    if (state.isBatch() && !state.mu.empty())
        return tr("A state is an example or a batch, not both.");
    if (state.dimensions() == 0)
        return tr("There is no latent dimension.");
    if (state.dimensions() > klscope::kMaxVaeDimensions)
        return tr("At most %1 latent dimensions, got %2.")
            .arg(klscope::kMaxVaeDimensions)
            .arg(state.dimensions());
    if (!allFinite(state.mu) || !allFinite(state.logvar))
        return tr("Every μ and ln σ² must be a finite number.");
    return {};
}

bool VaeDocument::setMu(std::size_t index, double mu)
{
    if (index >= m_state.mu.size())
        return refuse(tr("The example has no dimension %1.").arg(index + 1));
    VaeState next = m_state;
    next.mu[index] = mu;
    next.source.clear();
    next.file = {};
    return push(std::move(next), tr("Change μ%1").arg(index + 1), MuMerge);
}

bool VaeDocument::setLogvar(std::size_t index, double logvar)
{
    if (index >= m_state.logvar.size())
        return refuse(tr("The example has no dimension %1.").arg(index + 1));
    VaeState next = m_state;
    next.logvar[index] = logvar;
    next.source.clear();
    next.file = {};
    return push(std::move(next), tr("Change ln σ²%1").arg(index + 1), LogvarMerge);
}

bool VaeDocument::setThreshold(double threshold)
{
    VaeState next = m_state;
    next.threshold = threshold;
    return push(std::move(next), tr("Change collapse threshold"), ThresholdMerge);
}

bool VaeDocument::setOrder(VaeOrder order)
{
    VaeState next = m_state;
    next.order = order;
    return push(std::move(next), order == VaeOrder::ByKl ? tr("Sort by KL") : tr("Sort by dimension"),
                OrderMerge);
}

bool VaeDocument::setState(const VaeState &state, const QString &text)
{
    return push(state, text, -1);
}

bool VaeDocument::loadSummary(const klscope::VaeSummary &summary, const QString &fileName,
                              const FileStamp &file)
{
    return push(summaryState(summary, fileName, file, m_state), tr("Load %1").arg(fileName), -1);
}

VaeState VaeDocument::summaryState(const klscope::VaeSummary &summary, const QString &fileName,
                                   const FileStamp &file, const VaeState &base)
{
    VaeState next;
    next.threshold = base.threshold;
    next.order = base.order;
    next.source = fileName;
    next.file = file;
    if (summary.layout == klscope::VaeLayout::PerDimension) {
        next.mu = summary.mu;
        next.logvar = summary.logvar;
    } else {
        next.batchKl = summary.kl;
        next.batchSpread = summary.spread;
        next.batchRows = summary.rows;
    }
    return next;
}

bool VaeDocument::resetState(const VaeState &state)
{
    return resetWith(validate(state), [&] { apply(state); });
}

bool VaeDocument::push(VaeState next, const QString &text, int mergeId)
{
    if (next == m_state)
        return true;
    auto *command = new ChangeValueCommand<VaeState>(
        text, m_state, next, [this](const VaeState &s) { apply(s); }, mergeId, currentDrag());
    return pushValidated(command, [&] { return validate(next); });
}

void VaeDocument::apply(const VaeState &state)
{
    m_state = state;
    m_kl = state.isBatch() ? state.batchKl : klscope::summarizeVae(state.mu, state.logvar).kl;
    m_total = 0.0;
    for (double k : m_kl)
        m_total += k;
    emit stateChanged();
}
