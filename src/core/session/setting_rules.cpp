// SPDX-License-Identifier: EUPL-1.2
// The session's own settings: only the facilitator changes them, at any moment of the meeting.
#include "core/session/decision.hpp"

namespace intervisie::core::rules {

Decision decide(const Context& context, const command::SetCoachHints& command) {
  if (!context.is_facilitator())
    return refuse(RefusalCode::not_allowed_for_role);
  if (context.state.coach_hints == command.on)
    return refuse(RefusalCode::setting_unchanged);
  return Events{context.event(event::CoachHintsSet{command.on})};
}

Decision decide(const Context& context, const command::SetContributions& command) {
  if (!context.is_facilitator())
    return refuse(RefusalCode::not_allowed_for_role);
  if (context.state.contributions_override == command.mode)
    return refuse(RefusalCode::setting_unchanged);
  return Events{context.event(event::ContributionsSet{command.mode})};
}

} // namespace intervisie::core::rules
