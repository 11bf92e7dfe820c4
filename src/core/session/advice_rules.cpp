// SPDX-License-Identifier: EUPL-1.2
// Advice in turn ("Als ik in jouw schoenen stond, dan …"), without discussion; and Balint's
// written advice, private until its author shares the essence and hands it over.
#include "core/session/decision.hpp"

#include <algorithm>

namespace intervisie::core::rules {

Decision decide(const Context& context, const command::GiveAdvice& command) {
  if (!context.in_step(StepKind::advice))
    return refuse(RefusalCode::wrong_step);
  const auto from = contributor(context, command.on_behalf_of);
  if (!from)
    return std::unexpected(from.error());
  if (const auto refusal = turn_refusal(context, *from))
    return refuse(*refusal);
  // Given out loud, an advice needs no text: the notes hold its key points.
  auto text = context.state.contributions() == Contributions::spoken ? optional_text(command.text)
                                                                     : required_text(command.text);
  if (!text)
    return std::unexpected(text.error());
  std::string advice = text->empty() ? std::string() : with_advice_opener(std::move(*text));
  return Events{context.event(event::AdviceGiven{from->who, std::move(advice), from->recorded_by})};
}

Decision decide(const Context& context, const command::WriteDraft& command) {
  if (!context.in_step(StepKind::written_advice) && !context.in_step(StepKind::share_advice))
    return refuse(RefusalCode::wrong_step);
  // A draft is private until shared: nobody writes in it for someone who has a device.
  const auto from = contributor(context, command.on_behalf_of, {.while_away = false});
  if (!from)
    return std::unexpected(from.error());
  if (context.state.presenter == from->who || !context.state.is_adviser(from->who))
    return refuse(RefusalCode::not_allowed_for_role);
  const Draft* draft = context.state.find_draft(from->who);
  if (draft && draft->shared)
    return refuse(RefusalCode::already_shared);
  auto text = required_text(command.text);
  if (!text)
    return std::unexpected(text.error());
  return Events{context.event(event::DraftWritten{from->who, std::move(*text)})};
}

Decision decide(const Context& context, const command::ShareAdvice& command) {
  if (!context.in_step(StepKind::share_advice))
    return refuse(RefusalCode::wrong_step);
  // Sharing hands over a draft only its author has seen: not for someone merely away (they pass).
  const auto from = contributor(context, command.on_behalf_of, {.while_away = false});
  if (!from)
    return std::unexpected(from.error());
  if (const auto refusal = turn_refusal(context, *from))
    return refuse(*refusal);
  auto essence = optional_text(command.essence);
  if (!essence)
    return std::unexpected(essence.error());
  const Draft* draft = context.state.find_draft(from->who);
  if (!draft && essence->empty())
    return refuse(RefusalCode::nothing_to_share);
  return Events{context.event(
      event::AdviceShared{from->who, draft ? draft->text : std::string{}, std::move(*essence)})};
}

} // namespace intervisie::core::rules
