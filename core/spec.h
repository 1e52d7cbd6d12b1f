#pragma once

// Text specs of distributions and supports, as the CLI and the preset files write them:
//     binomial:n=15,p=0.4   uniform:a=0,b=14   poisson:lambda=3.5   geometric:p=0.3
//     negative_binomial:r=5,p=0.4   hypergeometric:N=50,K=20,n=10   bernoulli:p=0.3
//     custom:0.2,0.5,0.3
// Numbers are C-locale decimals ("0.4", "1e-3") or fractions ("7/15").

#include "distribution.h"
#include "eventrange.h"

#include <string>
#include <string_view>

namespace klscope {

/// Parses a spec. Throws std::invalid_argument with a sentence naming the bad part
/// ("binomial: p='abc' is not a number", "binomial: missing parameter 'n'").
Distribution parseSpec(std::string_view spec);

/// The spec of d; parseSpec(formatSpec(d)) == d.
std::string formatSpec(const Distribution &d);

/// Parses a support "A..B" (whole numbers, A <= B). Throws std::invalid_argument otherwise.
EventRange parseSupport(std::string_view text);

/// s without leading blanks and tabs, and without trailing blanks, tabs, CR and LF.
std::string_view trimSpecText(std::string_view s) noexcept;

/// s in single quotes, for messages ("p='abc' is not a number").
std::string quoted(std::string_view s);

/// Parses a decimal or a fraction "a/b", each part by the rules of numbertext.h. Throws
/// std::invalid_argument naming `what` on failure ("binomial: p='1e309' is out of range (...)").
double parseNumber(std::string_view text, std::string_view what);

} // namespace klscope
