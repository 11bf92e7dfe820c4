// SPDX-License-Identifier: EUPL-1.2
// Whether the facilitator can move on now, and if not, what is missing in words a person can act
// on ("choose an issue together", not "this step is not done"). Asked of decide() itself.
#pragma once

#include "core/session/engine.hpp"

#include <optional>

namespace intervisie::core {

struct NextStepReadiness {
  bool ready = false;
  // What stands in the way: a specific code where the step's work is not done
  // (issue_not_chosen, rounds_still_open, …), else decide()'s own refusal (session_paused, …).
  std::optional<RefusalCode> missing;
  bool confirm = false; // a confirmed next_step would pass: only a soft rule stands in the way
  bool operator==(const NextStepReadiness&) const = default;
};

NextStepReadiness next_step_readiness(const SessionState& state, Instant now, Away away = {});

} // namespace intervisie::core
