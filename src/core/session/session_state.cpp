// SPDX-License-Identifier: EUPL-1.2
#include "core/session/session_state.hpp"

#include <algorithm>

namespace intervisie::core {

std::optional<ParticipantId> Turns::holder() const {
  if (closed || position >= order.size())
    return std::nullopt;
  return order[position];
}

std::optional<ParticipantId> Turns::next(bool wraps) const {
  if (!holder())
    return std::nullopt;
  if (position + 1 < order.size())
    return order[position + 1];
  return wraps ? std::optional{order.front()} : std::nullopt;
}

std::optional<ParticipantId> SessionState::next_turn_holder() const {
  const Step* current = current_step();
  return current ? step.turns.next(current->kind == StepKind::question_rounds) : std::nullopt;
}

const Step* SessionState::current_step() const {
  if (phase != Phase::running || !method || step.index >= method->steps.size())
    return nullptr;
  return &method->steps[step.index];
}

Contributions SessionState::contributions() const {
  if (contributions_override)
    return *contributions_override;
  const Step* current = current_step();
  return current ? current->contributions : Contributions::written;
}

const Participant* SessionState::find_participant(ParticipantId id) const {
  const auto found = std::ranges::find(participants, id, &Participant::id);
  return found == participants.end() ? nullptr : &*found;
}

bool SessionState::is_adviser(ParticipantId id) const {
  if (!find_participant(id) || presenter == id)
    return false;
  return facilitator != id || facilitator_takes_turns;
}

std::vector<Role> SessionState::roles_of(ParticipantId id) const {
  std::vector<Role> roles;
  if (facilitator == id)
    roles.push_back(Role::facilitator);
  if (presenter == id)
    roles.push_back(Role::presenter);
  else if (presenter && is_adviser(id))
    roles.push_back(Role::adviser);
  if (scribe == id)
    roles.push_back(Role::scribe);
  return roles;
}

std::optional<std::string_view> SessionState::statement() const {
  if (statements.empty())
    return std::nullopt;
  return statements.back();
}

const Question* SessionState::find_question(QuestionId id) const {
  if (id.value == 0 || id.value > questions.size())
    return nullptr;
  return &questions[id.value - 1];
}

const Advice* SessionState::find_advice(AdviceId id) const {
  if (id.value == 0 || id.value > advice.size())
    return nullptr;
  return &advice[id.value - 1];
}

const Draft* SessionState::find_draft(ParticipantId author) const {
  const auto found = std::ranges::find(drafts, author, &Draft::author);
  return found == drafts.end() ? nullptr : &*found;
}

std::vector<ParticipantId> SessionState::turn_order() const {
  std::vector<ParticipantId> order;
  for (const Participant& participant : participants)
    if (is_adviser(participant.id))
      order.push_back(participant.id);
  return order;
}

bool SessionState::preparing(Instant now) const {
  return step.preparation && !step.preparation_ended && step.preparation->left(now) > Duration{};
}

Duration SessionState::time_left(Instant now) const {
  if (preparing(now))
    return step.preparation->left(now);
  return step.timer.left(now);
}

bool SessionState::operator==(const SessionState& other) const {
  const bool same_method =
      method == other.method || (method && other.method && *method == *other.method);
  return same_method && title == other.title &&
         facilitator_takes_turns == other.facilitator_takes_turns && phase == other.phase &&
         version == other.version && participants == other.participants &&
         facilitator == other.facilitator && presenter == other.presenter &&
         scribe == other.scribe && step == other.step && visited_steps == other.visited_steps &&
         disturbance == other.disturbance && paused_since == other.paused_since &&
         candidates == other.candidates && votes == other.votes &&
         chosen_candidate == other.chosen_candidate && statements == other.statements &&
         questions == other.questions && observations == other.observations &&
         reflections == other.reflections && advice == other.advice && drafts == other.drafts &&
         reaction == other.reaction && closing_remarks == other.closing_remarks &&
         private_notes == other.private_notes && finished_at == other.finished_at &&
         coach_hints == other.coach_hints &&
         contributions_override == other.contributions_override && notes == other.notes &&
         returns == other.returns && return_outcomes == other.return_outcomes;
}

} // namespace intervisie::core
