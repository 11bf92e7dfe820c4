// SPDX-License-Identifier: EUPL-1.2
// The gossip round: advisers share what they noticed while the presenter only listens;
// afterwards the presenter reflects briefly. Also the presenter's last word.
#include "core/session/decision.hpp"

namespace intervisie::core::rules {

Decision decide(const Context& context, const command::AddObservation& command) {
  if (!context.in_step(StepKind::gossip))
    return refuse(RefusalCode::wrong_step);
  const auto from = contributor(context, command.on_behalf_of);
  if (!from)
    return std::unexpected(from.error());
  if (context.state.presenter == from->who)
    return refuse(RefusalCode::presenter_listens);
  if (context.state.step.gossip_closed)
    return refuse(RefusalCode::gossip_closed);
  auto text = required_text(command.text);
  if (!text)
    return std::unexpected(text.error());
  return Events{
      context.event(event::ObservationAdded{from->who, std::move(*text), from->recorded_by})};
}

Decision decide(const Context& context, const command::CloseGossip&) {
  if (!context.is_facilitator())
    return refuse(RefusalCode::not_allowed_for_role);
  if (!context.in_step(StepKind::gossip))
    return refuse(RefusalCode::wrong_step);
  if (context.state.step.gossip_closed)
    return refuse(RefusalCode::gossip_closed);
  return Events{context.event(event::GossipClosed{})};
}

// A reflection may be spoken only; the text is for the presenter's record.
Decision decide(const Context& context, const command::Reflect& command) {
  const Step* step = context.step();
  const bool after_gossip = context.in_step(StepKind::gossip) && step->presenter_reflects;
  if (!after_gossip && !context.in_step(StepKind::presenter_reflection))
    return refuse(RefusalCode::wrong_step);
  if (!context.speaks_for_presenter())
    return refuse(RefusalCode::not_allowed_for_role);
  if (after_gossip && !context.state.step.gossip_closed)
    return refuse(RefusalCode::gossip_still_open);
  auto text = optional_text(command.text);
  if (!text)
    return std::unexpected(text.error());
  return Events{context.event(event::ReflectionGiven{std::move(*text)})};
}

} // namespace intervisie::core::rules
