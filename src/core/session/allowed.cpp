// SPDX-License-Identifier: EUPL-1.2
#include "core/session/allowed.hpp"

namespace intervisie::core {
namespace {

// A text that every text rule accepts: probes are about who and when, not about words.
constexpr std::string_view some_text = "x";

class Probe {
public:
  Probe(const SessionState& state, ParticipantId viewer, Instant now, Away away)
      : state_(state), viewer_(viewer), now_(now), away_(away) {}

  bool accepts(CommandBody body) const {
    return core::accepts(decide(state_, Command{viewer_, std::move(body)}, now_, away_));
  }

  // Accepted for at least one of `targets`, made into a command by `make`.
  template <class Targets, class Make> bool any(const Targets& targets, Make make) const {
    for (const auto& target : targets)
      if (accepts(make(target)))
        return true;
    return false;
  }

  // The same for the flip chart's questions or advice, which grow through a meeting. First a
  // command naming `none` (no such item): when decide() refuses it before it looks the item up,
  // it refuses every item alike, and the list is not tried one by one.
  template <class Items, class Make, class Id>
  bool any_item(const Items& items, Make make, Id none, RefusalCode unknown) const {
    const auto decision = decide(state_, Command{viewer_, make(none)}, now_, away_);
    if (!decision && decision.error().code != unknown)
      return false;
    for (auto item = items.rbegin(); item != items.rend(); ++item) // the newest most likely
      if (accepts(make(item->id)))
        return true;
    return false;
  }

  template <class Kind> void set(CommandKinds& kinds, bool allowed) const {
    kinds.set(kind_index<Kind>, allowed);
  }

private:
  const SessionState& state_;
  ParticipantId viewer_;
  Instant now_;
  Away away_;
};

template <class Item, class IdOf> auto ids(const std::vector<Item>& items, IdOf id_of) {
  std::vector<decltype(id_of(items.front()))> result;
  result.reserve(items.size());
  for (const Item& item : items)
    result.push_back(id_of(item));
  return result;
}

} // namespace

bool accepts(const std::expected<Events, Refusal>& decision) {
  if (decision)
    return true;
  switch (decision.error().code) {
  case RefusalCode::text_empty:
  case RefusalCode::text_too_long:
  case RefusalCode::invalid_text:
  case RefusalCode::name_too_long:
  case RefusalCode::name_taken:
  case RefusalCode::place_without_device:
  case RefusalCode::question_declined_before:
  case RefusalCode::key_point_too_long:
    return true;
  default:
    return false;
  }
}

CommandKinds allowed(const SessionState& state, ParticipantId viewer, Instant now, Away away) {
  CommandKinds kinds;
  // Nothing at all for someone who is not a participant (the shared screen), or at the end:
  // decide() refuses every command there before looking at it.
  if (!state.method || state.phase == Phase::finished || !state.find_participant(viewer))
    return kinds;
  const Probe p{state, viewer, now, away};
  const std::string text{some_text};
  namespace cmd = command;
  const auto people = ids(state.participants, [](const Participant& x) { return x.id; });
  const auto candidates = ids(state.candidates, [](const Candidate& x) { return x.id; });
  const auto requests = ids(state.returns, [](const PendingReturn& x) { return x.request; });

  p.set<cmd::AssignPresenter>(
      kinds, p.any(people, [](ParticipantId id) { return cmd::AssignPresenter{id}; }));
  p.set<cmd::AssignScribe>(kinds,
                           p.any(people, [](ParticipantId id) { return cmd::AssignScribe{id}; }));
  p.set<cmd::HandOverFacilitator>(
      kinds, p.any(people, [](ParticipantId id) { return cmd::HandOverFacilitator{id}; }));
  p.set<cmd::Start>(kinds, p.accepts(cmd::Start{}));
  p.set<cmd::NextStep>(kinds, p.accepts(cmd::NextStep{true}));
  // A second more or less: if no other change of the time is possible, neither is this one.
  p.set<cmd::AdjustTime>(kinds, p.accepts(cmd::AdjustTime{1}) || p.accepts(cmd::AdjustTime{-1}));
  p.set<cmd::RaiseDisturbance>(kinds, p.accepts(cmd::RaiseDisturbance{text}));
  p.set<cmd::ResolveDisturbance>(kinds, p.accepts(cmd::ResolveDisturbance{}));
  p.set<cmd::Pause>(kinds, p.accepts(cmd::Pause{}));
  p.set<cmd::Resume>(kinds, p.accepts(cmd::Resume{}));
  p.set<cmd::ProposeIssue>(kinds, p.accepts(cmd::ProposeIssue{text, std::nullopt}));
  p.set<cmd::WithdrawIssue>(
      kinds, p.any(candidates, [](CandidateId id) { return cmd::WithdrawIssue{id}; }));
  p.set<cmd::Vote>(kinds, p.any(candidates, [](CandidateId id) { return cmd::Vote{id}; }));
  p.set<cmd::ChooseIssue>(
      kinds, p.accepts(cmd::ChooseIssue{}) ||
                 p.any(candidates, [](CandidateId id) { return cmd::ChooseIssue{id}; }));
  p.set<cmd::SetStatement>(kinds, p.accepts(cmd::SetStatement{text}));
  p.set<cmd::StartPreparation>(kinds, p.accepts(cmd::StartPreparation{}));
  p.set<cmd::EndPreparation>(kinds, p.accepts(cmd::EndPreparation{}));
  p.set<cmd::AskQuestion>(kinds, p.accepts(cmd::AskQuestion{text, std::nullopt}));
  p.set<cmd::Pass>(kinds, p.accepts(cmd::Pass{}));
  p.set<cmd::AnswerQuestion>(kinds, p.accepts(cmd::AnswerQuestion{}));
  p.set<cmd::DeclineQuestion>(kinds, p.accepts(cmd::DeclineQuestion{}));
  // The pending question first; the presenter may also (re)rate any question of the step.
  p.set<cmd::RateQuestion>(kinds, p.accepts(cmd::RateQuestion{std::nullopt, Rating::warm}) ||
                                      p.any_item(
                                          state.questions,
                                          [](QuestionId id) {
                                            return cmd::RateQuestion{id, Rating::warm};
                                          },
                                          QuestionId{0}, RefusalCode::unknown_question));
  p.set<cmd::CloseRounds>(kinds, p.accepts(cmd::CloseRounds{}));
  p.set<cmd::AddObservation>(kinds, p.accepts(cmd::AddObservation{text, std::nullopt}));
  p.set<cmd::CloseGossip>(kinds, p.accepts(cmd::CloseGossip{}));
  p.set<cmd::Reflect>(kinds, p.accepts(cmd::Reflect{text}));
  p.set<cmd::Reframe>(kinds, p.accepts(cmd::Reframe{text}));
  p.set<cmd::KeepStatement>(kinds, p.accepts(cmd::KeepStatement{}));
  p.set<cmd::GiveAdvice>(kinds, p.accepts(cmd::GiveAdvice{text, std::nullopt}));
  p.set<cmd::WriteDraft>(kinds, p.accepts(cmd::WriteDraft{text, std::nullopt}));
  p.set<cmd::ShareAdvice>(kinds, p.accepts(cmd::ShareAdvice{text, std::nullopt}));
  p.set<cmd::React>(kinds, p.accepts(cmd::React{text, text}));
  p.set<cmd::ClosingRemark>(kinds, p.accepts(cmd::ClosingRemark{text, std::nullopt}));
  p.set<cmd::WritePrivateNote>(kinds, p.accepts(cmd::WritePrivateNote{text}));
  p.set<cmd::SetCoachHints>(kinds, p.accepts(cmd::SetCoachHints{!state.coach_hints}));
  p.set<cmd::AddParticipant>(kinds, p.accepts(cmd::AddParticipant{text}));
  p.set<cmd::AddNote>(kinds, p.accepts(cmd::AddNote{text}));
  p.set<cmd::SetContributions>(kinds, p.accepts(cmd::SetContributions{std::nullopt}) ||
                                          p.accepts(cmd::SetContributions{Contributions::spoken}) ||
                                          p.accepts(cmd::SetContributions{Contributions::written}));
  p.set<cmd::NoteKeyPoint>(kinds, p.any_item(
                                      state.questions,
                                      [&](QuestionId id) {
                                        return cmd::NoteKeyPoint{id, std::nullopt, text};
                                      },
                                      QuestionId{0}, RefusalCode::unknown_question) ||
                                      p.any_item(
                                          state.advice,
                                          [&](AdviceId id) {
                                            return cmd::NoteKeyPoint{std::nullopt, id, text};
                                          },
                                          AdviceId{0}, RefusalCode::unknown_advice));
  p.set<cmd::AdmitReturn>(kinds, p.any(requests, [](ReturnId id) { return cmd::AdmitReturn{id}; }));
  p.set<cmd::DeclineReturn>(kinds,
                            p.any(requests, [](ReturnId id) { return cmd::DeclineReturn{id}; }));
  return kinds;
}

CommandKinds recorded_kinds() {
  CommandKinds kinds;
  namespace cmd = command;
  kinds.set(kind_index<cmd::ProposeIssue>);
  kinds.set(kind_index<cmd::AskQuestion>);
  kinds.set(kind_index<cmd::Pass>);
  kinds.set(kind_index<cmd::AddObservation>);
  kinds.set(kind_index<cmd::GiveAdvice>);
  kinds.set(kind_index<cmd::WriteDraft>);
  kinds.set(kind_index<cmd::ShareAdvice>);
  kinds.set(kind_index<cmd::ClosingRemark>);
  return kinds;
}

CommandKinds allowed_for(const SessionState& state, ParticipantId viewer, ParticipantId someone,
                         Instant now, Away away) {
  CommandKinds kinds;
  if (!state.method || state.phase == Phase::finished || !state.find_participant(viewer) ||
      someone == viewer)
    return kinds;
  const Probe p{state, viewer, now, away};
  const std::string text{some_text};
  namespace cmd = command;
  p.set<cmd::ProposeIssue>(kinds, p.accepts(cmd::ProposeIssue{text, someone}));
  p.set<cmd::AskQuestion>(kinds, p.accepts(cmd::AskQuestion{text, someone}));
  p.set<cmd::Pass>(kinds, p.accepts(cmd::Pass{someone}));
  p.set<cmd::AddObservation>(kinds, p.accepts(cmd::AddObservation{text, someone}));
  p.set<cmd::GiveAdvice>(kinds, p.accepts(cmd::GiveAdvice{text, someone}));
  p.set<cmd::WriteDraft>(kinds, p.accepts(cmd::WriteDraft{text, someone}));
  p.set<cmd::ShareAdvice>(kinds, p.accepts(cmd::ShareAdvice{text, someone}));
  p.set<cmd::ClosingRemark>(kinds, p.accepts(cmd::ClosingRemark{text, someone}));
  return kinds;
}

} // namespace intervisie::core
