#include "report.h"

#include <cmath>
#include <cstdio>
#include <optional>

namespace klscope {

std::string jsonNumber(double x)
{
    if (std::isnan(x))
        return "null";
    if (std::isinf(x))
        return x > 0 ? "\"inf\"" : "\"-inf\"";
    if (x == 0.0) // -0 (0 times a negative log) is 0 to a reader
        return "0";
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

JsonObject &JsonObject::add(std::string_view key, std::string_view value)
{
    m_text += m_text.size() > 1 ? "," : "";
    m_text += jsonString(key);
    m_text += ':';
    m_text += value;
    return *this;
}

std::string JsonObject::close()
{
    m_text += '}';
    return std::move(m_text);
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

// 15 significant digits, "inf", "-inf", "n/a" for NaN (the continuous text report's numbers).
std::string valueText(double x)
{
    if (std::isnan(x))
        return "n/a";
    if (std::isinf(x))
        return x > 0 ? "inf" : "-inf";
    char buffer[40];
    std::snprintf(buffer, sizeof buffer, "%.15g", x);
    return buffer;
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

namespace {

// Collects output and hands it to the sink in pieces of about 64 KiB.
class ChunkedWriter
{
public:
    explicit ChunkedWriter(const TextSink &sink) : m_sink(sink) { m_buffer.reserve(kChunk + 4096); }
    ~ChunkedWriter() { flush(); }
    ChunkedWriter(const ChunkedWriter &) = delete;
    ChunkedWriter &operator=(const ChunkedWriter &) = delete;

    void write(std::string_view text)
    {
        m_buffer += text;
        if (m_buffer.size() >= kChunk)
            flush();
    }
    void flush()
    {
        if (!m_buffer.empty())
            m_sink(m_buffer);
        m_buffer.clear();
    }

private:
    static constexpr std::size_t kChunk = 64 * 1024;
    const TextSink &m_sink;
    std::string m_buffer;
};

std::string tailObject(const std::optional<TailBeyondSupport> &tail)
{
    return JsonObject().add("from", std::to_string(tail->from)).add("mass", jsonNumber(tail->mass)).close();
}

} // namespace

void addMetricBlock(JsonObject &out, const Summary &s)
{
    JsonObject methods, errors;
    for (const NamedMetric &m : kSummaryMetrics)
        out.add(m.key, jsonNumber((s.*m.metric).value));
    if (s.domain == Domain::Discrete) {
        // Every entropy of a discrete pair comes from the same pass, so one method names them all.
        out.add("methods", methods.add("kl_pq", jsonString(s.klPQ.method))
                               .add("kl_qp", jsonString(s.klQP.method))
                               .add("js", jsonString(s.js.method))
                               .add("entropy", jsonString(s.entropyP.method))
                               .close());
        return;
    }
    for (const NamedMetric &m : kSummaryMetrics) {
        methods.add(m.key, jsonString((s.*m.metric).method));
        errors.add(m.key, jsonNumber((s.*m.metric).error));
    }
    out.add("methods", methods.close()).add("error_estimates", errors.close());
}

std::string metricLines(const Summary &s)
{
    const std::string unit(unitName(s.unit));
    const bool discrete = s.domain == Domain::Discrete;
    // Discrete entropies are H, differential ones h.
    const struct
    {
        const char *label;
        const Metric &m;
        bool hasUnit;
    } rows[] = {{"KL(P||Q)", s.klPQ, true},
                {"KL(Q||P)", s.klQP, true},
                {"JS divergence", s.js, true},
                {"JS distance", s.jsDistance, false},
                {discrete ? "H(P)" : "h(P)", s.entropyP, true},
                {discrete ? "H(Q)" : "h(Q)", s.entropyQ, true},
                {"cross entropy H(P,Q)", s.crossEntropyPQ, true},
                {"cross entropy H(Q,P)", s.crossEntropyQP, true},
                {"total variation", s.totalVariation, false},
                {"Hellinger distance", s.hellinger, false}};
    std::string out;
    if (!discrete)
        out += "unit " + unit + "\n";
    for (const auto &r : rows) {
        if (discrete) {
            const std::string name(r.label);
            std::string suffix = r.hasUnit ? " " + unit : std::string();
            if (&r.m == &s.klPQ || &r.m == &s.klQP)
                suffix += r.m.method == "closed_form" ? "  (closed form)" : "";
            out += name + std::string(name.size() < 28 ? 28 - name.size() : 1, ' ') +
                   fixed(r.m.value, 22, 15) + suffix + "\n";
            continue;
        }
        char line[200];
        std::snprintf(line, sizeof line, "%-22s %22s %-5s  %-11s +- %.2g\n", r.label,
                      valueText(r.m.value).c_str(), r.hasUnit ? unit.c_str() : "", r.m.method.c_str(),
                      r.m.error);
        out += line;
    }
    return out;
}

void writeJson(const Comparison &c, bool withEvents, std::span<const std::string> labels,
               std::span<const std::string> notes, const TextSink &sink)
{
    const std::string support =
        std::string("[") + std::to_string(c.support.first) + "," + std::to_string(c.support.last) + "]";
    const std::string infinite =
        JsonObject().add("kl_pq", intList(c.infinitePQ)).add("kl_qp", intList(c.infiniteQP)).close();
    const std::string counts = JsonObject()
                                   .add("kl_pq", std::to_string(c.infinitePQCount))
                                   .add("kl_qp", std::to_string(c.infiniteQPCount))
                                   .close();

    JsonObject out;
    out.add("unit", jsonString(unitName(c.unit)))
        .add("support", support)
        .add("p_mass", jsonNumber(c.givenMassP))
        .add("q_mass", jsonNumber(c.givenMassQ))
        .add("p_outside", jsonNumber(c.outsideP))
        .add("q_outside", jsonNumber(c.outsideQ));
    addMetricBlock(out, summarize(c, labels));
    out.add("infinite_at", infinite).add("infinite_count", counts);
    if (c.tailPQ || c.tailQP) {
        JsonObject tails;
        if (c.tailPQ)
            tails.add("kl_pq", tailObject(c.tailPQ));
        if (c.tailQP)
            tails.add("kl_qp", tailObject(c.tailQP));
        out.add("infinite_beyond_support", tails.close());
    }
    out.add("warnings", stringArray(c.warnings));
    if (!notes.empty())
        out.add("notes", stringArray(notes));

    ChunkedWriter writer(sink);
    std::string head = out.close();
    if (!withEvents) {
        writer.write(head);
        writer.write("\n");
        return;
    }
    head.pop_back(); // the closing brace: the events follow
    writer.write(head);
    writer.write(",\"events\":[");
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
        if (i)
            writer.write(",");
        writer.write(e.close());
    }
    writer.write("]}\n");
}

std::string toJson(const Comparison &c, bool withEvents, std::span<const std::string> labels,
                   std::span<const std::string> notes)
{
    std::string out;
    writeJson(c, withEvents, labels, notes, [&out](std::string_view piece) { out += piece; });
    return out;
}

std::string terminalSafe(std::string_view s)
{
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size(); ++i) {
        const auto ch = static_cast<unsigned char>(s[i]);
        // C1 controls are U+0080..U+009F, in UTF-8 the two bytes C2 80..C2 9F.
        const bool c1 = ch == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) >= 0x80 &&
                        static_cast<unsigned char>(s[i + 1]) <= 0x9F;
        if (ch < 0x20 || ch == 0x7F || c1) {
            const unsigned code = c1 ? static_cast<unsigned char>(s[++i]) : ch;
            char buffer[8];
            std::snprintf(buffer, sizeof buffer, "\\x%02x", code);
            out += buffer;
        } else {
            out += s[i];
        }
    }
    return out;
}

void writeText(const Comparison &c, bool withEvents, std::span<const std::string> labels,
               const TextSink &sink)
{
    const std::string unit(unitName(c.unit));
    ChunkedWriter writer(sink);
    if (withEvents && c.klPQ.size() == c.p.size()) {
        writer.write(
            "       x              p              q      p log(p/q)      q log(q/p)         JS term");
        writer.write(labels.empty() ? "\n" : "  label\n");
        for (std::size_t i = 0; i < c.p.size(); ++i) {
            char x[32];
            std::snprintf(x, sizeof x, "%8lld",
                          static_cast<long long>(c.support.first + static_cast<std::int64_t>(i)));
            std::string row = x + fixed(c.p[i], 15, 6) + fixed(c.q[i], 15, 6) + fixed(c.klPQ[i], 16, 6) +
                              fixed(c.klQP[i], 16, 6) + fixed(c.js[i], 16, 6);
            if (const std::string *label = labelOf(labels, c.support.first + static_cast<std::int64_t>(i)))
                row.append("  ").append(terminalSafe(*label));
            row += "\n";
            writer.write(row);
        }
        writer.write("\n");
    }
    std::string out;
    auto line = [&](const std::string &name, double value, const std::string &suffix) {
        out += name + std::string(name.size() < 28 ? 28 - name.size() : 1, ' ') + fixed(value, 22, 15) +
               suffix + "\n";
    };
    out += "support " + std::to_string(c.support.first) + ".." + std::to_string(c.support.last) + " (" +
           std::to_string(c.support.size()) + " events), unit " + unit + "\n";
    line("mass of P on the support", c.givenMassP, "");
    line("mass of Q on the support", c.givenMassQ, "");
    out += metricLines(summarize(c, labels));
    auto infinite = [&](const char *what, const std::vector<std::int64_t> &events, std::size_t count,
                        const char *zero, const char *positive) {
        if (events.empty())
            return;
        out.append(what).append(" is infinite: ").append(zero).append(" = 0 where ").append(positive);
        out += " > 0 at x =";
        for (std::size_t i = 0; i < events.size() && i < 10; ++i)
            out.append(" ").append(std::to_string(events[i]));
        if (count > 10)
            out.append(" ... (").append(std::to_string(count)).append(" events)");
        out += "\n";
    };
    infinite("KL(P||Q)", c.infinitePQ, c.infinitePQCount, "Q", "P");
    infinite("KL(Q||P)", c.infiniteQP, c.infiniteQPCount, "P", "Q");
    if (c.tailPQ)
        out += explainTail("KL(P||Q)", "P", "Q", *c.tailPQ) + "\n";
    if (c.tailQP)
        out += explainTail("KL(Q||P)", "Q", "P", *c.tailQP) + "\n";
    for (const std::string &w : c.warnings)
        out += "warning: " + terminalSafe(w) + "\n";
    writer.write(out);
}

std::string toText(const Comparison &c, bool withEvents, std::span<const std::string> labels)
{
    std::string out;
    writeText(c, withEvents, labels, [&out](std::string_view piece) { out += piece; });
    return out;
}

} // namespace klscope
