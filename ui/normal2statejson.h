#pragma once

// The 2-D page's state as JSON, for a session's "pages": {"normal2": {...}} (session format 2):
//   {"p": {"mu1": 0, "mu2": 0, "var1": 1, "var2": 1, "cov": 0},
//    "q": {"mu1": 1, "mu2": -1, "var1": 2, "var2": 1, "cov": 0.5},
//    "mixture": [{"weight": 0.5, "mu1": -2, "mu2": 0, "var1": 1, "var2": 1, "cov": 0}, ...],
//    "mean_field": false, "reverse_integrand": false, "preset": "mean-field"}
// "mixture" (P as a mixture of bivariate normals, the bimodal-2d lesson; up to 64 components, each weight
// > 0) is written only when P is one. Every number of a side is required; "mixture", "mean_field",
// "reverse_integrand" and "preset" may be left out. A
// reader refuses what the document would refuse (a covariance matrix that is not positive definite) with a
// sentence naming the key ("pages.normal2.q: ...").

#include "normal2document.h"

#include <QJsonObject>
#include <QString>

#include <variant>

QJsonObject normal2StateToJson(const Normal2State &state);
/// The state in `object`, or a sentence naming the bad key (prefixed with `prefix`).
std::variant<Normal2State, QString>
normal2StateFromJson(const QJsonObject &object, const QString &prefix = QStringLiteral("pages.normal2."));
