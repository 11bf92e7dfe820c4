// SPDX-License-Identifier: EUPL-1.2
// Folding events into the state. No judgement here: decide() already judged.
#include "core/overloaded.hpp"
#include "core/session/engine.hpp"

#include <algorithm>

namespace intervisie::core {
namespace {

// Advice and sharing go round once; question rounds go round until closed.
void advance_turn(SessionState& state) {
  Turns& turns = state.step.turns;
  ++turns.position;
  if (turns.position < turns.order.size())
    return;
  const Step* step = state.current_step();
  if (step && step->kind != StepKind::question_rounds) {
    turns.closed = true;
    return;
  }
  turns.position = 0;
  ++turns.round;
  turns.anyone_asked_this_round = false;
}

void halt_timers(SessionState& state, Instant at) {
  state.step.timer.pause(at);
  if (state.step.preparation)
    state.step.preparation->pause(at);
}

void resume_timers_if_free(SessionState& state, Instant at) {
  if (state.disturbance || state.paused_since)
    return;
  state.step.timer.resume(at);
  if (state.step.preparation)
    state.step.preparation->resume(at);
}

Question& question(SessionState& state, QuestionId id) {
  return state.questions[id.value - 1];
}

void settle_question(SessionState& state, QuestionId id) {
  if (state.step.turns.awaiting == id) {
    state.step.turns.awaiting.reset();
    advance_turn(state);
  }
}

// A newcomer during a step with turns gets the last place in the order.
void join_turns(SessionState& state, ParticipantId newcomer) {
  const Step* step = state.current_step();
  if (step && takes_turns(step->kind) && !state.step.turns.closed && state.is_adviser(newcomer))
    state.step.turns.order.push_back(newcomer);
}

} // namespace

void apply(SessionState& state, const Event& event) {
  const Instant at = event.at;
  std::visit(
      Overloaded{
          [&](const event::SessionCreated& e) {
            state.method = e.method;
            state.title = e.title;
            state.facilitator_takes_turns = e.facilitator_takes_turns;
          },
          [&](const event::ParticipantJoined& e) {
            state.participants.push_back({e.participant, e.name});
            if (state.participants.size() == 1)
              state.facilitator = e.participant;
            join_turns(state, e.participant);
          },
          [&](const event::ParticipantAdded& e) {
            state.participants.push_back({e.participant, e.name, false});
            join_turns(state, e.participant);
          },
          [&](const event::PlaceClaimed& e) {
            auto claimed = std::ranges::find(state.participants, e.participant, &Participant::id);
            if (claimed != state.participants.end())
              claimed->has_device = true;
          },
          [&](const event::PresenterAssigned& e) { state.presenter = e.participant; },
          [&](const event::ScribeAssigned& e) { state.scribe = e.participant; },
          [&](const event::FacilitatorHandedOver& e) { state.facilitator = e.participant; },
          [&](const event::SessionStarted&) { state.phase = Phase::running; },
          [&](const event::StepStarted& e) {
            const Step& step = state.method->steps[e.step];
            state.step = StepProgress{};
            state.step.index = e.step;
            // The preparation pause is part of the step's time, as the method's total counts it.
            state.step.timer =
                Timer{.started_at = at,
                      .planned = std::chrono::minutes{step.minutes + step.preparation_minutes}};
            if (step.preparation_minutes > 0 && step.kind != StepKind::statement)
              state.step.preparation = Timer{
                  .started_at = at, .planned = std::chrono::minutes{step.preparation_minutes}};
            if (takes_turns(step.kind))
              state.step.turns.order = state.turn_order();
            state.visited_steps.push_back(e.step);
          },
          [&](const event::SessionFinished&) {
            state.phase = Phase::finished;
            state.finished_at = at;
            halt_timers(state, at);
          },
          [&](const event::TimeAdjusted& e) {
            // More time to think must not take time from the conversation: the step, which
            // holds the preparation, grows (or shrinks) with it.
            if (state.preparing(at))
              state.step.preparation->planned += std::chrono::seconds{e.seconds};
            state.step.timer.planned += std::chrono::seconds{e.seconds};
          },
          [&](const event::DisturbanceRaised& e) {
            state.disturbance = Disturbance{event.actor, e.text, at};
            halt_timers(state, at);
          },
          [&](const event::DisturbanceResolved&) {
            state.disturbance.reset();
            resume_timers_if_free(state, at);
          },
          [&](const event::Paused&) {
            state.paused_since = at;
            halt_timers(state, at);
          },
          [&](const event::Resumed&) {
            state.paused_since.reset();
            resume_timers_if_free(state, at);
          },
          [&](const event::IssueProposed& e) {
            state.candidates.push_back({e.candidate, e.owner, e.text, e.recorded_by, false});
          },
          [&](const event::IssueWithdrawn& e) {
            state.candidates[e.candidate.value - 1].withdrawn = true;
            std::erase_if(state.votes,
                          [&](const auto& vote) { return vote.second == e.candidate; });
          },
          [&](const event::VoteCast& e) { state.votes[e.voter] = e.candidate; },
          [&](const event::IssueChosen& e) {
            state.chosen_candidate = e.candidate;
            state.presenter = e.presenter;
          },
          [&](const event::StatementSet& e) {
            if (state.statements.empty())
              state.statements.push_back(e.text);
            else
              state.statements.back() = e.text;
          },
          [&](const event::PreparationStarted&) {
            const Step& step = state.method->steps[state.step.index];
            state.step.preparation =
                Timer{.started_at = at, .planned = std::chrono::minutes{step.preparation_minutes}};
            state.step.preparation_ended = false;
          },
          [&](const event::PreparationEnded&) { state.step.preparation_ended = true; },
          [&](const event::QuestionAsked& e) {
            Turns& turns = state.step.turns;
            state.questions.push_back(Question{.id = e.question,
                                               .step = state.step.index,
                                               .round = turns.round,
                                               .asker = e.asker,
                                               .recorded_by = e.recorded_by,
                                               .text = e.text});
            turns.awaiting = e.question;
            turns.anyone_asked_this_round = true;
          },
          [&](const event::TurnPassed&) { advance_turn(state); },
          [&](const event::QuestionAnswered& e) {
            Question& answered = question(state, e.question);
            answered.outcome = QuestionOutcome::answered;
            answered.answer_note = e.note;
            settle_question(state, e.question);
          },
          [&](const event::QuestionDeclined& e) {
            question(state, e.question).outcome = QuestionOutcome::declined;
            settle_question(state, e.question);
          },
          [&](const event::QuestionRated& e) {
            Question& rated = question(state, e.question);
            rated.outcome = QuestionOutcome::rated;
            rated.rating = e.rating;
            rated.rating_recorded_by = e.recorded_by;
            settle_question(state, e.question);
          },
          [&](const event::RoundsClosed&) { state.step.turns.closed = true; },
          [&](const event::ObservationAdded& e) {
            state.observations.push_back({state.step.index, e.author, e.text, e.recorded_by});
          },
          [&](const event::GossipClosed&) { state.step.gossip_closed = true; },
          [&](const event::ReflectionGiven& e) {
            auto same_step =
                std::ranges::find(state.reflections, state.step.index, &Reflection::step);
            if (same_step != state.reflections.end())
              same_step->text = e.text;
            else
              state.reflections.push_back({state.step.index, e.text});
            state.step.reflected = true;
          },
          [&](const event::StatementReframed& e) {
            if (state.step.reframe == ReframeChoice::reframed)
              state.statements.back() = e.text;
            else
              state.statements.push_back(e.text);
            state.step.reframe = ReframeChoice::reframed;
          },
          [&](const event::StatementKept&) {
            if (state.step.reframe == ReframeChoice::reframed)
              state.statements.pop_back();
            state.step.reframe = ReframeChoice::kept;
          },
          [&](const event::AdviceGiven& e) {
            const AdviceId id{static_cast<std::uint32_t>(state.advice.size() + 1)};
            state.advice.push_back(Advice{.id = id,
                                          .step = state.step.index,
                                          .adviser = e.adviser,
                                          .text = e.text,
                                          .recorded_by = e.recorded_by});
            advance_turn(state);
          },
          [&](const event::DraftWritten& e) {
            auto draft = std::ranges::find(state.drafts, e.author, &Draft::author);
            if (draft != state.drafts.end())
              draft->text = e.text;
            else
              state.drafts.push_back({e.author, e.text, false, {}});
          },
          [&](const event::AdviceShared& e) {
            auto draft = std::ranges::find(state.drafts, e.adviser, &Draft::author);
            if (draft == state.drafts.end())
              draft = state.drafts.insert(state.drafts.end(), Draft{e.adviser, e.draft, false, {}});
            draft->shared = true;
            draft->essence = e.essence;
            advance_turn(state);
          },
          [&](const event::ReactionGiven& e) {
            state.reaction = Reaction{e.tomorrow, e.think_over};
          },
          [&](const event::ClosingRemarkMade& e) {
            auto remark =
                std::ranges::find(state.closing_remarks, e.author, &ClosingRemark::author);
            if (remark != state.closing_remarks.end()) {
              remark->text = e.text;
              remark->recorded_by = e.recorded_by;
            } else {
              state.closing_remarks.push_back({e.author, e.text, e.recorded_by});
            }
          },
          [&](const event::PrivateNoteWritten& e) { state.private_notes.push_back(e.text); },
          [&](const event::CoachHintsSet& e) { state.coach_hints = e.on; },
          [&](const event::NoteAdded& e) {
            state.notes.push_back({state.step.index, e.author, e.text});
          },
          [&](const event::ContributionsSet& e) { state.contributions_override = e.mode; },
          [&](const event::ReturnRequested& e) {
            auto earlier =
                std::ranges::find(state.returns, e.participant, &PendingReturn::participant);
            if (earlier != state.returns.end()) {
              state.return_outcomes[earlier->request.value - 1] = ReturnOutcome::replaced;
              state.returns.erase(earlier);
            }
            state.returns.push_back({e.request, e.participant, at});
            state.return_outcomes.push_back(ReturnOutcome::waiting);
          },
          [&](const event::ReturnAdmitted& e) {
            state.return_outcomes[e.request.value - 1] = ReturnOutcome::admitted;
            std::erase_if(state.returns,
                          [&](const PendingReturn& p) { return p.request == e.request; });
            auto returning = std::ranges::find(state.participants, e.participant, &Participant::id);
            if (returning != state.participants.end())
              returning->has_device = true;
          },
          [&](const event::ReturnDeclined& e) {
            state.return_outcomes[e.request.value - 1] = ReturnOutcome::declined;
            std::erase_if(state.returns,
                          [&](const PendingReturn& p) { return p.request == e.request; });
          },
          [&](const event::KeyPointNoted& e) {
            auto note = [&](auto& spoken) {
              spoken.key_point = e.text;
              spoken.key_point_by = e.recorded_by;
            };
            if (e.question)
              note(state.questions[e.question->value - 1]);
            else if (e.advice)
              note(state.advice[e.advice->value - 1]);
          },
      },
      event.body);
  ++state.version;
}

SessionState replay(const std::vector<Event>& events) {
  SessionState state;
  for (const Event& event : events)
    apply(state, event);
  return state;
}

} // namespace intervisie::core
