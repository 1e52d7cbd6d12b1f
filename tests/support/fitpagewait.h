#pragma once

// Waiting for the fitting lab's page (fitpage.h) in tests: its first fits, the fits after an edit, and its
// landscape at full resolution. Every wait is on a signal (QSignalSpy::wait), never a fixed sleep.

#include "fitpage.h"

#include <QSignalSpy>
#include <QString>
#include <QTest>

namespace fitpagewait {

/// How long a wait may take: two shared cores; a fit round normally takes well under a second.
constexpr int kTimeout = 60000;

/// The page's default target, ½N(−3,1) + ½N(3,1), as a spec.
inline const QString kBimodal = QStringLiteral("gmm:w1=0.5,mu1=-3,sigma1=1,w2=0.5,mu2=3,sigma2=1");

/// Runs `edit` and waits for the fits of the state it leaves (older rounds are dropped by the job runner).
template <class Edit> bool refit(FitPage &page, Edit edit)
{
    QSignalSpy spy(&page, &FitPage::fitsUpdated);
    edit();
    return spy.wait(kTimeout);
}

/// Shows the page (a hidden page computes nothing) and waits for its first fits.
inline bool waitFirstFit(FitPage &page)
{
    if (!page.isVisible()) {
        page.show();
        if (!QTest::qWaitForWindowExposed(&page))
            return false;
    }
    if (page.outcome())
        return true;
    QSignalSpy spy(&page, &FitPage::fitsUpdated);
    return spy.wait(kTimeout);
}

/// Waits until the page's landscape is at full resolution and nothing computes.
inline bool waitLandscape(FitPage &page)
{
    if (page.landscapeComplete() && !page.isBusy())
        return true;
    QSignalSpy spy(&page, &FitPage::landscapeUpdated);
    while (spy.wait(kTimeout))
        if (spy.last().first().toBool())
            return true;
    return false;
}

} // namespace fitpagewait
