#pragma once

// The one place where the continuous view meets the document: the document's continuous comparison and
// term toggles go into the view, and a drag of a mixture component's mean on the density plot comes
// back as setContinuous edits merged into one undo step. The view itself knows no document.

class ContinuousView;
class DiscretisationPanel;
class Document;
class MonteCarloPanel;

/// Gives `view` `document`'s continuous comparison now and after every change (nothing while the pair is
/// discrete), and turns a component drag into edits of that component's mean, one undo step per drag.
/// The connections live as long as both.
void bindContinuousView(Document *document, ContinuousView *view);

/// Gives `panel` the document's continuous comparison now and after every change; a new pair supersedes
/// its Monte Carlo run.
void bindMonteCarloPanel(Document *document, MonteCarloPanel *panel);

/// Gives `panel` the document's continuous comparison and bin width now and after every change, and turns
/// its width edits into setBinWidth (one undo step each).
void bindDiscretisationPanel(Document *document, DiscretisationPanel *panel);
