// SPDX-License-Identifier: EUPL-1.2
#include "core/session/floor.hpp"

#include <algorithm>

namespace intervisie::core {
namespace {

Floor presenter(const SessionState& state, Activity doing) {
  return Floor{FloorHolder::presenter, state.presenter, doing};
}
Floor group(FloorHolder who, Activity doing) {
  return Floor{who, std::nullopt, doing};
}
Floor turn_holder(const SessionState& state, Activity doing) {
  const auto holder = state.step.turns.holder();
  if (!holder)
    return group(FloorHolder::nobody, Activity::done);
  return Floor{FloorHolder::participant, holder, doing};
}

Floor in_question_rounds(const SessionState& state, const Step& step) {
  const Turns& turns = state.step.turns;
  if (turns.closed)
    return group(FloorHolder::nobody, Activity::done);
  if (turns.awaiting)
    return presenter(state,
                     step.answer_mode == AnswerMode::rate ? Activity::rating : Activity::answering);
  return turn_holder(state, Activity::asking);
}

} // namespace

Floor floor(const SessionState& state, Instant now) {
  switch (state.phase) {
  case Phase::lobby:
    return group(FloorHolder::everyone, Activity::gathering);
  case Phase::finished:
    return group(FloorHolder::nobody, Activity::finished);
  case Phase::running:
    break;
  }
  // A disturbance takes priority over everything, a pause included: the group talks about it.
  if (state.disturbance)
    return group(FloorHolder::everyone, Activity::disturbance);
  if (state.paused_since)
    return group(FloorHolder::nobody, Activity::paused);
  const Step* step = state.current_step();
  if (!step)
    return group(FloorHolder::nobody, Activity::done);
  if (state.preparing(now))
    return group(FloorHolder::advisers, Activity::preparing);
  const StepProgress& progress = state.step;
  switch (step->kind) {
  case StepKind::inventory:
    return state.chosen_candidate ? group(FloorHolder::nobody, Activity::done)
                                  : group(FloorHolder::everyone, Activity::collecting);
  case StepKind::statement: {
    // Once the time to think has run (or was ended), the statement's work is done.
    const bool prepared = progress.preparation && (progress.preparation_ended ||
                                                   progress.preparation->left(now) <= Duration{});
    return state.statement() && prepared ? group(FloorHolder::nobody, Activity::done)
                                         : presenter(state, Activity::naming);
  }
  case StepKind::question_rounds:
    return in_question_rounds(state, *step);
  case StepKind::gossip:
    if (!progress.gossip_closed)
      return group(FloorHolder::advisers, Activity::discussing);
    if (step->presenter_reflects && !progress.reflected)
      return presenter(state, Activity::reflecting);
    return group(FloorHolder::nobody, Activity::done);
  case StepKind::reframe:
    return progress.reframe == ReframeChoice::undecided
               ? presenter(state, Activity::naming)
               : group(FloorHolder::nobody, Activity::done);
  case StepKind::advice:
    return turn_holder(state, Activity::advising);
  case StepKind::share_advice:
    return turn_holder(state, Activity::sharing);
  case StepKind::written_advice: {
    const bool everyone_wrote = std::ranges::all_of(
        state.turn_order(), [&](ParticipantId id) { return state.find_draft(id) != nullptr; });
    return everyone_wrote ? group(FloorHolder::nobody, Activity::done)
                          : group(FloorHolder::advisers, Activity::writing);
  }
  case StepKind::presenter_reaction:
    return presenter(state, Activity::reacting);
  case StepKind::presenter_reflection:
    return presenter(state, Activity::reflecting);
  case StepKind::closing:
    return group(FloorHolder::everyone, Activity::closing);
  }
  return group(FloorHolder::nobody, Activity::done);
}

} // namespace intervisie::core
