// SPDX-License-Identifier: EUPL-1.2
// What a participant (or the server on someone's behalf) asks the session to do.
// A command is a wish: decide() turns it into events or a refusal.
#pragma once

#include "core/method/method.hpp"
#include "core/session/ids.hpp"

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <variant>

namespace intervisie::core {

enum class Rating { warm, lukewarm, cold }; // warm / lauw / koud

namespace command {

// --- people and roles ------------------------------------------------------------------------
struct Join {
  std::string name;
}; // the server admits a newcomer
struct AddParticipant {
  std::string name;
}; // someone without a device, added by the facilitator
struct AssignPresenter {
  ParticipantId participant;
}; // methods without an inventory
struct AssignScribe {
  ParticipantId participant;
};
struct HandOverFacilitator {
  ParticipantId participant;
};
// Coming back to one's own place on another device (the server has checked the join link; like
// Join it has no actor). Someone in the group admits or declines it; `proven`: a logged-in
// member takes back their own seat, and the account is the proof.
struct RequestReturn {
  ParticipantId participant;
  bool proven = false;
};
struct AdmitReturn {
  ReturnId request;
};
struct DeclineReturn {
  ReturnId request;
};

// --- flow ------------------------------------------------------------------------------------
struct Start {};
struct NextStep {
  bool confirm = false;
}; // confirm: move on past a soft rule
struct AdjustTime {
  int seconds = 0;
}; // extend (> 0) or shorten (< 0)
struct RaiseDisturbance {
  std::string text;
  bool anonymous = false; // the event then names nobody
};
struct ResolveDisturbance {};
struct Pause {};
struct Resume {};

// --- inventory -------------------------------------------------------------------------------
// on_behalf_of (here and below): the facilitator or the scribe records what someone without a
// device said.
struct ProposeIssue {
  std::string text;
  std::optional<ParticipantId> on_behalf_of;
};
struct WithdrawIssue {
  CandidateId candidate;
};
struct Vote {
  CandidateId candidate;
};
struct ChooseIssue {
  std::optional<CandidateId> candidate;
}; // none: the most votes decide

// --- statement -------------------------------------------------------------------------------
struct SetStatement {
  std::string text;
};
struct StartPreparation {};
struct EndPreparation {};

// --- question rounds -------------------------------------------------------------------------
// on_behalf_of: also the scribe records what the turn holder said (where the step allows it).
// An empty text in a spoken step: the question was asked out loud.
struct AskQuestion {
  std::string text;
  std::optional<ParticipantId> on_behalf_of;
};
struct Pass {
  std::optional<ParticipantId> on_behalf_of;
};
struct AnswerQuestion {
  std::string note;
}; // spoken; the note is the presenter's own
struct DeclineQuestion {};
struct RateQuestion {
  std::optional<QuestionId> question;
  Rating rating{};
};
struct CloseRounds {};

// --- gossip and reflection -------------------------------------------------------------------
struct AddObservation {
  std::string text;
  std::optional<ParticipantId> on_behalf_of;
};
struct CloseGossip {};
struct Reflect {
  std::string text;
};

// --- reframe ---------------------------------------------------------------------------------
struct Reframe {
  std::string text;
};
struct KeepStatement {};

// --- advice ----------------------------------------------------------------------------------
struct GiveAdvice {
  std::string text; // empty in a spoken step: the advice was given out loud
  std::optional<ParticipantId> on_behalf_of;
};
struct WriteDraft {
  std::string text;
  std::optional<ParticipantId> on_behalf_of;
}; // Balint: private until shared
struct ShareAdvice {
  std::string essence;
  std::optional<ParticipantId> on_behalf_of;
};

// --- the presenter's reaction and the closing -------------------------------------------------
struct React {
  std::string tomorrow;
  std::string think_over;
};
struct ClosingRemark {
  std::string text;
  std::optional<ParticipantId> on_behalf_of;
};
// Key points for the presenter's record, so they need not write a word themselves.
struct AddNote {
  std::string text;
};
struct WritePrivateNote {
  std::string text;
}; // only the presenter ever sees it
// The core of a question or an advice said out loud, in one line: exactly one of the two ids.
struct NoteKeyPoint {
  std::optional<QuestionId> question;
  std::optional<AdviceId> advice;
  std::string text;
};

// --- the session's settings --------------------------------------------------------------------
struct SetCoachHints {
  bool on = true;
}; // the wording coach's hints for this session (the facilitator decides)
struct SetContributions {
  std::optional<Contributions> mode; // none: as the method says per step
};

} // namespace command

using CommandBody = std::variant<
    command::Join, command::AssignPresenter, command::AssignScribe, command::HandOverFacilitator,
    command::Start, command::NextStep, command::AdjustTime, command::RaiseDisturbance,
    command::ResolveDisturbance, command::Pause, command::Resume, command::ProposeIssue,
    command::WithdrawIssue, command::Vote, command::ChooseIssue, command::SetStatement,
    command::StartPreparation, command::EndPreparation, command::AskQuestion, command::Pass,
    command::AnswerQuestion, command::DeclineQuestion, command::RateQuestion, command::CloseRounds,
    command::AddObservation, command::CloseGossip, command::Reflect, command::Reframe,
    command::KeepStatement, command::GiveAdvice, command::WriteDraft, command::ShareAdvice,
    command::React, command::ClosingRemark, command::WritePrivateNote, command::SetCoachHints,
    command::AddParticipant, command::AddNote, command::SetContributions, command::NoteKeyPoint,
    command::RequestReturn, command::AdmitReturn, command::DeclineReturn>;

struct Command {
  // None only for Join and RequestReturn: the newcomer's device has no id yet.
  std::optional<ParticipantId> actor;
  CommandBody body;
};

// The name of a command kind as the protocol spells it, e.g. "ask_question".
std::string_view kind_name(const CommandBody& body);
// Every kind's name, in the order of CommandBody's alternatives.
std::span<const std::string_view> command_kind_names();

} // namespace intervisie::core
