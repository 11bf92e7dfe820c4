// SPDX-License-Identifier: EUPL-1.2
// Coming back on another device: a phone went flat, and its owner takes back their own place
// from another one. Someone in the group vouches for them: the facilitator for anyone else, and
// anyone for the facilitator (whose laptop may be the device that died). An account that proves
// who it is needs nobody (a proven return).
#include "core/session/decision.hpp"

#include <algorithm>

namespace intervisie::core::rules {
namespace {

const PendingReturn* pending(const SessionState& state, ReturnId request) {
  const auto found = std::ranges::find(state.returns, request, &PendingReturn::request);
  return found == state.returns.end() ? nullptr : &*found;
}

std::expected<const PendingReturn*, Refusal> decidable(const Context& context, ReturnId request) {
  const PendingReturn* asked = pending(context.state, request);
  if (!asked)
    return refuse(RefusalCode::unknown_request);
  const bool facilitators_own = asked->participant == context.state.facilitator;
  if (facilitators_own ? context.is_facilitator() : !context.is_facilitator())
    return refuse(RefusalCode::not_allowed_for_role);
  return asked;
}

} // namespace

Decision decide_return(const SessionState& state, const command::RequestReturn& command,
                       Instant now) {
  if (!state.find_participant(command.participant))
    return refuse(RefusalCode::unknown_participant);
  const ReturnId request{static_cast<std::uint32_t>(state.return_outcomes.size() + 1)};
  Events events{Event{now, std::nullopt, event::ReturnRequested{request, command.participant}}};
  if (command.proven)
    events.push_back(Event{now, std::nullopt, event::ReturnAdmitted{request, command.participant}});
  return events;
}

Decision decide(const Context& context, const command::AdmitReturn& command) {
  const auto asked = decidable(context, command.request);
  if (!asked)
    return std::unexpected(asked.error());
  return Events{context.event(event::ReturnAdmitted{command.request, (*asked)->participant})};
}

Decision decide(const Context& context, const command::DeclineReturn& command) {
  const auto asked = decidable(context, command.request);
  if (!asked)
    return std::unexpected(asked.error());
  return Events{context.event(event::ReturnDeclined{command.request})};
}

} // namespace intervisie::core::rules
