#include "vaeterm.h"

#include "gaussianclosedform.h"
#include "vectorstate.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <exception>
#include <filesystem>
#include <memory>
#include <optional>
#include <thread>

namespace klscope {

namespace {

std::string_view trim(std::string_view s) noexcept
{
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t'))
        s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r'))
        s.remove_suffix(1);
    return s;
}

std::string shown(std::string_view s)
{
    if (s.size() > 40)
        s = s.substr(0, 40);
    std::string out = "'";
    for (char c : s)
        out += (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) ? '?' : c;
    return out + "'";
}

// Clinger's fast path ("How to read floating point numbers accurately", PLDI 1990): a decimal of at most 19
// digits whose digits m are below 2^53 and whose exponent e has |e| <= 22 is exactly m * 10^e or m / 10^-e,
// one correctly rounded operation on two exact doubles, so the result is what from_chars gives. Returns the
// end of the number, or nullptr for anything else (the caller then asks from_chars).
const char *fastDecimal(const char *p, const char *end, double &out) noexcept
{
    static constexpr double powers[] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,
                                        1e8,  1e9,  1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
                                        1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};
    const bool negative = p < end && *p == '-';
    if (negative)
        ++p;
    std::uint64_t m = 0;
    int digits = 0, exponent = 0;
    while (p < end && *p >= '0' && *p <= '9') {
        m = m * 10 + std::uint64_t(*p++ - '0');
        ++digits;
    }
    if (p < end && *p == '.') {
        ++p;
        while (p < end && *p >= '0' && *p <= '9') {
            m = m * 10 + std::uint64_t(*p++ - '0');
            ++digits;
            --exponent;
        }
    }
    if (digits == 0 || digits > 19)
        return nullptr;
    if (p < end && (*p == 'e' || *p == 'E')) {
        ++p;
        const bool minus = p < end && *p == '-';
        if (p < end && (*p == '-' || *p == '+'))
            ++p;
        int e = 0, n = 0;
        while (p < end && *p >= '0' && *p <= '9' && n < 4) {
            e = e * 10 + (*p++ - '0');
            ++n;
        }
        if (n == 0 || n == 4)
            return nullptr;
        exponent += minus ? -e : e;
    }
    if (m > (std::uint64_t(1) << 53) || exponent < -22 || exponent > 22)
        return nullptr;
    const double v = exponent < 0 ? double(m) / powers[-exponent] : double(m) * powers[exponent];
    out = negative ? -v : v;
    return p;
}

// Reads the file line by line: the header, then the rows, keeping per-dimension running sums (Welford's
// mean and sum of squared deviations), never the rows.
class VaeReader
{
public:
    explicit VaeReader(std::string_view fileName) : m_name(fileName) {}

    /// One line without its newline; false once an error is set.
    bool line(std::string_view text)
    {
        ++m_line;
        if (m_line == 1 && text.starts_with("\xEF\xBB\xBF"))
            text.remove_prefix(3);
        text = trim(text);
        if (text.empty() || text.front() == '#')
            return true;
        return m_header ? row(text) : header(text);
    }

    VaeResult finish()
    {
        if (m_error)
            return *m_error;
        if (!m_header)
            return klscope::import::makeError(m_name, 0,
                                              "no header line (expected 'mu,logvar' or "
                                              "'mu_1,...,mu_d,logvar_1,...,logvar_d')");
        if (m_summary.rows == 0)
            return klscope::import::makeError(m_name, 0, "no data rows after the header");
        if (m_summary.layout == VaeLayout::PerDimension) {
            m_summary.spread.assign(m_summary.kl.size(), 0.0);
        } else {
            const double n = double(m_summary.rows);
            m_summary.total = 0.0;
            for (std::size_t i = 0; i < m_mean.size(); ++i) {
                m_summary.kl[i] = m_mean[i];
                m_summary.spread[i] = m_summary.rows > 1 ? std::sqrt(m_m2[i] / (n - 1.0)) : 0.0;
                m_summary.total += m_mean[i];
            }
            m_summary.totalSpread = m_summary.rows > 1 ? std::sqrt(m_totalM2 / (n - 1.0)) : 0.0;
        }
        return std::move(m_summary);
    }

    bool failed() const noexcept { return m_error.has_value(); }

    /// True once the header of the per-example layout is read: from then on each row stands alone, so a block
    /// of rows can be split between threads.
    bool splittable() const noexcept
    {
        return m_header && !m_error && m_summary.layout == VaeLayout::PerExample;
    }

    /// The number of lines read so far.
    std::size_t lineNumber() const noexcept { return m_line; }

    /// A reader for the rows after line `line`, with this one's header and empty sums.
    VaeReader continuation(std::size_t line) const
    {
        VaeReader r(m_name);
        r.m_line = line;
        r.m_header = true;
        r.m_columns = m_columns;
        r.m_summary.layout = m_summary.layout;
        const std::size_t d = m_mean.size();
        r.m_values.assign(m_columns, 0.0);
        r.m_mean.assign(d, 0.0);
        r.m_m2.assign(d, 0.0);
        r.m_summary.kl.assign(d, 0.0);
        r.m_summary.spread.assign(d, 0.0);
        return r;
    }

    /// Adds the rows `next` read after this reader's, merging the running means and sums of squared
    /// deviations pairwise (Chan, Golub & LeVeque, "Updating formulae and a pairwise algorithm for computing
    /// sample variances", 1979); takes `next`'s error when this reader has none.
    void absorb(const VaeReader &next)
    {
        if (m_error)
            return;
        if (next.m_error) {
            m_error = next.m_error;
            return;
        }
        m_line = next.m_line;
        if (next.m_summary.rows == 0)
            return;
        const double na = double(m_summary.rows), nb = double(next.m_summary.rows), n = na + nb;
        const double share = nb / n, cross = na * nb / n;
        for (std::size_t i = 0; i < m_mean.size(); ++i) {
            const double delta = next.m_mean[i] - m_mean[i];
            m_mean[i] += delta * share;
            m_m2[i] += next.m_m2[i] + delta * delta * cross;
        }
        const double delta = next.m_totalMean - m_totalMean;
        m_totalMean += delta * share;
        m_totalM2 += next.m_totalM2 + delta * delta * cross;
        m_summary.rows += next.m_summary.rows;
    }

private:
    bool fail(std::string_view what)
    {
        m_error = klscope::import::makeError(m_name, m_line, what);
        return false;
    }

    bool header(std::string_view text)
    {
        std::vector<std::string_view> cells;
        std::size_t start = 0;
        while (true) {
            const std::size_t comma = text.find(',', start);
            cells.push_back(
                trim(text.substr(start, comma == std::string_view::npos ? comma : comma - start)));
            if (comma == std::string_view::npos)
                break;
            start = comma + 1;
            if (cells.size() > 2 * kMaxVaeDimensions)
                return fail("more than " + std::to_string(2 * kMaxVaeDimensions) + " columns: at most d = " +
                            std::to_string(kMaxVaeDimensions) + " latent dimensions");
        }
        m_header = true;
        if (cells.size() == 2 && cells[0] == "mu" && cells[1] == "logvar") {
            m_summary.layout = VaeLayout::PerDimension;
            m_columns = 2;
            return true;
        }
        if (cells.size() % 2 != 0 || cells.size() < 2)
            return fail("the header must be 'mu,logvar' or 'mu_1,...,mu_d,logvar_1,...,logvar_d' (found " +
                        std::to_string(cells.size()) + " columns)");
        const std::size_t d = cells.size() / 2;
        for (std::size_t i = 0; i < 2 * d; ++i) {
            const std::string expected = (i < d ? "mu_" : "logvar_") + std::to_string(i % d + 1);
            if (cells[i] != expected)
                return fail("column " + std::to_string(i + 1) + " of the header is " + shown(cells[i]) +
                            ", expected '" + expected +
                            "' (the layout 'mu_1,...,mu_d,logvar_1,...,logvar_d')");
        }
        m_summary.layout = VaeLayout::PerExample;
        m_columns = 2 * d;
        m_values.assign(m_columns, 0.0);
        m_mean.assign(d, 0.0);
        m_m2.assign(d, 0.0);
        m_summary.kl.assign(d, 0.0);
        m_summary.spread.assign(d, 0.0);
        return true;
    }

    bool row(std::string_view text)
    {
        std::size_t column = 0;
        const char *p = text.data();
        const char *const end = text.data() + text.size();
        double pair[2] = {0.0, 0.0};
        while (true) {
            if (column >= m_columns)
                return fail("more than the header's " + std::to_string(m_columns) + " columns");
            while (p < end && (*p == ' ' || *p == '\t'))
                ++p;
            if (p < end && *p == '+')
                ++p;
            double v = 0.0;
            const char *q = fastDecimal(p, end, v);
            std::errc ec{};
            if (q == nullptr) {
                const auto parsed = std::from_chars(p, end, v);
                q = parsed.ptr;
                ec = parsed.ec;
            }
            while (q < end && (*q == ' ' || *q == '\t'))
                ++q;
            if (ec != std::errc() || (q < end && *q != ',')) {
                const char *cellEnd = p;
                while (cellEnd < end && *cellEnd != ',')
                    ++cellEnd;
                return fail(shown(std::string_view(p, std::size_t(cellEnd - p))) +
                            " is not a number (column " + std::to_string(column + 1) + ")");
            }
            if (!std::isfinite(v))
                return fail("the value in column " + std::to_string(column + 1) + " is not finite");
            if (m_summary.layout == VaeLayout::PerDimension)
                pair[column] = v;
            else
                m_values[column] = v;
            ++column;
            if (q == end)
                break;
            p = q + 1;
        }
        if (column != m_columns)
            return fail(std::to_string(column) + " columns where the header has " +
                        std::to_string(m_columns));
        ++m_summary.rows;
        if (m_summary.layout == VaeLayout::PerDimension) {
            if (m_summary.kl.size() >= kMaxVaeDimensions)
                return fail("more than " + std::to_string(kMaxVaeDimensions) + " latent dimensions (rows)");
            const double term = vaeKlTerm(pair[0], pair[1]);
            m_summary.kl.push_back(term);
            m_summary.mu.push_back(pair[0]);
            m_summary.logvar.push_back(pair[1]);
            m_summary.total += term;
            return true;
        }
        const std::size_t d = m_mean.size();
        const double inverseRows = 1.0 / double(m_summary.rows);
        double total = 0.0;
        for (std::size_t i = 0; i < d; ++i) {
            const double term = vaeKlTerm(m_values[i], m_values[d + i]);
            total += term;
            const double delta = term - m_mean[i];
            m_mean[i] += delta * inverseRows;
            m_m2[i] += delta * (term - m_mean[i]);
        }
        const double delta = total - m_totalMean;
        m_totalMean += delta * inverseRows;
        m_totalM2 += delta * (total - m_totalMean);
        return true;
    }

    std::string m_name;
    std::size_t m_line = 0;
    bool m_header = false;
    std::size_t m_columns = 0;
    std::vector<double> m_values, m_mean, m_m2;
    double m_totalMean = 0.0, m_totalM2 = 0.0;
    VaeSummary m_summary;
    std::optional<klscope::import::ImportError> m_error;
}; // namespace

} // namespace

double vaeKlTerm(double mu, double logvar) noexcept
{
    return 0.5 * (mu * mu + expm1MinusX(logvar));
}

VaeSummary summarizeVae(std::span<const double> mu, std::span<const double> logvar)
{
    VaeSummary s;
    s.rows = mu.size();
    for (std::size_t i = 0; i < mu.size() && i < logvar.size(); ++i) {
        s.kl.push_back(vaeKlTerm(mu[i], logvar[i]));
        s.total += s.kl.back();
    }
    s.spread.assign(s.kl.size(), 0.0);
    s.mu.assign(mu.begin(), mu.begin() + std::ptrdiff_t(s.kl.size()));
    s.logvar.assign(logvar.begin(), logvar.begin() + std::ptrdiff_t(s.kl.size()));
    return s;
}

// Hands the complete lines of `text` (each ending in a newline) to `reader`.
static void feed(VaeReader &reader, std::string_view text)
{
    while (!text.empty() && !reader.failed()) {
        const std::size_t newline = text.find('\n');
        reader.line(text.substr(0, newline));
        text = newline == std::string_view::npos ? std::string_view() : text.substr(newline + 1);
    }
}

VaeResult parseVaeCsv(std::string_view text, std::string_view fileName)
{
    clearUpperVectorState();
    VaeReader reader(fileName);
    while (!text.empty() && !reader.failed()) {
        const std::size_t newline = text.find('\n');
        reader.line(text.substr(0, newline));
        text = newline == std::string_view::npos ? std::string_view() : text.substr(newline + 1);
    }
    return reader.finish();
}

VaeResult loadVaeCsv(const std::string &path, const VaeLoadProgress &progress)
{
    clearUpperVectorState();
    const std::unique_ptr<std::FILE, int (*)(std::FILE *)> file(std::fopen(path.c_str(), "rb"), &std::fclose);
    if (!file)
        return klscope::import::makeError(path, 0, "cannot open the file for reading");
    VaeReader reader(path);
    constexpr std::size_t kBlock = std::size_t(8) << 20;
    // Blocks of rows of the per-example layout above this size are split between two threads.
    constexpr std::size_t kSplit = std::size_t(1) << 20;
    std::vector<char> buffer(kBlock);
    std::string carry; // the unfinished line at a block's end
    std::error_code sizeError;
    const auto bytes = std::filesystem::file_size(path, sizeError);
    std::size_t done = 0;
    while (!reader.failed()) {
        if (progress &&
            !progress(sizeError || bytes == 0 ? 0.0 : std::min(1.0, double(done) / double(bytes))))
            return klscope::import::makeError(path, 0, "loading cancelled");
        const std::size_t got = std::fread(buffer.data(), 1, kBlock, file.get());
        clearUpperVectorState(); // whatever the C library's copy used
        if (got == 0)
            break;
        done += got;
        std::string_view block(buffer.data(), got);
        if (!carry.empty()) {
            const std::size_t newline = block.find('\n');
            carry.append(block.substr(0, newline));
            if (newline == std::string_view::npos)
                continue;
            reader.line(carry);
            carry.clear();
            block.remove_prefix(newline + 1);
        }
        const std::size_t last = block.rfind('\n');
        const std::string_view complete =
            last == std::string_view::npos ? std::string_view() : block.substr(0, last + 1);
        carry.assign(block.substr(complete.size()));
        if (reader.splittable() && complete.size() > kSplit) {
            const std::size_t middle = complete.find('\n', complete.size() / 2) + 1;
            const std::string_view first = complete.substr(0, middle), second = complete.substr(middle);
            VaeReader next = reader.continuation(reader.lineNumber() +
                                                 std::size_t(std::count(first.begin(), first.end(), '\n')));
            std::exception_ptr failure;
            std::thread helper([&] {
                try {
                    clearUpperVectorState();
                    feed(next, second);
                } catch (...) {
                    failure = std::current_exception();
                }
            });
            std::exception_ptr ownFailure;
            try {
                feed(reader, first);
            } catch (...) {
                ownFailure = std::current_exception();
            }
            helper.join();
            if (ownFailure)
                std::rethrow_exception(ownFailure);
            if (failure)
                std::rethrow_exception(failure);
            reader.absorb(next);
        } else {
            feed(reader, complete);
        }
        if (carry.size() > (std::size_t(64) << 20))
            return klscope::import::makeError(path, 0,
                                              "a line longer than 64 MiB: not a CSV file of encoder output");
    }
    if (std::ferror(file.get()))
        return klscope::import::makeError(path, 0, "the file could not be read to its end");
    if (!carry.empty() && !reader.failed())
        reader.line(carry);
    return reader.finish();
}

std::vector<std::size_t> collapsedDimensions(const VaeSummary &s, double threshold)
{
    std::vector<std::size_t> out;
    for (std::size_t i = 0; i < s.kl.size(); ++i)
        if (s.kl[i] < threshold)
            out.push_back(i);
    return out;
}

} // namespace klscope
