// Gradient descent and Adam, one step at a time (the method is described in descent.h).

#include "descent.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>
#include <string>

namespace klscope {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr int kHalvings = 40;

double differenceStep(double u)
{
    return 1e-5 * std::max(1.0, std::fabs(u));
}

} // namespace

Descent::Descent(std::shared_ptr<const FitObjective> objective, FitDirection direction,
                 std::span<const double> start, const DescentOptions &options, double alpha)
    : m_objective(std::move(objective)), m_direction(direction), m_alpha(alpha), m_options(options)
{
    if (!m_objective)
        throw std::invalid_argument("a descent needs an objective");
    if (!(options.learningRate > 0.0) || !std::isfinite(options.learningRate))
        throw std::invalid_argument("the learning rate must be positive and finite, got " +
                                    std::to_string(options.learningRate));
    if (direction == FitDirection::Forward)
        m_alpha = 1.0;
    else if (direction == FitDirection::Reverse)
        m_alpha = 0.0;
    else if (!(alpha >= 0.0 && alpha <= 1.0))
        throw std::invalid_argument("alpha must lie in [0, 1], got " + std::to_string(alpha));
    const auto info = fitParameters(m_objective->family());
    if (start.size() != info.size())
        throw std::invalid_argument("a start for " + std::string(fitFamilyKeyword(m_objective->family())) +
                                    " needs " + std::to_string(info.size()) + " parameters, got " +
                                    std::to_string(start.size()));
    const auto fixed = m_objective->fixedValues();
    m_parameters.assign(fixed.begin(), fixed.end());
    for (const std::size_t i : m_objective->freeIndices()) {
        const double u = toCoordinate(info[i].kind, start[i]);
        if (!std::isfinite(u))
            throw std::invalid_argument("the start's " + std::string(info[i].name) + " = " +
                                        std::to_string(start[i]) + " is outside its range");
        m_u.push_back(u);
    }
    const std::size_t d = m_u.size();
    m_gradient.assign(d, 0.0);
    m_trial.assign(d, 0.0);
    m_m.assign(d, 0.0);
    m_v.assign(d, 0.0);
    m_loss = loss(m_u);
    if (!std::isfinite(m_loss) || !gradient(m_u, m_loss))
        m_status = DescentStatus::Failed;
    record();
    if (m_status == DescentStatus::Running && m_state.gradientNorm < m_options.tolerance)
        m_status = DescentStatus::Converged;
}

double Descent::loss(std::span<const double> u)
{
    const auto info = fitParameters(m_objective->family());
    const auto free = m_objective->freeIndices();
    for (std::size_t i = 0; i < free.size(); ++i)
        m_parameters[free[i]] = fromCoordinate(info[free[i]].kind, u[i]);
    return fitValue(*m_objective, m_direction, m_alpha, m_parameters);
}

bool Descent::gradient(std::span<const double> u, double f0)
{
    std::vector<double> x(u.begin(), u.end());
    for (std::size_t i = 0; i < x.size(); ++i) {
        const double h = differenceStep(u[i]);
        x[i] = u[i] + h;
        const double up = loss(x);
        x[i] = u[i] - h;
        const double down = loss(x);
        x[i] = u[i];
        if (std::isfinite(up) && std::isfinite(down))
            m_gradient[i] = (up - down) / (2.0 * h);
        else if (std::isfinite(up))
            m_gradient[i] = (up - f0) / h;
        else if (std::isfinite(down))
            m_gradient[i] = (f0 - down) / h;
        else
            m_gradient[i] = kNaN;
        if (!std::isfinite(m_gradient[i]))
            return false;
    }
    return true;
}

void Descent::record()
{
    loss(m_u); // leaves the full parameter vector of m_u in m_parameters
    m_state.parameters = m_parameters;
    m_state.loss = m_loss;
    double norm = 0.0;
    for (const double g : m_gradient)
        norm += g * g;
    m_state.gradientNorm = std::sqrt(norm);
    m_path.push_back(m_state);
}

const DescentState &Descent::step()
{
    if (finished())
        return m_state;
    const std::size_t d = m_u.size();
    const double t = static_cast<double>(m_state.iteration + 1);
    // The direction of the step (before the rate): the gradient, or Adam's corrected moment ratio.
    std::vector<double> direction(m_gradient);
    if (m_options.method == DescentMethod::Adam) {
        const double c1 = 1.0 - std::pow(m_options.beta1, t), c2 = 1.0 - std::pow(m_options.beta2, t);
        for (std::size_t i = 0; i < d; ++i) {
            m_m[i] = m_options.beta1 * m_m[i] + (1.0 - m_options.beta1) * m_gradient[i];
            m_v[i] = m_options.beta2 * m_v[i] + (1.0 - m_options.beta2) * m_gradient[i] * m_gradient[i];
            direction[i] = (m_m[i] / c1) / (std::sqrt(m_v[i] / c2) + m_options.epsilon);
        }
    }
    double next = kNaN;
    for (int halving = 0; halving <= kHalvings; ++halving) {
        const double rate = m_options.learningRate * m_rateScale;
        for (std::size_t i = 0; i < d; ++i)
            m_trial[i] = m_u[i] - rate * direction[i];
        next = loss(m_trial);
        if (std::isfinite(next))
            break;
        m_rateScale *= 0.5;
    }
    if (!std::isfinite(next)) {
        m_status = DescentStatus::Failed;
        return m_state;
    }
    m_u = m_trial;
    m_loss = next;
    const bool finite = gradient(m_u, m_loss);
    ++m_state.iteration;
    record();
    if (!finite)
        m_status = DescentStatus::Failed;
    else if (m_state.gradientNorm < m_options.tolerance)
        m_status = DescentStatus::Converged;
    else if (m_state.iteration >= m_options.maxSteps)
        m_status = DescentStatus::MaxSteps;
    return m_state;
}

} // namespace klscope
