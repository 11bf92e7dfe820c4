// SPDX-License-Identifier: EUPL-1.2
// Naming the issue (with a pause to prepare questions) and, later, reframing it.
#include "core/session/decision.hpp"

namespace intervisie::core::rules {

Decision decide(const Context& context, const command::SetStatement& command) {
  if (!context.in_step(StepKind::statement))
    return refuse(RefusalCode::wrong_step);
  if (!context.speaks_for_presenter())
    return refuse(RefusalCode::not_allowed_for_role);
  auto text = required_text(command.text);
  if (!text)
    return std::unexpected(text.error());
  return Events{context.event(event::StatementSet{std::move(*text)})};
}

Decision decide(const Context& context, const command::StartPreparation&) {
  if (!context.in_step(StepKind::statement))
    return refuse(RefusalCode::wrong_step);
  if (!context.is_presenter() && !context.is_facilitator())
    return refuse(RefusalCode::not_allowed_for_role);
  if (!context.state.statement())
    return refuse(RefusalCode::statement_required);
  if (context.state.preparing(context.now))
    return refuse(RefusalCode::preparation_running);
  return Events{context.event(event::PreparationStarted{})};
}

Decision decide(const Context& context, const command::EndPreparation&) {
  if (!context.is_facilitator())
    return refuse(RefusalCode::not_allowed_for_role);
  if (!context.state.preparing(context.now))
    return refuse(RefusalCode::not_preparing);
  return Events{context.event(event::PreparationEnded{})};
}

Decision decide(const Context& context, const command::Reframe& command) {
  if (!context.in_step(StepKind::reframe))
    return refuse(RefusalCode::wrong_step);
  if (!context.speaks_for_presenter())
    return refuse(RefusalCode::not_allowed_for_role);
  auto text = required_text(command.text);
  if (!text)
    return std::unexpected(text.error());
  return Events{context.event(event::StatementReframed{std::move(*text)})};
}

Decision decide(const Context& context, const command::KeepStatement&) {
  if (!context.in_step(StepKind::reframe))
    return refuse(RefusalCode::wrong_step);
  if (!context.speaks_for_presenter())
    return refuse(RefusalCode::not_allowed_for_role);
  return Events{context.event(event::StatementKept{})};
}

} // namespace intervisie::core::rules
