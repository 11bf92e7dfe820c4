// SPDX-License-Identifier: EUPL-1.2
// Question rounds: in a fixed order, one question or a pass per turn; the presenter answers
// (or rates) before the next turn; a follow-up waits; a boundary is respected.
#include "core/session/decision.hpp"

#include <algorithm>

namespace intervisie::core::rules {
namespace {

bool declined_before(const SessionState& state, ParticipantId asker, std::string_view text) {
  const std::string wording = comparable(text);
  return std::ranges::any_of(state.questions, [&](const Question& question) {
    return question.asker == asker && question.outcome == QuestionOutcome::declined &&
           comparable(question.text) == wording;
  });
}

bool in_turn_step(const Context& context) {
  return context.step() && takes_turns(context.step()->kind);
}

// The presenter answers or declines; the facilitator may tap it for them (one laptop).
bool may_respond(const Context& context) {
  return context.is_presenter() || context.is_facilitator();
}

} // namespace

Decision decide(const Context& context, const command::AskQuestion& command) {
  if (!context.in_step(StepKind::question_rounds))
    return refuse(RefusalCode::wrong_step);
  const auto from = contributor(context, command.on_behalf_of,
                                {.scribe_records_anyone = context.step()->scribe_records});
  if (!from)
    return std::unexpected(from.error());
  if (const auto refusal = turn_refusal(context, *from))
    return refuse(*refusal);
  // Said out loud, a question needs no text: the record holds that it was asked.
  auto text = context.state.contributions() == Contributions::spoken ? optional_text(command.text)
                                                                     : required_text(command.text);
  if (!text)
    return std::unexpected(text.error());
  if (!text->empty() && declined_before(context.state, from->who, *text))
    return refuse(RefusalCode::question_declined_before);
  const QuestionId id{static_cast<std::uint32_t>(context.state.questions.size() + 1)};
  return Events{
      context.event(event::QuestionAsked{id, from->who, from->recorded_by, std::move(*text)})};
}

Decision decide(const Context& context, const command::Pass& command) {
  if (!in_turn_step(context))
    return refuse(RefusalCode::wrong_step);
  const auto from =
      contributor(context, command.on_behalf_of,
                  {.scribe_records_anyone = context.in_step(StepKind::question_rounds) &&
                                            context.step()->scribe_records});
  if (!from)
    return std::unexpected(from.error());
  if (const auto refusal = turn_refusal(context, *from))
    return refuse(*refusal);
  Events events{context.event(event::TurnPassed{from->who, from->recorded_by})};
  // A round in which everyone passed ends the question rounds: nothing new comes up.
  const Turns& turns = context.state.step.turns;
  if (context.in_step(StepKind::question_rounds) && turns.position + 1 == turns.order.size() &&
      !turns.anyone_asked_this_round)
    events.push_back(context.event(event::RoundsClosed{RoundsClosedReason::everyone_passed}));
  return events;
}

Decision decide(const Context& context, const command::AnswerQuestion& command) {
  if (!context.in_step(StepKind::question_rounds) ||
      context.step()->answer_mode != AnswerMode::answer)
    return refuse(RefusalCode::wrong_step);
  if (!may_respond(context))
    return refuse(RefusalCode::not_allowed_for_role);
  const auto awaiting = context.state.step.turns.awaiting;
  if (!awaiting)
    return refuse(RefusalCode::no_question_pending);
  auto note = optional_text(command.note);
  if (!note)
    return std::unexpected(note.error());
  return Events{context.event(event::QuestionAnswered{*awaiting, std::move(*note)})};
}

Decision decide(const Context& context, const command::DeclineQuestion&) {
  if (!context.in_step(StepKind::question_rounds))
    return refuse(RefusalCode::wrong_step);
  if (!may_respond(context))
    return refuse(RefusalCode::not_allowed_for_role);
  const auto awaiting = context.state.step.turns.awaiting;
  if (!awaiting)
    return refuse(RefusalCode::no_question_pending);
  return Events{context.event(event::QuestionDeclined{*awaiting})};
}

Decision decide(const Context& context, const command::RateQuestion& command) {
  if (!context.in_step(StepKind::question_rounds) ||
      context.step()->answer_mode != AnswerMode::rate)
    return refuse(RefusalCode::wrong_step);
  const bool by_scribe = context.is_scribe() && context.step()->scribe_records;
  if (!context.is_presenter() && !by_scribe)
    return refuse(RefusalCode::not_allowed_for_role);
  const SessionState& state = context.state;
  const auto target = command.question ? command.question : state.step.turns.awaiting;
  if (!target)
    return refuse(RefusalCode::no_question_pending);
  const Question* question = state.find_question(*target);
  if (!question || question->step != state.step.index)
    return refuse(RefusalCode::unknown_question);
  if (question->outcome == QuestionOutcome::declined)
    return refuse(RefusalCode::question_declined);
  const auto recorded_by = context.is_presenter() ? std::nullopt : std::optional{context.actor};
  return Events{context.event(event::QuestionRated{*target, command.rating, recorded_by})};
}

Decision decide(const Context& context, const command::CloseRounds&) {
  if (!context.is_facilitator())
    return refuse(RefusalCode::not_allowed_for_role);
  if (!context.in_step(StepKind::question_rounds))
    return refuse(RefusalCode::wrong_step);
  const Turns& turns = context.state.step.turns;
  if (turns.closed)
    return refuse(RefusalCode::rounds_closed);
  if (turns.awaiting)
    return refuse(RefusalCode::answer_pending);
  return Events{context.event(event::RoundsClosed{RoundsClosedReason::facilitator})};
}

} // namespace intervisie::core::rules
