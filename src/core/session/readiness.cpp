// SPDX-License-Identifier: EUPL-1.2
#include "core/session/readiness.hpp"

#include "core/session/decision.hpp"

namespace intervisie::core {

NextStepReadiness next_step_readiness(const SessionState& state, Instant now, Away away) {
  const auto plain = decide(state, Command{state.facilitator, command::NextStep{false}}, now, away);
  if (plain)
    return NextStepReadiness{.ready = true};
  const auto confirmed =
      decide(state, Command{state.facilitator, command::NextStep{true}}, now, away);
  RefusalCode missing = plain.error().code;
  // The rules of the step say more than "not done yet": what, exactly.
  if ((missing == RefusalCode::step_not_complete || missing == RefusalCode::step_rule_not_met) &&
      state.current_step())
    missing = rules::what_is_missing(rules::Context{state, state.facilitator, now, away});
  return NextStepReadiness{.ready = false, .missing = missing, .confirm = confirmed.has_value()};
}

} // namespace intervisie::core
