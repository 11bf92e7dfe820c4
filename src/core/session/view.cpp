// Privacy of the session: what one participant may see of the state and of each event.
#include "core/session/view.hpp"

#include <algorithm>

namespace intervisie::core {

SessionState view(const SessionState& state, ParticipantId viewer) {
  SessionState seen = state;
  std::erase_if(seen.drafts,
                [&](const Draft& draft) { return !draft.shared && draft.author != viewer; });
  if (state.presenter != viewer) {
    seen.private_notes.clear();
    for (Question& question : seen.questions)
      question.answer_note.clear();
  }
  return seen;
}

std::optional<Event> view(const Event& event, const SessionState& state_before,
                          ParticipantId viewer) {
  if (const auto* draft = std::get_if<event::DraftWritten>(&event.body))
    return draft->author == viewer ? std::optional{event} : std::nullopt;
  const bool presenter = state_before.presenter == viewer;
  if (std::holds_alternative<event::PrivateNoteWritten>(event.body))
    return presenter ? std::optional{event} : std::nullopt;
  if (const auto* answer = std::get_if<event::QuestionAnswered>(&event.body);
      answer && !presenter && !answer->note.empty()) {
    Event without_note = event;
    std::get<event::QuestionAnswered>(without_note.body).note.clear();
    return without_note;
  }
  return event;
}

} // namespace intervisie::core
