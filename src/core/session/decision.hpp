// SPDX-License-Identifier: EUPL-1.2
// Shared vocabulary of the rule files: the context a command is judged in, and how to say no.
// Internal to the engine; the outside world sees engine.hpp.
#pragma once

#include "core/session/engine.hpp"
#include "core/text/typed_text.hpp" // comparable(): two wordings of one question count as the same

#include <expected>
#include <string>
#include <string_view>

namespace intervisie::core::rules {

using Decision = std::expected<Events, Refusal>;

struct Context {
  const SessionState& state;
  ParticipantId actor;
  Instant now;
  Away away; // who has no live connection now

  // Someone the facilitator acts for: without a device of their own, or away from it now.
  bool out_of_reach(const Participant& person) const {
    return !person.has_device || away.contains(person.id);
  }

  const Step* step() const { return state.current_step(); }
  bool in_step(StepKind kind) const { return step() && step()->kind == kind; }
  bool is_facilitator() const { return state.facilitator == actor; }
  bool is_presenter() const { return state.presenter == actor; }
  bool is_scribe() const { return state.scribe == actor; }
  // The presenter, or the facilitator typing for a presenter who has no device of their own or
  // is away from it.
  bool speaks_for_presenter() const {
    if (is_presenter())
      return true;
    const Participant* presenting =
        state.presenter ? state.find_participant(*state.presenter) : nullptr;
    return is_facilitator() && presenting != nullptr && out_of_reach(*presenting);
  }
  Event event(EventBody body) const { return Event{now, actor, std::move(body)}; }
};

inline std::unexpected<Refusal> refuse(RefusalCode code) {
  return std::unexpected(Refusal{code});
}

// Who a contribution is from: the actor, or someone for whom the facilitator or the scribe records
// it (`recorded_by`): someone without a device; for the facilitator also someone who is away from
// their device now. Refusals: not_allowed_to_record, unknown_participant, has_own_device.
struct Contributor {
  ParticipantId who;
  std::optional<ParticipantId> recorded_by;
};
struct Recording {
  // The scribe's flip chart (Fresh Questioning): the scribe records for anyone.
  bool scribe_records_anyone = false;
  // Whether the facilitator may record for someone away from their own device. Not for what is
  // private to them (a Balint draft): only they have seen it.
  bool while_away = true;
};
std::expected<Contributor, Refusal> contributor(const Context& context,
                                                std::optional<ParticipantId> on_behalf_of,
                                                Recording recording = {});
// The refusal of a turn rule, said about the person recorded for: "not their turn".
RefusalCode as_recorded(RefusalCode code, const Contributor& from);
// Why `from` may not take the turn now (turn_rules.cpp), or none: the same checks in the same
// order for asking, passing, advising and sharing.
std::optional<RefusalCode> turn_refusal(const Context& context, const Contributor& from);

// Texts people type: valid UTF-8, trimmed, within limits. Required texts may not be empty.
std::expected<std::string, Refusal> required_text(std::string_view raw,
                                                  std::size_t max_chars = max_text_chars);
std::expected<std::string, Refusal> optional_text(std::string_view raw,
                                                  std::size_t max_chars = max_text_chars);
// "Als ik in jouw schoenen stond, dan …" in front of an advice that does not start with it.
std::string with_advice_opener(std::string text);

// One function per command, grouped by the part of the method they belong to.
Decision decide_join(const SessionState& state, const command::Join& command, Instant now);
Decision decide_return(const SessionState& state, const command::RequestReturn& command,
                       Instant now);
Decision decide(const Context& context, const command::AdmitReturn& command);
Decision decide(const Context& context, const command::DeclineReturn& command);
Decision decide(const Context& context, const command::AssignPresenter& command);
Decision decide(const Context& context, const command::AssignScribe& command);
Decision decide(const Context& context, const command::HandOverFacilitator& command);
Decision decide(const Context& context, const command::Start& command);

Decision decide(const Context& context, const command::NextStep& command);
// What the current step still lacks before the facilitator moves on, as specifically as its
// rules can say it (issue_not_chosen, rounds_still_open, reaction_missing, …).
RefusalCode what_is_missing(const Context& context);
Decision decide(const Context& context, const command::AdjustTime& command);
Decision decide(const Context& context, const command::RaiseDisturbance& command);
Decision decide(const Context& context, const command::ResolveDisturbance& command);
Decision decide(const Context& context, const command::Pause& command);
Decision decide(const Context& context, const command::Resume& command);

Decision decide(const Context& context, const command::ProposeIssue& command);
Decision decide(const Context& context, const command::WithdrawIssue& command);
Decision decide(const Context& context, const command::Vote& command);
Decision decide(const Context& context, const command::ChooseIssue& command);

Decision decide(const Context& context, const command::SetStatement& command);
Decision decide(const Context& context, const command::StartPreparation& command);
Decision decide(const Context& context, const command::EndPreparation& command);
Decision decide(const Context& context, const command::Reframe& command);
Decision decide(const Context& context, const command::KeepStatement& command);

Decision decide(const Context& context, const command::AskQuestion& command);
Decision decide(const Context& context, const command::Pass& command);
Decision decide(const Context& context, const command::AnswerQuestion& command);
Decision decide(const Context& context, const command::DeclineQuestion& command);
Decision decide(const Context& context, const command::RateQuestion& command);
Decision decide(const Context& context, const command::CloseRounds& command);

Decision decide(const Context& context, const command::AddObservation& command);
Decision decide(const Context& context, const command::CloseGossip& command);
Decision decide(const Context& context, const command::Reflect& command);

Decision decide(const Context& context, const command::GiveAdvice& command);
Decision decide(const Context& context, const command::WriteDraft& command);
Decision decide(const Context& context, const command::ShareAdvice& command);

Decision decide(const Context& context, const command::React& command);
Decision decide(const Context& context, const command::ClosingRemark& command);
Decision decide(const Context& context, const command::WritePrivateNote& command);

Decision decide(const Context& context, const command::SetCoachHints& command);
Decision decide(const Context& context, const command::SetContributions& command);
Decision decide(const Context& context, const command::AddParticipant& command);
Decision decide(const Context& context, const command::AddNote& command);
Decision decide(const Context& context, const command::NoteKeyPoint& command);

} // namespace intervisie::core::rules
