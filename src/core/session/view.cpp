// Privacy of the session: what one participant may see of the state and of each event.
#include "core/session/view.hpp"

#include <algorithm>

namespace intervisie::core {

bool sees_private_of(const SessionState& state, ParticipantId viewer,
                     std::optional<ParticipantId> owner) {
  if (!owner)
    return false;
  if (*owner == viewer)
    return true;
  // Someone without a device has their private things typed on the shared laptop by the
  // facilitator or the scribe: those two see them, nobody else.
  const Participant* person = state.find_participant(*owner);
  return person != nullptr && !person->has_device &&
         (viewer == state.facilitator || state.scribe == viewer);
}

SessionState view(const SessionState& state, ParticipantId viewer) {
  SessionState seen = state;
  const bool shared_screen = state.find_participant(viewer) == nullptr;
  if (shared_screen && seen.disturbance)
    seen.disturbance->raised_by.reset();
  std::erase_if(seen.drafts, [&](const Draft& draft) {
    return !draft.shared && !sees_private_of(state, viewer, draft.author);
  });
  if (!sees_private_of(state, viewer, state.presenter)) {
    seen.private_notes.clear();
    for (Question& question : seen.questions)
      question.answer_note.clear();
  }
  return seen;
}

std::optional<Event> view(const Event& event, const SessionState& state_before,
                          ParticipantId viewer) {
  if (const auto* draft = std::get_if<event::DraftWritten>(&event.body))
    return sees_private_of(state_before, viewer, draft->author) ? std::optional{event}
                                                                : std::nullopt;
  if (std::holds_alternative<event::DisturbanceRaised>(event.body) && event.actor &&
      state_before.find_participant(viewer) == nullptr) {
    Event nameless = event; // the wall shows the disturbance, not who raised it
    nameless.actor.reset();
    return nameless;
  }
  const bool presenter = sees_private_of(state_before, viewer, state_before.presenter);
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
