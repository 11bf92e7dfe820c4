// The presenter's own record of a finished session: what they brought, what was asked and said,
// and what they take with them. Only the presenter may read it.
#pragma once

#include "core/session/session_state.hpp"
#include "core/session/view.hpp"

#include <expected>
#include <optional>
#include <string>
#include <vector>

namespace intervisie::core {

struct PresenterRecord {
  struct Question {
    std::string text; // empty: asked out loud
    QuestionOutcome outcome = QuestionOutcome::pending;
    std::optional<Rating> rating;
    std::string answer_note;
  };
  struct SharedAdvice { // Balint: the essence said aloud, and the written advice handed over
    std::string essence;
    std::string text;
  };

  std::string title;
  std::string method_id;
  LocalizedText method_name;
  std::optional<Instant> finished_at;
  std::vector<std::string> statements; // the first statement, then each reframe
  std::vector<Question> questions;
  std::vector<std::string> observations;
  std::vector<std::string> reflections;
  std::vector<std::string> advice;     // empty: given out loud
  std::vector<std::string> key_points; // notes the others jotted down for the presenter
  std::vector<SharedAdvice> shared_advice;
  std::optional<Reaction> reaction;
  std::vector<std::string> private_notes;
};

enum class RecordRefusal { not_presenter, session_not_finished };

// The record for `reader`, who must be the presenter of a finished session (or the facilitator,
// for a presenter without a device of their own). Names of the
// others are left out: the record is about the case, and it may travel further than the group.
std::expected<PresenterRecord, RecordRefusal> presenter_record(const SessionState& state,
                                                               ParticipantId reader);

// The record as a Markdown document, headed by the title, in the given language.
std::string to_markdown(const PresenterRecord& record, Language language);

} // namespace intervisie::core
