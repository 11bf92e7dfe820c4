// SPDX-License-Identifier: EUPL-1.2
// The state of one session: one case treated with one method by one group.
// Only apply() writes it; everything here is a fold of the session's events.
#pragma once

#include "core/method/method.hpp"
#include "core/session/command.hpp"
#include "core/session/ids.hpp"
#include "core/session/timer.hpp"

#include <cstddef>
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace intervisie::core {

inline constexpr std::size_t max_participants = 8;
inline constexpr std::size_t recommended_min_participants = 5;
inline constexpr std::size_t max_text_chars = 4000;
inline constexpr std::size_t max_name_chars = 60;
inline constexpr std::size_t max_title_chars = 200;
inline constexpr std::size_t max_key_point_chars = 300; // one line
inline constexpr std::string_view advice_opener_nl = "Als ik in jouw schoenen stond";

enum class Phase { lobby, running, finished };
enum class Role { facilitator, presenter, adviser, scribe };
enum class QuestionOutcome { pending, answered, declined, rated };
enum class ReframeChoice { undecided, reframed, kept };

struct Participant {
  ParticipantId id;
  std::string name;
  // False for someone the facilitator added by name: the facilitator or the scribe records
  // what they say, until they pick up a device and claim their place.
  bool has_device = true;
  bool operator==(const Participant&) const = default;
};

struct Candidate {
  CandidateId id;
  ParticipantId owner;
  std::string text;
  std::optional<ParticipantId> recorded_by;
  bool withdrawn = false;
  bool operator==(const Candidate&) const = default;
};

struct Question {
  QuestionId id;
  std::size_t step = 0; // which question_rounds step it was asked in
  int round = 0;
  ParticipantId asker;
  std::optional<ParticipantId> recorded_by;
  std::string text;
  QuestionOutcome outcome = QuestionOutcome::pending;
  std::optional<Rating> rating;
  std::optional<ParticipantId> rating_recorded_by;
  std::string answer_note; // the presenter's own note; private to the presenter
  // For a question asked out loud: its core in one line, and who noted it when that was not the
  // asker (none: the asker did).
  std::optional<std::string> key_point;
  std::optional<ParticipantId> key_point_by;
  bool operator==(const Question&) const = default;
};

struct Observation {
  std::size_t step = 0;
  ParticipantId author;
  std::string text;
  std::optional<ParticipantId> recorded_by;
  bool operator==(const Observation&) const = default;
};

struct Advice {
  AdviceId id;
  std::size_t step = 0;
  ParticipantId adviser;
  std::string text; // empty: given out loud
  std::optional<ParticipantId> recorded_by;
  std::optional<std::string> key_point; // as for a question
  std::optional<ParticipantId> key_point_by;
  bool operator==(const Advice&) const = default;
};

// Balint: written privately, visible to its author only until it is shared.
struct Draft {
  ParticipantId author;
  std::string text;
  bool shared = false;
  std::string essence;
  bool operator==(const Draft&) const = default;
};

struct Reflection {
  std::size_t step = 0;
  std::string text;
  bool operator==(const Reflection&) const = default;
};

struct Reaction {
  std::string tomorrow;
  std::string think_over;
  bool operator==(const Reaction&) const = default;
};

struct ClosingRemark {
  ParticipantId author;
  std::string text;
  std::optional<ParticipantId> recorded_by;
  bool operator==(const ClosingRemark&) const = default;
};

// A key point jotted down for the presenter during the gossip or the advice.
struct Note {
  std::size_t step = 0;
  ParticipantId author;
  std::string text;
  bool operator==(const Note&) const = default;
};

struct Disturbance {
  std::optional<ParticipantId> raised_by; // none: raised without a name
  std::string text;
  Instant at;
  bool operator==(const Disturbance&) const = default;
};

// Someone asking to come back to their own place on another device, until it is decided.
struct PendingReturn {
  ReturnId request;
  ParticipantId participant;
  Instant at;
  bool operator==(const PendingReturn&) const = default;
};
// What became of each request. Replaced: a newer request for the same place came in first.
enum class ReturnOutcome { waiting, admitted, declined, replaced };

// Turn-taking over a fixed order of advisers (question rounds, advice, sharing advice).
struct Turns {
  std::vector<ParticipantId> order;
  std::size_t position = 0; // index into order of whoever holds the turn
  int round = 1;
  bool anyone_asked_this_round = false;
  bool closed = false;                // no more turns in this step
  std::optional<QuestionId> awaiting; // asked, not yet answered, declined or rated

  std::optional<ParticipantId> holder() const;
  // Who holds the turn after the holder: wrapping round where the turns go round and round
  // (question rounds); none after the last of a step that goes round once, or when closed.
  std::optional<ParticipantId> next(bool wraps) const;
  bool operator==(const Turns&) const = default;
};

// What belongs to the current step only; replaced when the next step starts.
struct StepProgress {
  std::size_t index = 0;
  Timer timer;
  std::optional<Timer> preparation;
  bool preparation_ended = false;
  Turns turns;
  bool gossip_closed = false;
  bool reflected = false;
  ReframeChoice reframe = ReframeChoice::undecided;
  bool operator==(const StepProgress&) const = default;
};

struct SessionState {
  std::shared_ptr<const Method> method;
  std::string title;
  bool facilitator_takes_turns = true;
  bool coach_hints = true;                             // the wording coach helps while people type
  std::optional<Contributions> contributions_override; // none: as the method says per step
  Phase phase = Phase::lobby;
  std::uint64_t version = 0; // events folded so far

  std::vector<Participant> participants; // in order of joining: the turn order
  ParticipantId facilitator;
  std::optional<ParticipantId> presenter;
  std::optional<ParticipantId> scribe;

  StepProgress step;
  std::vector<std::size_t> visited_steps;
  std::optional<Disturbance> disturbance;
  std::optional<Instant> paused_since;

  // The flip chart.
  std::vector<Candidate> candidates;
  std::map<ParticipantId, CandidateId> votes;
  std::optional<CandidateId> chosen_candidate;
  std::vector<std::string> statements; // the first statement, then each reframe
  std::vector<Question> questions;
  std::vector<Observation> observations;
  std::vector<Reflection> reflections;
  std::vector<Advice> advice;
  std::vector<Draft> drafts;
  std::optional<Reaction> reaction;
  std::vector<ClosingRemark> closing_remarks;
  std::vector<std::string> private_notes; // the presenter's own
  std::vector<Note> notes;                // key points for the presenter, by anyone else

  std::optional<Instant> finished_at;

  // Coming back on another device: the requests still waiting (at most one per participant),
  // and the outcome of every request so far, by request id (from 1).
  std::vector<PendingReturn> returns;
  std::vector<ReturnOutcome> return_outcomes;

  const Step* current_step() const;
  const Participant* find_participant(ParticipantId id) const;
  // How contributions arrive in the current step: the session's choice, else the method's.
  Contributions contributions() const;
  bool is_adviser(ParticipantId id) const; // takes turns in rounds
  std::vector<Role> roles_of(ParticipantId id) const;
  std::optional<std::string_view> statement() const;
  const Question* find_question(QuestionId id) const;
  const Advice* find_advice(AdviceId id) const;
  const Draft* find_draft(ParticipantId author) const;
  // Advisers in order of joining: everyone but the presenter, and the facilitator only
  // when they take turns.
  std::vector<ParticipantId> turn_order() const;
  // Who holds the turn after the current holder, in this step (Turns::next).
  std::optional<ParticipantId> next_turn_holder() const;

  // Remaining time of the step (or of its preparation pause, while that runs).
  Duration time_left(Instant now) const;
  bool preparing(Instant now) const;
  bool small_group() const { return participants.size() < recommended_min_participants; }

  bool operator==(const SessionState& other) const;
};

} // namespace intervisie::core
