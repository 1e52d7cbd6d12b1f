#pragma once

// Step-by-step optimisation of a fit objective (fitter.h's fitValue: KL(P||Q), KL(Q||P) or Minka's
// alpha-divergence) for teaching: gradient descent or Adam in the unconstrained coordinates u (fitfamily.h:
// log sigma, logit p ...), one iteration per step() so a view can animate it.
//   * The gradient is a central difference on the objective, g_i = (f(u + h e_i) - f(u - h e_i)) / (2 h)
//     with h = 1e-5 max(1, |u_i|) (2 d evaluations per step; the objective has no closed-form gradient for
//     most families). Its error is ~h^2 from truncation plus the objective's own rounding noise over h,
//     ~1e-8 in all. Where one side is not finite, a one-sided difference is taken.
//   * Gradient descent: u <- u - rate g. If the loss at the new point is not finite (a step into a region
//     where KL is infinite), the step is halved, up to 40 times, and the halving is kept for later steps.
//   * Adam (Kingma and Ba, "Adam: a method for stochastic optimization", ICLR 2015, algorithm 1):
//     m <- b1 m + (1 - b1) g, v <- b2 v + (1 - b2) g^2, u <- u - rate m^ / (sqrt(v^) + eps), with the bias
//     corrections m^ = m / (1 - b1^t), v^ = v / (1 - b2^t); the same halving on a non-finite loss.
//   * Stops (finished() turns true) when the gradient's Euclidean norm in the coordinates falls below
//     `tolerance` (Converged), after `maxSteps` steps (MaxSteps), or when no finite point can be reached
//     or the gradient is not finite (Failed). A finished descent's step() changes nothing.

#include "fitter.h"

#include <cstddef>
#include <memory>
#include <span>
#include <vector>

namespace klscope {

enum class DescentMethod
{
    GradientDescent,
    Adam
};

struct DescentOptions
{
    DescentMethod method = DescentMethod::GradientDescent;
    double learningRate = 0.1; ///< in coordinate units per unit of gradient (GD) or per step (Adam)
    double tolerance = 1e-6;   ///< stop when |gradient| < tolerance (nats per coordinate unit)
    std::size_t maxSteps = 10000;
    double beta1 = 0.9, beta2 = 0.999, epsilon = 1e-8; ///< Adam's constants (Kingma and Ba's defaults)
};

enum class DescentStatus
{
    Running,
    Converged, ///< the gradient norm fell below the tolerance
    MaxSteps,  ///< maxSteps steps were taken
    Failed     ///< the start or every trial point has a non-finite objective, or the gradient is not finite
};

/// Where a descent is after some steps.
struct DescentState
{
    std::vector<double> parameters; ///< every parameter (fixed ones included), fitParameters order
    double loss = 0.0;              ///< the objective at parameters, nats
    double gradientNorm = 0.0;      ///< Euclidean norm of the gradient in the free coordinates
    std::size_t iteration = 0;      ///< steps taken (0 at the start)
};

class Descent
{
public:
    /// Starts at `start` (every parameter, fixed ones included; the fixed ones are overwritten by the
    /// objective's fixed values). Throws std::invalid_argument for a start of the wrong length, outside the
    /// parameters' ranges, a learning rate that is not positive and finite, or alpha outside [0, 1]. A start
    /// where the objective is not finite gives a descent that is finished at once (Failed).
    Descent(std::shared_ptr<const FitObjective> objective, FitDirection direction,
            std::span<const double> start, const DescentOptions &options = {}, double alpha = 1.0);

    /// One iteration; returns the state after it (the same state when finished()).
    const DescentState &step();
    const DescentState &state() const noexcept { return m_state; }
    /// Every state from the start on: path().size() == state().iteration + 1.
    const std::vector<DescentState> &path() const noexcept { return m_path; }
    DescentStatus status() const noexcept { return m_status; }
    bool finished() const noexcept { return m_status != DescentStatus::Running; }
    FitDirection direction() const noexcept { return m_direction; }
    const DescentOptions &options() const noexcept { return m_options; }

private:
    double loss(std::span<const double> u);
    /// The gradient at u (whose loss is f0) into m_gradient; false when it is not finite.
    bool gradient(std::span<const double> u, double f0);
    /// Fills m_state from m_u, m_loss and m_gradient.
    void record();

    std::shared_ptr<const FitObjective> m_objective;
    FitDirection m_direction;
    double m_alpha;
    DescentOptions m_options;
    DescentStatus m_status = DescentStatus::Running;
    std::vector<double> m_parameters; ///< scratch: the full vector at the coordinates being evaluated
    std::vector<double> m_u, m_gradient, m_trial, m_m, m_v;
    double m_loss = 0.0;
    double m_rateScale = 1.0; ///< halvings kept after a step into a non-finite region
    DescentState m_state;
    std::vector<DescentState> m_path;
};

} // namespace klscope
