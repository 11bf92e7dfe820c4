// SPDX-License-Identifier: EUPL-1.2
#include "autopilot.hpp"

#include <algorithm>
#include <chrono>

namespace intervisie::chaos {
namespace {

using core::ParticipantId;
using core::StepKind;
namespace command = core::command;

// Someone's own move, or the facilitator recording it for them when they have no device.
template <class Body>
Move by_or_for(const core::SessionState& state, const Cast& cast, ParticipantId who, Body body) {
  if (cast.has_device(who))
    return Move{who, std::move(body)};
  body.on_behalf_of = who;
  return Move{state.facilitator, std::move(body)};
}

Move next(const core::SessionState& state) {
  return Move{state.facilitator, command::NextStep{true}};
}

std::optional<ParticipantId> person(const Cast& cast, std::size_t index) {
  return index < cast.people.size() ? std::optional(cast.people[index]) : std::nullopt;
}

std::optional<Move> in_lobby(const core::SessionState& state, const Cast& cast) {
  const core::Method& method = *state.method;
  if (!method.has_step_kind(StepKind::inventory) && !state.presenter)
    if (auto presenter = person(cast, 1))
      return Move{state.facilitator, command::AssignPresenter{*presenter}};
  if (method.has_scribe && !state.scribe)
    if (auto scribe = person(cast, 2))
      return Move{state.facilitator, command::AssignScribe{*scribe}};
  return Move{state.facilitator, command::Start{}};
}

std::optional<Move> in_inventory(const core::SessionState& state, const Cast& cast) {
  const auto open = std::ranges::count_if(
      state.candidates, [](const core::Candidate& candidate) { return !candidate.withdrawn; });
  if (open < 2)
    if (auto owner = person(cast, open + 1))
      return Move{*owner, command::ProposeIssue{open == 0 ? "Ik zeg te vaak ja tegen extra werk."
                                                          : "Een ouder belt me steeds 's avonds.",
                                                std::nullopt}};
  if (state.candidates.empty())
    return next(state);
  const core::CandidateId first = state.candidates.front().id;
  for (std::size_t index = 3; index <= 5; ++index)
    if (auto voter = person(cast, index); voter && !state.votes.contains(*voter))
      return Move{*voter, command::Vote{first}};
  if (!state.chosen_candidate)
    return Move{state.facilitator, command::ChooseIssue{first}};
  return next(state);
}

std::optional<Move> in_question_rounds(const core::SessionState& state, const Cast& cast,
                                       const core::Step& step) {
  const core::Turns& turns = state.step.turns;
  if (turns.awaiting && state.presenter) {
    if (step.answer_mode == core::AnswerMode::rate)
      return Move{*state.presenter, command::RateQuestion{std::nullopt, core::Rating::warm}};
    return Move{*state.presenter, command::AnswerQuestion{}};
  }
  const auto holder = turns.holder();
  if (!holder)
    return next(state);
  // Everyone asks once in the first round and passes in the second: the rounds then close.
  if (turns.round == 1)
    return by_or_for(state, cast, *holder,
                     command::AskQuestion{"Wat maakt dit voor jou zo lastig?", std::nullopt});
  return by_or_for(state, cast, *holder, command::Pass{});
}

std::optional<Move> in_gossip(const core::SessionState& state, const Cast& cast,
                              const core::Step& step) {
  if (!state.step.gossip_closed) {
    const bool observed = std::ranges::any_of(
        state.observations, [&](const core::Observation& o) { return o.step == state.step.index; });
    const auto advisers = state.turn_order();
    if (!observed && !advisers.empty())
      return by_or_for(
          state, cast, advisers.back(),
          command::AddObservation{"Het bleef even stil bij de vraag over het team.", std::nullopt});
    return Move{state.facilitator, command::CloseGossip{}};
  }
  if (step.presenter_reflects && !state.step.reflected && state.presenter)
    return Move{*state.presenter, command::Reflect{"Daar zit iets, dat herken ik."}};
  return next(state);
}

std::optional<Move> in_turns(const core::SessionState& state, const Cast& cast,
                             const core::Step& step) {
  if (step.preparation_minutes > 0 && !state.step.preparation_ended)
    return Move{state.facilitator, command::EndPreparation{}};
  const auto holder = state.step.turns.holder();
  if (!holder)
    return next(state);
  if (step.kind == StepKind::share_advice) {
    // A draft is its author's alone: someone away has none to share, and passes.
    if (!cast.has_device(*holder))
      return by_or_for(state, cast, *holder, command::Pass{});
    return Move{*holder, command::ShareAdvice{"Samen sta je sterker.", std::nullopt}};
  }
  return by_or_for(
      state, cast, *holder,
      command::GiveAdvice{"zou ik eerst met mijn leidinggevende praten.", std::nullopt});
}

std::optional<Move> in_written_advice(const core::SessionState& state, const Cast& cast) {
  for (ParticipantId adviser : state.turn_order()) {
    if (!cast.has_device(adviser))
      continue; // nobody writes a private draft for someone else
    const bool written =
        state.find_draft(adviser) != nullptr ||
        (cast.drafted_in_step == state.step.index && cast.drafted.contains(adviser));
    if (!written)
      return Move{adviser, command::WriteDraft{"Ik zou het gesprek samen met een collega voeren.",
                                               std::nullopt}};
  }
  return next(state);
}

std::optional<Move> in_closing(const core::SessionState& state, const Cast& cast) {
  for (const core::Participant& participant : state.participants)
    if (std::ranges::find(state.closing_remarks, participant.id, &core::ClosingRemark::author) ==
        state.closing_remarks.end())
      return by_or_for(state, cast, participant.id,
                       command::ClosingRemark{"Fijn gedaan, dank jullie.", std::nullopt});
  return next(state);
}

} // namespace

bool Cast::has_device(ParticipantId id) const {
  return std::ranges::find(people, id) != people.end();
}

std::optional<Move> next_move(const core::SessionState& state, const Cast& cast) {
  if (!state.method || state.phase == core::Phase::finished)
    return std::nullopt;
  if (state.phase == core::Phase::lobby)
    return in_lobby(state, cast);
  const core::Step* step = state.current_step();
  if (!step)
    return std::nullopt;
  switch (step->kind) {
  case StepKind::inventory:
    return in_inventory(state, cast);
  case StepKind::statement:
    if (!state.statement() && state.presenter)
      return Move{*state.presenter,
                  command::SetStatement{"Hoe zeg ik nee zonder de sfeer te verliezen?"}};
    return next(state);
  case StepKind::question_rounds:
    return in_question_rounds(state, cast, *step);
  case StepKind::gossip:
    return in_gossip(state, cast, *step);
  case StepKind::reframe:
    if (state.step.reframe == core::ReframeChoice::undecided && state.presenter) {
      if (cast.reframe)
        return Move{*state.presenter,
                    command::Reframe{"Hoe houd ik mijn grens vast als het druk is?"}};
      return Move{*state.presenter, command::KeepStatement{}};
    }
    return next(state);
  case StepKind::advice:
  case StepKind::share_advice:
    return in_turns(state, cast, *step);
  case StepKind::written_advice:
    return in_written_advice(state, cast);
  case StepKind::presenter_reaction:
    if (!state.reaction && state.presenter)
      return Move{*state.presenter,
                  command::React{"Morgen zeg ik een keer nee.", "Waarom ik dat zo lastig vind."}};
    return next(state);
  case StepKind::presenter_reflection:
    if (!state.step.reflected && state.presenter)
      return Move{*state.presenter, command::Reflect{"Het gaat over mijn team, niet over mij."}};
    return next(state);
  case StepKind::closing:
    return in_closing(state, cast);
  }
  return next(state);
}

Move move_on(const core::SessionState& state) {
  return next(state);
}

std::expected<std::vector<std::string>, std::string>
check_autopilot(const std::vector<std::shared_ptr<const core::Method>>& methods) {
  std::vector<std::string> lines;
  for (const auto& method : methods) {
    for (const bool someone_away : {false, true}) {
      core::Instant now{std::chrono::hours(24 * 365 * 56)};
      core::SessionState state;
      auto fold = [&](const core::Events& events) {
        for (const core::Event& event : events)
          core::apply(state, event);
      };
      auto created = core::create_session(method, {"Proef", "Fenna", true}, now);
      if (!created)
        return std::unexpected(method->id + ": the session cannot be created");
      fold(*created);
      Cast cast;
      cast.people.push_back(state.facilitator);
      core::Away away;
      for (int i = 1; i < 8; ++i) {
        auto joined = core::decide(
            state, {std::nullopt, core::command::Join{"Deelnemer " + std::to_string(i)}}, now);
        if (!joined)
          return std::unexpected(method->id + ": a join was refused");
        fold(*joined);
        const ParticipantId id = state.participants.back().id;
        if (someone_away && i == 6)
          away.add(id);
        else
          cast.people.push_back(id);
      }
      std::size_t moves = 0;
      while (auto move = next_move(state, cast)) {
        now += std::chrono::seconds(10);
        const bool draft = std::holds_alternative<core::command::WriteDraft>(move->command);
        const ParticipantId drafter = draft ? std::get<core::command::WriteDraft>(move->command)
                                                  .on_behalf_of.value_or(move->actor)
                                            : ParticipantId{};
        const std::string kind(core::kind_name(move->command));
        auto decided = core::decide(state, {move->actor, std::move(move->command)}, now, away);
        if (!decided)
          return std::unexpected(method->id + (someone_away ? " (one away)" : "") + ": " + kind +
                                 " refused (" + std::string(core::to_string(decided.error().code)) +
                                 ") after " + std::to_string(moves) + " moves");
        fold(*decided);
        if (draft) {
          if (cast.drafted_in_step != state.step.index)
            cast.drafted.clear();
          cast.drafted_in_step = state.step.index;
          cast.drafted.insert(drafter);
        }
        if (++moves > 1000)
          return std::unexpected(method->id + ": not finished after 1,000 moves");
      }
      if (state.phase != core::Phase::finished)
        return std::unexpected(method->id + ": the autopilot stopped before the end");
      lines.push_back(method->id + (someone_away ? ", one of eight away: " : ", eight people: ") +
                      std::to_string(moves) + " moves, " + std::to_string(state.version) +
                      " events");
    }
  }
  return lines;
}

} // namespace intervisie::chaos
