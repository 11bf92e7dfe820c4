// SPDX-License-Identifier: EUPL-1.2
// Whose turn it is, in every step that takes turns (question rounds, advice, sharing advice):
// one rule, one order of checks, so every command of a turn hears the same refusal. Who you are
// comes first: a presenter who taps "pass" in a closed round is told they take no turns, not
// that the rounds are closed (as if they might have).
#include "core/session/decision.hpp"

#include <algorithm>

namespace intervisie::core::rules {

std::optional<RefusalCode> turn_refusal(const Context& context, const Contributor& from) {
  const Turns& turns = context.state.step.turns;
  if (context.state.presenter == from.who || !context.state.is_adviser(from.who) ||
      std::ranges::find(turns.order, from.who) == turns.order.end())
    return RefusalCode::not_allowed_for_role;
  if (turns.closed)
    return RefusalCode::rounds_closed;
  if (turns.holder() != from.who)
    return as_recorded(RefusalCode::not_your_turn, from);
  if (turns.awaiting)
    return RefusalCode::answer_pending;
  if (context.state.preparing(context.now))
    return RefusalCode::preparation_running;
  return std::nullopt;
}

} // namespace intervisie::core::rules
