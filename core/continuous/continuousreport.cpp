#include "continuousreport.h"

#include "continuoussummary.h"
#include "report.h"

#include <cmath>
#include <cstdio>

namespace klscope {

namespace {

std::string array(std::span<const double> xs)
{
    std::string out = "[";
    for (std::size_t i = 0; i < xs.size(); ++i) {
        out += i ? "," : "";
        out += jsonNumber(xs[i]);
    }
    return out + "]";
}

std::string interval(const Interval &i)
{
    // Appended piece by piece: GCC 12 warns falsely (-Wrestrict) on "literal" + std::string chains.
    std::string out("[");
    out.append(jsonNumber(i.low)).append(",").append(jsonNumber(i.high)).append("]");
    return out;
}

// The intervals where A's density is positive and B's is 0.
std::string uncovered(const Interval &a, const Interval &b)
{
    std::string out = "[";
    if (a.low < b.low)
        out += interval({a.low, std::fmin(a.high, b.low)});
    if (a.high > b.high) {
        if (out.size() > 1)
            out += ',';
        out += interval({std::fmax(a.low, b.high), a.high});
    }
    return out + "]";
}

std::string optionalNumber(const std::optional<double> &x)
{
    return x ? jsonNumber(*x) : "null";
}

std::string routes(const MixtureRoutes &r, const MetricValue &quadrature)
{
    return JsonObject()
        .add("quadrature", jsonNumber(quadrature.value))
        .add("monte_carlo", optionalNumber(r.monteCarlo))
        .add("standard_error", optionalNumber(r.standardError))
        .add("variational", optionalNumber(r.variational))
        .add("lower_bound", optionalNumber(r.lowerBound))
        .add("upper_bound", optionalNumber(r.upperBound))
        .close();
}

std::string text(double x)
{
    if (std::isnan(x))
        return "n/a";
    if (std::isinf(x))
        return x > 0 ? "inf" : "-inf";
    char buffer[40];
    std::snprintf(buffer, sizeof buffer, "%.15g", x);
    return buffer;
}

} // namespace

std::string toJson(const ContinuousComparison &c, bool withGrid, std::span<const std::string> notes)
{
    JsonObject out;
    const Interval hull{std::fmin(c.supportP.low, c.supportQ.low),
                        std::fmax(c.supportP.high, c.supportQ.high)};
    out.add("unit", jsonString(unitName(c.unit)))
        .add("support", interval(hull))
        .add("support_p", interval(c.supportP))
        .add("support_q", interval(c.supportQ))
        .add("p_mass", "1")
        .add("q_mass", "1")
        .add("p_outside", "0")
        .add("q_outside", "0");
    addMetricBlock(out, summarize(c));
    out.add("infinite_at", JsonObject()
                               .add("kl_pq", uncovered(c.supportP, c.supportQ))
                               .add("kl_qp", uncovered(c.supportQ, c.supportP))
                               .close());
    out.add("explanations",
            JsonObject()
                .add("kl_pq", c.infinitePQ.empty() ? std::string("null") : jsonString(c.infinitePQ))
                .add("kl_qp", c.infiniteQP.empty() ? std::string("null") : jsonString(c.infiniteQP))
                .close());
    std::string warnings = "[";
    for (const std::string &w : c.warnings) {
        if (warnings.size() > 1)
            warnings += ',';
        warnings += jsonString(w);
    }
    out.add("warnings", warnings + "]");
    if (!notes.empty()) {
        std::string n = "[";
        for (const std::string &s : notes) {
            if (n.size() > 1)
                n += ',';
            n += jsonString(s);
        }
        out.add("notes", n + "]");
    }
    if (c.mixture)
        out.add("mixture", JsonObject()
                               .add("samples", std::to_string(c.mixture->samples))
                               .add("seed", std::to_string(c.mixture->seed))
                               .add("kl_pq", routes(c.mixture->pq, c.klPQ))
                               .add("kl_qp", routes(c.mixture->qp, c.klQP))
                               .close());
    if (withGrid)
        out.add("grid", JsonObject()
                            .add("x", array(c.grid.x))
                            .add("p", array(c.grid.p))
                            .add("q", array(c.grid.q))
                            .add("kl_pq", array(c.grid.klPQ))
                            .add("kl_qp", array(c.grid.klQP))
                            .add("js", array(c.grid.js))
                            .close());
    return out.close() + "\n";
}

std::string toText(const ContinuousComparison &c, bool withGrid)
{
    std::string out;
    if (withGrid && !c.grid.x.empty()) {
        out += "               x               p(x)               q(x)     p ln(p/q)     q ln(q/p)       JS "
               "term\n";
        for (std::size_t i = 0; i < c.grid.x.size(); ++i) {
            char line[200];
            std::snprintf(line, sizeof line, "%16.8g %18.10g %18.10g %13.6g %13.6g %13.6g\n", c.grid.x[i],
                          c.grid.p[i], c.grid.q[i], c.grid.klPQ[i], c.grid.klQP[i], c.grid.js[i]);
            out += line;
        }
        out += "\n";
    }
    out += metricLines(summarize(c));
    if (c.mixture) {
        out += "\nmixture routes (" + std::to_string(c.mixture->samples) + " Monte Carlo samples, seed " +
               std::to_string(c.mixture->seed) + ")\n";
        for (const auto &[label, r] :
             {std::pair{"KL(P||Q)", &c.mixture->pq}, std::pair{"KL(Q||P)", &c.mixture->qp}}) {
            out +=
                std::string("  ") + label + ": Monte Carlo " +
                (r->monteCarlo ? text(*r->monteCarlo) + " +- " + text(*r->standardError)
                               : std::string("n/a")) +
                ", variational " + (r->variational ? text(*r->variational) : std::string("n/a")) +
                ", bounds " +
                (r->lowerBound ? std::string("[") + text(*r->lowerBound) + ", " + text(*r->upperBound) + "]"
                               : std::string("n/a")) +
                "\n";
        }
    }
    for (const std::string &w : c.warnings)
        out += "warning: " + w + "\n";
    return out;
}

} // namespace klscope
