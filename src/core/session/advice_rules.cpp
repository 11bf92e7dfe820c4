// Advice in turn ("Als ik in jouw schoenen stond, dan …"), without discussion; and Balint's
// written advice, private until its author shares the essence and hands it over.
#include "core/session/decision.hpp"

#include <algorithm>

namespace intervisie::core::rules {
namespace {

std::optional<RefusalCode> turn_refusal(const Context& context) {
  const Turns& turns = context.state.step.turns;
  if (context.is_presenter() || !context.state.is_adviser(context.actor) ||
      std::ranges::find(turns.order, context.actor) == turns.order.end())
    return RefusalCode::not_allowed_for_role;
  if (turns.closed)
    return RefusalCode::rounds_closed;
  if (turns.holder() != context.actor)
    return RefusalCode::not_your_turn;
  if (context.state.preparing(context.now))
    return RefusalCode::preparation_running;
  return std::nullopt;
}

} // namespace

Decision decide(const Context& context, const command::GiveAdvice& command) {
  if (!context.in_step(StepKind::advice))
    return refuse(RefusalCode::wrong_step);
  if (const auto refusal = turn_refusal(context))
    return refuse(*refusal);
  auto text = required_text(command.text);
  if (!text)
    return std::unexpected(text.error());
  return Events{
      context.event(event::AdviceGiven{context.actor, with_advice_opener(std::move(*text))})};
}

Decision decide(const Context& context, const command::WriteDraft& command) {
  if (!context.in_step(StepKind::written_advice) && !context.in_step(StepKind::share_advice))
    return refuse(RefusalCode::wrong_step);
  if (context.is_presenter() || !context.state.is_adviser(context.actor))
    return refuse(RefusalCode::not_allowed_for_role);
  const Draft* draft = context.state.find_draft(context.actor);
  if (draft && draft->shared)
    return refuse(RefusalCode::already_shared);
  auto text = required_text(command.text);
  if (!text)
    return std::unexpected(text.error());
  return Events{context.event(event::DraftWritten{context.actor, std::move(*text)})};
}

Decision decide(const Context& context, const command::ShareAdvice& command) {
  if (!context.in_step(StepKind::share_advice))
    return refuse(RefusalCode::wrong_step);
  if (const auto refusal = turn_refusal(context))
    return refuse(*refusal);
  auto essence = optional_text(command.essence);
  if (!essence)
    return std::unexpected(essence.error());
  const Draft* draft = context.state.find_draft(context.actor);
  if (!draft && essence->empty())
    return refuse(RefusalCode::nothing_to_share);
  return Events{context.event(event::AdviceShared{
      context.actor, draft ? draft->text : std::string{}, std::move(*essence)})};
}

} // namespace intervisie::core::rules
