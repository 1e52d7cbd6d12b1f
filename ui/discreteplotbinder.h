#pragma once

// The one place where the discrete plots meet the document: the document's comparison, event labels,
// term toggles and editable custom sides go into the plots, and the distribution plot's bar drags come
// back as document edits (one undo step per drag). The plots themselves know no document.

class ContributionPlot;
class CumulativePlot;
class DistributionPlot;
class Document;

/// Gives the plots `document`'s current data now and after every change, and turns a bar drag on
/// `distributions` into setCustomMass edits merged into one undo step. Any plot may be null. The
/// connections live as long as both the document and the plot.
void bindDiscretePlots(Document *document, DistributionPlot *distributions, ContributionPlot *contributions,
                       CumulativePlot *cumulative);
