#pragma once

// A panel on a tab nobody looks at computes nothing: it keeps the input it was given last and takes it up
// when it is shown. DeferredInput holds that state for such a panel (the Monte Carlo and discretisation
// panels of the continuous page).

#include <optional>
#include <tuple>
#include <utility>

template <typename... Input> class DeferredInput
{
public:
    /// Whether the panel is shown (it starts shown).
    bool isActive() const { return m_active; }
    /// Keeps `input` for when the panel is shown; a later one replaces it.
    void hold(Input... input) { m_pending.emplace(std::move(input)...); }
    /// Records whether the panel is shown. When it has just been shown and holds an input, returns that
    /// input (once) for the panel to apply; otherwise nothing.
    std::optional<std::tuple<Input...>> setActive(bool active)
    {
        if (m_active == active)
            return std::nullopt;
        m_active = active;
        if (!active || !m_pending)
            return std::nullopt;
        std::optional<std::tuple<Input...>> taken = std::move(m_pending);
        m_pending.reset();
        return taken;
    }

private:
    bool m_active = true;
    std::optional<std::tuple<Input...>> m_pending;
};
