// SPDX-License-Identifier: EUPL-1.2
// Who takes part and in which role: joining, presenter, scribe, facilitator, starting.
#include "core/session/decision.hpp"

#include "core/text/person_name.hpp"

#include <algorithm>

namespace intervisie::core::rules {

Decision decide_join(const SessionState& state, const command::Join& command, Instant now) {
  auto name = required_text(command.name, max_name_chars);
  if (!name)
    return std::unexpected(name.error());
  if (has_format_character(*name))
    return refuse(RefusalCode::invalid_text); // an invisible character makes a look-alike
  if (state.participants.size() >= max_participants)
    return refuse(RefusalCode::group_full);
  // The facilitator's `may` asks this on every snapshot: the new name's key is made once.
  const std::string key = name_key(*name);
  const auto same = std::ranges::find_if(
      state.participants, [&](const Participant& p) { return name_key(p.name) == key; });
  if (same != state.participants.end())
    return refuse(same->has_device ? RefusalCode::name_taken : RefusalCode::place_without_device);
  const ParticipantId newcomer{static_cast<std::uint32_t>(state.participants.size() + 1)};
  return Events{Event{now, newcomer, event::ParticipantJoined{newcomer, std::move(*name)}}};
}

} // namespace intervisie::core::rules

namespace intervisie::core {

std::expected<ParticipantId, Refusal> place_to_claim(const SessionState& state,
                                                     std::string_view name) {
  auto wanted = rules::required_text(name, max_name_chars);
  if (!wanted)
    return std::unexpected(wanted.error());
  const std::string key = name_key(*wanted);
  const auto same = std::ranges::find_if(state.participants, [&](const Participant& p) {
    return !p.has_device && name_key(p.name) == key;
  });
  if (same == state.participants.end())
    return rules::refuse(RefusalCode::no_place_to_claim);
  return same->id;
}

} // namespace intervisie::core

namespace intervisie::core::rules {

Decision decide(const Context& context, const command::AddParticipant& command) {
  if (!context.is_facilitator())
    return refuse(RefusalCode::not_allowed_for_role);
  const auto joined = decide_join(context.state, command::Join{command.name}, context.now);
  if (!joined)
    return joined;
  const auto& newcomer = std::get<event::ParticipantJoined>(joined->front().body);
  return Events{context.event(event::ParticipantAdded{newcomer.participant, newcomer.name})};
}

Decision decide(const Context& context, const command::AssignPresenter& command) {
  const SessionState& state = context.state;
  if (!context.is_facilitator())
    return refuse(RefusalCode::not_allowed_for_role);
  if (state.phase != Phase::lobby)
    return refuse(RefusalCode::presenter_already_chosen);
  if (state.method->has_step_kind(StepKind::inventory))
    return refuse(RefusalCode::wrong_step); // the inventory chooses the presenter
  if (!state.find_participant(command.participant))
    return refuse(RefusalCode::unknown_participant);
  if (state.facilitator == command.participant)
    return refuse(RefusalCode::facilitator_cannot_present);
  if (state.scribe == command.participant)
    return refuse(RefusalCode::scribe_cannot_present);
  return Events{context.event(event::PresenterAssigned{command.participant})};
}

Decision decide(const Context& context, const command::AssignScribe& command) {
  const SessionState& state = context.state;
  if (!context.is_facilitator())
    return refuse(RefusalCode::not_allowed_for_role);
  if (!state.method->has_scribe)
    return refuse(RefusalCode::no_scribe_in_method);
  if (!state.find_participant(command.participant))
    return refuse(RefusalCode::unknown_participant);
  if (state.presenter == command.participant)
    return refuse(RefusalCode::scribe_cannot_present);
  return Events{context.event(event::ScribeAssigned{command.participant})};
}

Decision decide(const Context& context, const command::HandOverFacilitator& command) {
  const SessionState& state = context.state;
  if (!context.is_facilitator())
    return refuse(RefusalCode::not_allowed_for_role);
  if (!state.find_participant(command.participant))
    return refuse(RefusalCode::unknown_participant);
  if (state.facilitator == command.participant)
    return refuse(RefusalCode::already_facilitator);
  if (state.presenter == command.participant)
    return refuse(RefusalCode::facilitator_cannot_present);
  // A facilitator who does not take turns leaves the turn order, and the one who hands over
  // joins it: that waits until the round of this step is over, so the order stays fixed.
  const Step* step = context.step();
  const bool turns_running = step && takes_turns(step->kind) && !state.step.turns.closed;
  if (!state.facilitator_takes_turns && turns_running)
    return refuse(RefusalCode::rounds_in_progress);
  return Events{context.event(event::FacilitatorHandedOver{command.participant})};
}

Decision decide(const Context& context, const command::Start&) {
  const SessionState& state = context.state;
  if (!context.is_facilitator())
    return refuse(RefusalCode::not_allowed_for_role);
  if (state.phase != Phase::lobby)
    return refuse(RefusalCode::already_started);
  if (state.participants.size() < 2)
    return refuse(RefusalCode::too_few_participants);
  const bool inventory_first = state.method->steps.front().kind == StepKind::inventory;
  if (!inventory_first && !state.presenter)
    return refuse(RefusalCode::presenter_required);
  if (state.method->has_scribe && !state.scribe)
    return refuse(RefusalCode::scribe_required);
  if (!inventory_first && state.turn_order().empty())
    return refuse(RefusalCode::no_advisers);
  return Events{context.event(event::SessionStarted{}), context.event(event::StepStarted{0})};
}

} // namespace intervisie::core::rules
