// SPDX-License-Identifier: EUPL-1.2
// The presenter's own record of a finished session: what they brought, what was asked and said,
// and by whom, and what they take with them. Only the presenter may read it.
#pragma once

#include "core/session/session_state.hpp"
#include "core/session/view.hpp"

#include <expected>
#include <optional>
#include <string>
#include <vector>

namespace intervisie::core {

struct PresenterRecord {
  // `by` is the author's name: the presenter was in the room and needs to know whom to ask later.
  struct Question {
    std::string by;
    bool spoken = false; // asked out loud: `text` is empty, `key_point` may hold its core
    std::string text;
    std::optional<std::string> key_point;
    QuestionOutcome outcome = QuestionOutcome::pending;
    std::optional<Rating> rating;
    std::string answer_note;
  };
  struct Advice {
    std::string by;
    bool spoken = false; // given out loud, as for a question
    std::string text;
    std::optional<std::string> key_point;
  };
  struct Contribution { // an observation, or a note someone jotted down for the presenter
    std::string by;
    std::string text;
  };
  struct SharedAdvice { // Balint: the essence said aloud, and the written advice handed over
    std::string by;
    std::string essence;
    std::string text;
  };

  std::string title;
  std::string method_id;
  LocalizedText method_name;
  std::optional<Instant> finished_at;
  std::vector<std::string> statements; // the first statement, then each reframe
  std::vector<Question> questions;
  std::vector<Contribution> observations;
  std::vector<std::string> reflections; // the presenter's own
  std::vector<Advice> advice;
  std::vector<Contribution> key_points; // notes the others jotted down for the presenter
  std::vector<SharedAdvice> shared_advice;
  std::optional<Reaction> reaction;
  std::vector<std::string> private_notes;
};

enum class RecordRefusal { not_presenter, session_not_finished };

// The record for `reader`, who must be the presenter of a finished session (or the facilitator,
// for a presenter without a device of their own). It names the author of every contribution:
// it stays the presenter's own, and they need to know whom to ask later.
std::expected<PresenterRecord, RecordRefusal> presenter_record(const SessionState& state,
                                                               ParticipantId reader);

// The record as a Markdown document, headed by the title, in the given language. A contribution
// said out loud shows its key point; those without one are summed up by name, not listed empty.
std::string to_markdown(const PresenterRecord& record, Language language);

} // namespace intervisie::core
