// SPDX-License-Identifier: EUPL-1.2
// The gates every command passes before its own rule judges it: a finished session, an
// unknown actor, an open disturbance, a pause, a session not yet started.
#include "core/session/decision.hpp"

namespace intervisie::core {
namespace {

using rules::refuse;

// Someone arriving or coming back is let in whatever the group is doing: a late arrival is
// often why the group stopped.
bool lets_someone_in(const CommandBody& body) {
  return std::holds_alternative<command::AddParticipant>(body) ||
         std::holds_alternative<command::AdmitReturn>(body) ||
         std::holds_alternative<command::DeclineReturn>(body);
}

// What may still happen while a disturbance is open: only resolving it.
bool allowed_during_disturbance(const CommandBody& body) {
  return std::holds_alternative<command::ResolveDisturbance>(body) || lets_someone_in(body);
}

// What may happen during a pause: resuming, and raising and resolving a disturbance (it always
// comes first). Pause passes too, to be told the session is already paused.
bool allowed_while_paused(const CommandBody& body) {
  return std::holds_alternative<command::Resume>(body) ||
         std::holds_alternative<command::Pause>(body) ||
         std::holds_alternative<command::ResolveDisturbance>(body) ||
         std::holds_alternative<command::RaiseDisturbance>(body) || lets_someone_in(body);
}

// Before the start people gather, get their roles, and can raise a disturbance.
bool allowed_in_lobby(const CommandBody& body) {
  return std::holds_alternative<command::AssignPresenter>(body) ||
         std::holds_alternative<command::AssignScribe>(body) ||
         std::holds_alternative<command::HandOverFacilitator>(body) ||
         std::holds_alternative<command::Start>(body) ||
         std::holds_alternative<command::SetCoachHints>(body) ||
         std::holds_alternative<command::SetContributions>(body) ||
         std::holds_alternative<command::RaiseDisturbance>(body) ||
         std::holds_alternative<command::ResolveDisturbance>(body) || lets_someone_in(body);
}

} // namespace

std::expected<Events, Refusal> create_session(std::shared_ptr<const Method> method,
                                              const SessionSettings& settings, Instant now) {
  auto title = rules::required_text(settings.title, max_title_chars);
  if (!title)
    return refuse(title.error().code == RefusalCode::text_empty      ? RefusalCode::title_required
                  : title.error().code == RefusalCode::text_too_long ? RefusalCode::title_too_long
                                                                     : title.error().code);
  if (!method || method->steps.empty())
    return refuse(RefusalCode::wrong_step);
  SessionState empty;
  auto facilitator = rules::decide_join(empty, command::Join{settings.facilitator_name}, now);
  if (!facilitator)
    return facilitator;
  Events events{Event{now, std::nullopt,
                      event::SessionCreated{std::move(method), std::move(*title),
                                            settings.facilitator_takes_turns}}};
  events.push_back(std::move(facilitator->front()));
  return events;
}

std::expected<Events, Refusal> decide(const SessionState& state, const Command& command,
                                      Instant now, Away away) {
  if (!state.method)
    return refuse(RefusalCode::not_started);
  if (state.phase == Phase::finished)
    return refuse(RefusalCode::session_finished);
  if (const auto* join = std::get_if<command::Join>(&command.body))
    return rules::decide_join(state, *join, now);
  if (const auto* comeback = std::get_if<command::RequestReturn>(&command.body))
    return rules::decide_return(state, *comeback, now);
  if (!command.actor || !state.find_participant(*command.actor))
    return refuse(RefusalCode::unknown_participant);
  if (state.disturbance && !allowed_during_disturbance(command.body))
    return refuse(RefusalCode::disturbance_open);
  if (state.paused_since && !allowed_while_paused(command.body))
    return refuse(RefusalCode::session_paused);
  if (state.phase == Phase::lobby && !allowed_in_lobby(command.body))
    return refuse(RefusalCode::not_started);

  const rules::Context context{state, *command.actor, now, away};
  return std::visit(
      [&](const auto& body) -> std::expected<Events, Refusal> {
        using Body = std::decay_t<decltype(body)>;
        if constexpr (std::is_same_v<Body, command::Join>)
          return rules::decide_join(state, body, now);
        else if constexpr (std::is_same_v<Body, command::RequestReturn>)
          return rules::decide_return(state, body, now);
        else
          return rules::decide(context, body);
      },
      command.body);
}

} // namespace intervisie::core
