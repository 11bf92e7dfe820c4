// SPDX-License-Identifier: EUPL-1.2
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

ViewCut view_cut(const SessionState& state, ParticipantId viewer) {
  ViewCut cut{
      .shared_screen = state.find_participant(viewer) == nullptr,
      .presenter_private = sees_private_of(state, viewer, state.presenter),
      // "Alleen voor de inbrenger": after the end, the others' screens show no case at all.
      .forgets_case = state.phase == Phase::finished && !keeps_the_case(state, viewer),
      .drafts = {},
  };
  cut.drafts.reserve(state.drafts.size());
  for (const Draft& draft : state.drafts)
    cut.drafts.push_back(draft.shared || sees_private_of(state, viewer, draft.author));
  return cut;
}

ListCut list_cut(const ViewCut& cut) {
  return ListCut{.hidden = cut.forgets_case, .presenter_private = cut.presenter_private};
}

Question view(Question question, const ListCut& cut) {
  if (!cut.presenter_private)
    question.answer_note.clear();
  return question;
}

SessionState view(const SessionState& state, const ViewCut& cut) {
  SessionState seen = state;
  if (cut.shared_screen && seen.disturbance)
    seen.disturbance->raised_by.reset();
  if (cut.shared_screen)
    seen.returns.clear(); // who asks to come back is for the group's phones, not the wall
  std::vector<Draft> drafts;
  for (std::size_t i = 0; i < seen.drafts.size(); ++i)
    if (i < cut.drafts.size() && cut.drafts[i])
      drafts.push_back(std::move(seen.drafts[i]));
  seen.drafts = std::move(drafts);
  const ListCut lists = list_cut(cut);
  if (!lists.presenter_private)
    seen.private_notes.clear();
  for (Question& question : seen.questions)
    question = view(std::move(question), lists);
  if (lists.hidden)
    forget_the_case(seen);
  return seen;
}

SessionState view(const SessionState& state, ParticipantId viewer) {
  return view(state, view_cut(state, viewer));
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
