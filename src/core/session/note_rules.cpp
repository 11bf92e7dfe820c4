// SPDX-License-Identifier: EUPL-1.2
// Notes for the presenter: while the group talks in the gossip round and gives advice, anyone
// but the presenter may jot down key points, so the presenter leaves with a written record
// without having written a word.
#include "core/session/decision.hpp"

namespace intervisie::core::rules {

Decision decide(const Context& context, const command::AddNote& command) {
  if (!context.in_step(StepKind::gossip) && !context.in_step(StepKind::advice) &&
      !context.in_step(StepKind::share_advice))
    return refuse(RefusalCode::wrong_step);
  if (context.is_presenter())
    return refuse(RefusalCode::presenter_listens);
  auto text = required_text(command.text);
  if (!text)
    return std::unexpected(text.error());
  return Events{context.event(event::NoteAdded{context.actor, std::move(*text)})};
}

} // namespace intervisie::core::rules
