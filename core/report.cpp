#include "report.h"

#include <cmath>
#include <cstdio>

namespace klscope {

std::string jsonNumber(double x)
{
    if (std::isnan(x))
        return "null";
    if (std::isinf(x))
        return x > 0 ? "\"inf\"" : "\"-inf\"";
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.17g", x);
    return buffer;
}

std::string jsonString(std::string_view s)
{
    std::string out = "\"";
    for (const char ch : s) {
        switch (ch) {
        case '"':
            out += "\\\"";
            break;
        case '\\':
            out += "\\\\";
            break;
        case '\n':
            out += "\\n";
            break;
        case '\t':
            out += "\\t";
            break;
        default:
            if (static_cast<unsigned char>(ch) < 0x20) {
                char buffer[8];
                std::snprintf(buffer, sizeof buffer, "\\u%04x", ch);
                out += buffer;
            } else {
                out += ch;
            }
        }
    }
    return out + "\"";
}

namespace {

std::string intList(const std::vector<std::int64_t> &xs)
{
    std::string out = "[";
    for (std::size_t i = 0; i < xs.size(); ++i) {
        out += (i ? "," : "");
        out += std::to_string(xs[i]);
    }
    return out + "]";
}

// Appends "key":value members to one JSON object.
class JsonObject
{
public:
    JsonObject &add(std::string_view key, std::string_view value)
    {
        m_text += m_text.size() > 1 ? "," : "";
        m_text += jsonString(key);
        m_text += ':';
        m_text += value;
        return *this;
    }
    std::string close()
    {
        m_text += '}';
        return std::move(m_text);
    }

private:
    std::string m_text = "{";
};

std::string fixed(double x, int width, int precision)
{
    if (std::isinf(x))
        return std::string(static_cast<std::size_t>(std::max(0, width - 3)), ' ') + (x > 0 ? "inf" : "-inf");
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%*.*g", width, precision, x);
    return buffer;
}

// The label of event x, or nullptr when there is none.
const std::string *labelOf(std::span<const std::string> labels, std::int64_t x)
{
    return x >= 0 && static_cast<std::size_t>(x) < labels.size() ? &labels[static_cast<std::size_t>(x)]
                                                                 : nullptr;
}

std::string stringArray(std::span<const std::string> items)
{
    std::string out = "[";
    for (std::size_t i = 0; i < items.size(); ++i) {
        out += i ? "," : "";
        out += jsonString(items[i]);
    }
    return out + "]";
}

} // namespace

std::string toJson(const Comparison &c, bool withEvents, std::span<const std::string> labels,
                   std::span<const std::string> notes)
{
    const DivergenceTotals &t = c.totals;
    const std::string support =
        std::string("[") + std::to_string(c.support.first) + "," + std::to_string(c.support.last) + "]";
    const std::string methods = JsonObject()
                                    .add("kl_pq", jsonString(methodName(c.klPQMethod)))
                                    .add("kl_qp", jsonString(methodName(c.klQPMethod)))
                                    .add("js", jsonString("sum"))
                                    .add("entropy", jsonString("sum"))
                                    .close();
    const std::string infinite =
        JsonObject().add("kl_pq", intList(c.infinitePQ)).add("kl_qp", intList(c.infiniteQP)).close();
    const std::string warnings = stringArray(c.warnings);

    JsonObject out;
    out.add("unit", jsonString(unitName(c.unit)))
        .add("support", support)
        .add("p_mass", jsonNumber(c.givenMassP))
        .add("q_mass", jsonNumber(c.givenMassQ))
        .add("p_outside", jsonNumber(c.outsideP))
        .add("q_outside", jsonNumber(c.outsideQ))
        .add("kl_pq", jsonNumber(t.klPQ))
        .add("kl_qp", jsonNumber(t.klQP))
        .add("js", jsonNumber(t.js))
        .add("js_distance", jsonNumber(t.jsDistance))
        .add("h_p", jsonNumber(t.entropyP))
        .add("h_q", jsonNumber(t.entropyQ))
        .add("cross_entropy_pq", jsonNumber(t.crossEntropyPQ))
        .add("cross_entropy_qp", jsonNumber(t.crossEntropyQP))
        .add("total_variation", jsonNumber(t.totalVariation))
        .add("hellinger", jsonNumber(t.hellinger))
        .add("methods", methods)
        .add("infinite_at", infinite)
        .add("warnings", warnings);
    if (!notes.empty())
        out.add("notes", stringArray(notes));
    if (withEvents) {
        std::string events = "[";
        const bool terms = c.klPQ.size() == c.p.size();
        for (std::size_t i = 0; i < c.p.size(); ++i) {
            const std::int64_t x = c.support.first + static_cast<std::int64_t>(i);
            JsonObject e;
            e.add("x", std::to_string(x));
            if (const std::string *label = labelOf(labels, x))
                e.add("label", jsonString(*label));
            e.add("p", jsonNumber(c.p[i])).add("q", jsonNumber(c.q[i]));
            if (terms)
                e.add("kl_pq", jsonNumber(c.klPQ[i]))
                    .add("kl_qp", jsonNumber(c.klQP[i]))
                    .add("js", jsonNumber(c.js[i]));
            events += i ? "," : "";
            events += e.close();
        }
        events += ']';
        out.add("events", events);
    }
    return out.close() + "\n";
}

std::string toText(const Comparison &c, bool withEvents, std::span<const std::string> labels)
{
    const std::string unit(unitName(c.unit));
    const DivergenceTotals &t = c.totals;
    std::string out;
    if (withEvents && c.klPQ.size() == c.p.size()) {
        out += "       x              p              q      p log(p/q)      q log(q/p)         JS term";
        out += labels.empty() ? "\n" : "  label\n";
        for (std::size_t i = 0; i < c.p.size(); ++i) {
            char x[32];
            std::snprintf(x, sizeof x, "%8lld",
                          static_cast<long long>(c.support.first + static_cast<std::int64_t>(i)));
            out += x + fixed(c.p[i], 15, 6) + fixed(c.q[i], 15, 6) + fixed(c.klPQ[i], 16, 6) +
                   fixed(c.klQP[i], 16, 6) + fixed(c.js[i], 16, 6);
            if (const std::string *label = labelOf(labels, c.support.first + static_cast<std::int64_t>(i)))
                out.append("  ").append(*label);
            out += "\n";
        }
        out += "\n";
    }
    auto line = [&](const std::string &name, double value, const std::string &suffix) {
        out += name + std::string(name.size() < 28 ? 28 - name.size() : 1, ' ') + fixed(value, 22, 15) +
               suffix + "\n";
    };
    out += "support " + std::to_string(c.support.first) + ".." + std::to_string(c.support.last) + " (" +
           std::to_string(c.support.size()) + " events), unit " + unit + "\n";
    line("mass of P on the support", c.givenMassP, "");
    line("mass of Q on the support", c.givenMassQ, "");
    line("KL(P||Q)", t.klPQ, " " + unit + (c.klPQMethod == Method::ClosedForm ? "  (closed form)" : ""));
    line("KL(Q||P)", t.klQP, " " + unit + (c.klQPMethod == Method::ClosedForm ? "  (closed form)" : ""));
    line("JS divergence", t.js, " " + unit);
    line("JS distance", t.jsDistance, "");
    line("H(P)", t.entropyP, " " + unit);
    line("H(Q)", t.entropyQ, " " + unit);
    line("cross entropy H(P,Q)", t.crossEntropyPQ, " " + unit);
    line("cross entropy H(Q,P)", t.crossEntropyQP, " " + unit);
    line("total variation", t.totalVariation, "");
    line("Hellinger distance", t.hellinger, "");
    auto infinite = [&](const char *what, const std::vector<std::int64_t> &events, const char *zero,
                        const char *positive) {
        if (events.empty())
            return;
        out.append(what).append(" is infinite: ").append(zero).append(" = 0 where ").append(positive);
        out += " > 0 at x =";
        for (std::size_t i = 0; i < events.size() && i < 10; ++i)
            out.append(" ").append(std::to_string(events[i]));
        if (events.size() > 10)
            out.append(" ... (").append(std::to_string(events.size())).append(" events)");
        out += "\n";
    };
    infinite("KL(P||Q)", c.infinitePQ, "Q", "P");
    infinite("KL(Q||P)", c.infiniteQP, "P", "Q");
    for (const std::string &w : c.warnings)
        out += "warning: " + w + "\n";
    return out;
}

} // namespace klscope
