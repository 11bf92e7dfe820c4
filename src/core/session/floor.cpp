#include "core/session/floor.hpp"

namespace intervisie::core {
namespace {

Floor nobody(Floor::Doing doing) {
  return Floor{Floor::Who::nobody, std::nullopt, doing};
}

Floor presenter(const SessionState& state, Floor::Doing doing) {
  return Floor{Floor::Who::presenter, state.presenter, doing};
}

Floor turn_holder(const SessionState& state, Floor::Doing doing) {
  const auto holder = state.step.turns.holder();
  if (!holder)
    return nobody(Floor::Doing::done);
  return Floor{Floor::Who::participant, holder, doing};
}

} // namespace

Floor floor(const SessionState& state, Instant now) {
  using Doing = Floor::Doing;
  if (state.phase == Phase::lobby)
    return nobody(Doing::gathering);
  if (state.phase == Phase::finished)
    return nobody(Doing::finished);
  if (state.disturbance)
    return nobody(Doing::disturbance);
  if (state.paused_since)
    return nobody(Doing::paused);
  const Step* step = state.current_step();
  if (!step)
    return nobody(Doing::done);
  const StepProgress& progress = state.step;
  // While the time to think runs, everyone is quiet, whatever the step.
  if (state.preparing(now))
    return Floor{Floor::Who::advisers, std::nullopt, Doing::preparing};
  switch (step->kind) {
  case StepKind::inventory:
    return state.chosen_candidate ? nobody(Doing::done)
                                  : Floor{Floor::Who::everyone, std::nullopt, Doing::collecting};
  case StepKind::statement:
    // Said, and thought about: the step has done its work.
    if (state.statement() && progress.preparation)
      return nobody(Doing::done);
    return presenter(state, Doing::naming);
  case StepKind::question_rounds:
    if (progress.turns.closed)
      return nobody(Doing::done);
    if (progress.turns.awaiting)
      return presenter(state,
                       step->answer_mode == AnswerMode::rate ? Doing::rating : Doing::answering);
    return turn_holder(state, Doing::asking);
  case StepKind::gossip:
    if (!progress.gossip_closed)
      return Floor{Floor::Who::advisers, std::nullopt, Doing::discussing};
    if (step->presenter_reflects && !progress.reflected)
      return presenter(state, Doing::reflecting);
    return nobody(Doing::done);
  case StepKind::reframe:
    return progress.reframe == ReframeChoice::undecided ? presenter(state, Doing::naming)
                                                        : nobody(Doing::done);
  case StepKind::advice:
    return progress.turns.closed ? nobody(Doing::done) : turn_holder(state, Doing::advising);
  case StepKind::written_advice:
    return Floor{Floor::Who::advisers, std::nullopt, Doing::writing};
  case StepKind::share_advice:
    return progress.turns.closed ? nobody(Doing::done) : turn_holder(state, Doing::sharing);
  case StepKind::presenter_reaction:
    return presenter(state, Doing::reacting);
  case StepKind::presenter_reflection:
    return progress.reflected ? nobody(Doing::done) : presenter(state, Doing::reflecting);
  case StepKind::closing:
    return Floor{Floor::Who::everyone, std::nullopt, Doing::closing};
  }
  return nobody(Doing::done);
}

std::optional<ParticipantId> next_turn(const SessionState& state) {
  const Turns& turns = state.step.turns;
  if (turns.closed || turns.order.empty() || !turns.holder())
    return std::nullopt;
  const std::size_t next = turns.position + 1;
  if (next < turns.order.size())
    return turns.order[next];
  const Step* step = state.current_step();
  // Question rounds go round again; advice and sharing go round once.
  if (step && step->kind == StepKind::question_rounds)
    return turns.order.front();
  return std::nullopt;
}

} // namespace intervisie::core
