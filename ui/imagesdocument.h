#pragma once

// The Images page's document: two images A and B (P and Q), their names, and how their histograms are
// taken (the channel and the number of bins, as in the image: spec, imagehistogram.h). Every edit is one
// ChangeValueCommand of the whole ImagesState (validate-then-push through DocumentBase): loading an
// image, shuffling A's pixels into B, choosing the channel or the bins. The histograms and every metric
// follow from the state (histogram(), summary()), so undo restores them too.

#include "documentbase.h"

#include <imagehistogram.h>
#include <summary.h>

#include <QImage>
#include <QString>

#include <optional>

/// Where a side's image came from, so a session can read it again: a file (or a resource, ":/images/...")
/// and, for a shuffled image, the seed its pixels were shuffled with.
struct ImageSource
{
    QString path;                       ///< absolute, or a resource path; "" for no image
    std::optional<quint32> shuffleSeed; ///< set when the image is the file's pixels shuffled

    bool operator==(const ImageSource &) const = default;
};

/// Everything the Images document holds. Equal states are the same document.
struct ImagesState
{
    QImage a, b;                  ///< P and Q; null when a side has no image (a session whose file is gone)
    QString nameA, nameB;         ///< "shapes.png", "A shuffled (seed 7)"
    ImageSource sourceA, sourceB; ///< where a and b came from
    klscope::import::ImageChannel channel = klscope::import::ImageChannel::Grey;
    unsigned bins = 256; ///< divides 256

    bool operator==(const ImagesState &) const = default;
};

/// A new image with exactly the pixels of `image` in a random order: a Fisher–Yates shuffle of its
/// pixels (as ARGB32) driven by QRandomGenerator(seed), so a seed gives the same picture every time.
/// Every level count, in every channel, stays the same.
QImage shufflePixels(const QImage &image, quint32 seed);

class ImagesDocument : public DocumentBase
{
    Q_OBJECT

public:
    /// Starts on the built-in example (resources/images: shapes.png against gradient.png).
    explicit ImagesDocument(QObject *parent = nullptr);

    const ImagesState &state() const { return m_state; }
    /// The image of side 0 (A, P) or 1 (B, Q), and its name.
    const QImage &image(int side) const { return side == 0 ? m_state.a : m_state.b; }
    const QString &name(int side) const { return side == 0 ? m_state.nameA : m_state.nameB; }
    /// The binned level counts of a side.
    const klscope::import::LevelHistogram &histogram(int side) const
    {
        return m_histograms[side == 0 ? 0 : 1];
    }
    /// Every metric of A against B, their histograms compared bin by bin (in nats).
    const klscope::Summary &summary() const { return m_summary; }

    /// The sentence saying why `state` cannot be held ("" when it can): bins that do not divide 256. A side
    /// may have no image (null): its histogram is empty and the metrics say so.
    static QString validate(const ImagesState &state);

    // Edits: each pushes one undo command or is refused with editRefused.
    /// Puts `image` (not null) on side 0 (A) or 1 (B), named `name`, read from `path`.
    bool setImage(int side, const QImage &image, const QString &name, const QString &path = {});
    /// Puts A's pixels, shuffled with `seed`, on B ("Shuffle pixels"); refused when A has no image.
    bool shuffle(quint32 seed);
    bool setChannel(klscope::import::ImageChannel channel);
    bool setBins(unsigned bins);
    /// A whole state at once (a lesson step), one undo step named `text`.
    bool setState(const ImagesState &state, const QString &text);
    /// Replaces the state without an undo step; the history is cleared and the document is clean.
    bool resetState(const ImagesState &state);

    /// The built-in example.
    static ImagesState exampleState();
    /// The name of `name`'s pixels shuffled with `seed`: "shapes.png shuffled (seed 7)".
    static QString shuffledName(const QString &name, quint32 seed);

signals:
    /// The state changed (an edit, an undo or a redo); histograms and summary are already updated.
    void stateChanged();

private:
    bool push(ImagesState next, const QString &text);
    void apply(const ImagesState &state);

    ImagesState m_state;
    klscope::import::LevelHistogram m_histograms[2];
    klscope::Summary m_summary;
};
