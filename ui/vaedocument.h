#pragma once

// The VAE page's document: an encoder's output as the page shows it, either an example (one mu and one
// ln sigma^2 per latent dimension, which the sliders edit) or a batch file's summary (each dimension's mean
// KL over the examples and its spread), and the collapse threshold. Every edit is one ChangeValueCommand of
// the whole VaeState (validate-then-push through DocumentBase); edits carrying one drag id merge into one
// step. The state also names the CSV file it was loaded from (until the example is edited) and the bars'
// order, so a session saves both.

#include "documentbase.h"
#include "filestamp.h"

#include <vaeterm.h>

#include <QString>

#include <cstddef>
#include <vector>

/// The order of the VAE page's bars.
enum class VaeOrder
{
    ByDimension, ///< dimension 1, 2, ..., d
    ByKl         ///< the largest KL first (ties by dimension)
};

/// Everything the VAE page's document holds. Equal states are the same document.
struct VaeState
{
    /// The example: mu_i and ln sigma_i^2 per latent dimension (equal lengths; empty when a batch is shown).
    std::vector<double> mu, logvar;
    /// A batch file's per-dimension mean KL and its spread (nats; empty for an example).
    std::vector<double> batchKl, batchSpread;
    /// The batch's rows (examples); 0 for an example.
    std::size_t batchRows = 0;
    /// A dimension whose KL is below this (nats, >= 0) counts as collapsed.
    double threshold = klscope::kDefaultCollapseThreshold;
    /// Where the state came from: a preset's name or a file's name ("" when edited since).
    QString source;
    /// The CSV file the example or batch was loaded from (empty for a preset, or once the example is edited).
    FileStamp file;
    /// The bars' order.
    VaeOrder order = VaeOrder::ByDimension;

    bool operator==(const VaeState &) const = default;

    /// True when the state is a batch summary, not an editable example.
    bool isBatch() const { return !batchKl.empty(); }
    /// The number of latent dimensions.
    std::size_t dimensions() const { return isBatch() ? batchKl.size() : mu.size(); }
};

class VaeDocument : public DocumentBase
{
    Q_OBJECT

public:
    explicit VaeDocument(QObject *parent = nullptr);

    const VaeState &state() const { return m_state; }
    /// Each dimension's KL in nats: vaeKlTerm(mu_i, logvar_i) for an example, the batch mean for a batch.
    const std::vector<double> &kl() const { return m_kl; }
    /// Each dimension's spread over the batch (nats; zeros for an example).
    std::vector<double> spread() const;
    /// The sum of kl(), nats.
    double total() const { return m_total; }
    /// The dimensions (0-based, in order) whose KL is below the threshold.
    std::vector<std::size_t> collapsed() const;

    /// The example the page starts with (preset "vae-collapse"): 16 dimensions, a few collapsed.
    static VaeState collapseExample();
    /// The sentence saying why `state` cannot be held ("" when it can).
    static QString validate(const VaeState &state);

    // Edits: each pushes one undo command (or merges into the current drag) or is refused with editRefused.
    /// mu of dimension `index` of the example.
    bool setMu(std::size_t index, double mu);
    /// ln sigma^2 of dimension `index` of the example.
    bool setLogvar(std::size_t index, double logvar);
    /// The collapse threshold in nats.
    bool setThreshold(double threshold);
    /// The bars' order.
    bool setOrder(VaeOrder order);
    /// A whole state at once (a preset), one undo step named `text`.
    bool setState(const VaeState &state, const QString &text);
    /// A loaded file's summary replaces the example or batch, one undo step: a per-dimension file becomes an
    /// editable example, a per-example file a batch. The threshold is kept.
    /// `file` is the stamp of the file read (saved with a session, which re-reads it).
    bool loadSummary(const klscope::VaeSummary &summary, const QString &fileName, const FileStamp &file = {});
    /// The state loadSummary() pushes: the summary of `fileName` with the threshold and order of `base`.
    static VaeState summaryState(const klscope::VaeSummary &summary, const QString &fileName,
                                 const FileStamp &file, const VaeState &base);
    /// Replaces the state without an undo step (the starting example); the history is cleared.
    bool resetState(const VaeState &state);

signals:
    /// The state changed (an edit, an undo or a redo).
    void stateChanged();

private:
    bool push(VaeState next, const QString &text, int mergeId);
    void apply(const VaeState &state);

    VaeState m_state;
    std::vector<double> m_kl;
    double m_total = 0.0;
};
