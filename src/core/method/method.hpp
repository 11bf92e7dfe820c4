// SPDX-License-Identifier: EUPL-1.2
// A method (werkvorm) as the engine sees it: an ordered list of steps, each of a
// step kind the engine knows how to run. Methods are data: they come from
// methods/*.toml through method_parser.hpp, never from C++.
#pragma once

#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace intervisie::core {

// What the engine does in a step. Adding a method never adds a kind; adding a
// kind is adding engine behaviour.
enum class StepKind {
  inventory,            // candidate issues on the flip chart, vote, choose one
  statement,            // presenter names the issue, then a preparation pause
  question_rounds,      // one question per turn, answered or rated before the next turn
  gossip,               // advisers share observations; the presenter only listens
  reframe,              // presenter reframes the statement or keeps it (a branch)
  advice,               // advice in turn, each starting with the advice opener
  written_advice,       // advisers write advice privately
  share_advice,         // in turn, each adviser shares the essence of the written advice
  presenter_reaction,   // what to apply tomorrow, what to think over
  presenter_reflection, // the presenter's last word on what the step before brought
  closing,              // each participant looks back briefly
};

// How the presenter responds to a question in a question_rounds step.
enum class AnswerMode {
  answer, // answers at once (incident, Balint)
  rate,   // does not answer; rates warm / lauw / koud (Fresh Questioning)
};

// Who speaks or listens in a step, as shown on the facilitator's card.
// How contributions in a step typically arrive: said out loud (the record holds that it was
// said, and notes) or written (the text itself is the record).
enum class Contributions { spoken, written };

enum class Party { facilitator, presenter, advisers, scribe, everyone };

// The languages of everything people read: Dutch first, English second.
enum class Language { nl, en };

struct LocalizedText {
  std::string nl;
  std::string en;
  const std::string& in(Language language) const { return language == Language::en ? en : nl; }
  bool operator==(const LocalizedText&) const = default;
};

// Incident step 5: reframing leads to new question rounds, keeping to advice.
struct StepBranches {
  std::string on_reframe;
  std::string on_keep;
  bool operator==(const StepBranches&) const = default;
};

struct Step {
  std::string id;
  StepKind kind{};
  LocalizedText title;
  LocalizedText rule;          // one sentence: the rule that applies in this step
  LocalizedText instruction;   // a short explanation for whoever reads the card
  int minutes = 0;             // suggested duration of the step itself
  int preparation_minutes = 0; // a pause to think before the step's main part
  std::vector<Party> speakers;
  std::vector<Party> listeners;
  Contributions contributions = Contributions::spoken; // what is typical; a session may override

  // question_rounds only
  AnswerMode answer_mode = AnswerMode::answer;
  bool open_questions = true;  // the coach's open/closed hint applies
  bool scribe_records = false; // the scribe may record questions and ratings

  // gossip only: the presenter reflects briefly once the gossip is closed
  bool presenter_reflects = false;

  // reframe only
  std::optional<StepBranches> branches;

  bool operator==(const Step&) const = default;
};

struct Method {
  std::string id;
  LocalizedText name;
  LocalizedText purpose;
  bool has_scribe = false; // one adviser is the scribe (Fresh Questioning)
  std::vector<Step> steps;

  int total_minutes() const;
  std::optional<std::size_t> step_index(std::string_view step_id) const;
  bool has_step_kind(StepKind kind) const;

  bool operator==(const Method&) const = default;
};

std::string_view to_string(StepKind kind);
// Whether the group takes turns in a step of this kind: question rounds, advice, sharing.
bool takes_turns(StepKind kind);
std::optional<StepKind> step_kind_from_string(std::string_view text);
std::string_view to_string(AnswerMode mode);
std::string_view to_string(Contributions contributions);
std::optional<Contributions> contributions_from_string(std::string_view text);
std::optional<AnswerMode> answer_mode_from_string(std::string_view text);
std::string_view to_string(Party party);
std::optional<Party> party_from_string(std::string_view text);

// Every value, in declaration order: what a method file may name (for error messages).
std::span<const StepKind> all_step_kinds();
std::span<const AnswerMode> all_answer_modes();
std::span<const Party> all_parties();

} // namespace intervisie::core
