// SPDX-License-Identifier: EUPL-1.2
// The presenter's reaction, the closing round and the presenter's private notes.
#include "core/session/decision.hpp"

namespace intervisie::core::rules {

Decision decide(const Context& context, const command::React& command) {
  if (!context.in_step(StepKind::presenter_reaction))
    return refuse(RefusalCode::wrong_step);
  if (!context.speaks_for_presenter())
    return refuse(RefusalCode::not_allowed_for_role);
  auto tomorrow = optional_text(command.tomorrow);
  if (!tomorrow)
    return std::unexpected(tomorrow.error());
  auto think_over = optional_text(command.think_over);
  if (!think_over)
    return std::unexpected(think_over.error());
  return Events{context.event(event::ReactionGiven{std::move(*tomorrow), std::move(*think_over)})};
}

Decision decide(const Context& context, const command::ClosingRemark& command) {
  if (!context.in_step(StepKind::closing))
    return refuse(RefusalCode::wrong_step);
  const auto from = contributor(context, command.on_behalf_of);
  if (!from)
    return std::unexpected(from.error());
  auto text = optional_text(command.text);
  if (!text)
    return std::unexpected(text.error());
  return Events{
      context.event(event::ClosingRemarkMade{from->who, std::move(*text), from->recorded_by})};
}

Decision decide(const Context& context, const command::WritePrivateNote& command) {
  if (!context.is_presenter())
    return refuse(RefusalCode::not_allowed_for_role);
  auto text = required_text(command.text);
  if (!text)
    return std::unexpected(text.error());
  return Events{context.event(event::PrivateNoteWritten{std::move(*text)})};
}

} // namespace intervisie::core::rules
