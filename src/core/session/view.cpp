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

bool keeps_the_case(const SessionState& state, ParticipantId viewer) {
  if (!state.presenter)
    return false;
  if (viewer == *state.presenter)
    return true;
  const Participant* presenter = state.find_participant(*state.presenter);
  return presenter != nullptr && !presenter->has_device && viewer == state.facilitator &&
         state.find_participant(viewer) != nullptr;
}

namespace {

void forget_the_case(SessionState& seen) {
  seen.candidates.clear();
  seen.votes.clear();
  seen.chosen_candidate.reset();
  seen.statements.clear();
  seen.questions.clear();
  seen.observations.clear();
  seen.reflections.clear();
  seen.advice.clear();
  seen.drafts.clear();
  seen.reaction.reset();
  seen.closing_remarks.clear();
  seen.private_notes.clear();
  seen.notes.clear();
}

} // namespace

Event without_free_text(Event event) {
  std::visit(
      [](auto& body) {
        if constexpr (requires { body.text; })
          body.text.clear();
        if constexpr (requires { body.note; })
          body.note.clear();
        if constexpr (requires { body.draft; })
          body.draft.clear();
        if constexpr (requires { body.essence; })
          body.essence.clear();
        if constexpr (requires { body.tomorrow; })
          body.tomorrow.clear();
        if constexpr (requires { body.think_over; })
          body.think_over.clear();
      },
      event.body);
  return event;
}

SessionState view(const SessionState& state, ParticipantId viewer) {
  SessionState seen = state;
  const bool shared_screen = state.find_participant(viewer) == nullptr;
  if (shared_screen && seen.disturbance)
    seen.disturbance->raised_by.reset();
  if (shared_screen)
    seen.returns.clear(); // who asks to come back is for the group's phones, not the wall
  std::erase_if(seen.drafts, [&](const Draft& draft) {
    return !draft.shared && !sees_private_of(state, viewer, draft.author);
  });
  if (!sees_private_of(state, viewer, state.presenter)) {
    seen.private_notes.clear();
    for (Question& question : seen.questions)
      question.answer_note.clear();
  }
  // "Alleen voor de inbrenger": after the end, the others' screens show no case at all.
  if (state.phase == Phase::finished && !keeps_the_case(state, viewer))
    forget_the_case(seen);
  return seen;
}

std::optional<Event> view(const Event& event, const SessionState& state_before,
                          ParticipantId viewer) {
  if (const auto* draft = std::get_if<event::DraftWritten>(&event.body))
    return sees_private_of(state_before, viewer, draft->author) ? std::optional{event}
                                                                : std::nullopt;
  if ((std::holds_alternative<event::ReturnRequested>(event.body) ||
       std::holds_alternative<event::ReturnDeclined>(event.body)) &&
      state_before.find_participant(viewer) == nullptr)
    return std::nullopt;
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
