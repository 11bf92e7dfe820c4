// SPDX-License-Identifier: EUPL-1.2
// What one participant may see. The server only ever sends views, never the raw state.
#pragma once

#include "core/session/event.hpp"
#include "core/session/session_state.hpp"

#include <compare>
#include <optional>
#include <vector>

namespace intervisie::core {

// Everything that decides how the state is cut for one viewer. Viewers with the same cut see
// the same state, so a server can make that view once for all of them.
struct ViewCut {
  bool shared_screen = false;     // no participant: the beamer
  bool presenter_private = false; // sees the presenter's private notes and answer notes
  bool forgets_case = false;      // finished, and the case is not theirs to keep
  std::vector<bool> drafts;       // per draft of the state: whether this viewer sees it

  auto operator<=>(const ViewCut&) const = default;
};

ViewCut view_cut(const SessionState& state, ParticipantId viewer);

// What a cut does to the flip chart's lists that grow through a meeting (questions,
// observations, reflections, advice, closing remarks, notes and the presenter's private notes),
// item by item: view(state, cut) cuts them this way, and a server that sends only what changed
// cuts each changed item the same way.
struct ListCut {
  bool hidden = false;            // the case is forgotten: every list is empty
  bool presenter_private = false; // the private notes, and the notes on answers
  auto operator<=>(const ListCut&) const = default;
};
ListCut list_cut(const ViewCut& cut);
// The question as it shows with this cut: its answer note only for the presenter's eyes.
Question view(Question question, const ListCut& cut);
// The state as a viewer with this cut sees it.
SessionState view(const SessionState& state, const ViewCut& cut);

// A Balint draft only to its author until it is shared; the presenter's notes (private notes
// and notes on answers) only to the presenter. A viewer who is no participant is the shared
// screen (the beamer): it never learns who raised a disturbance.
SessionState view(const SessionState& state, ParticipantId viewer);

// Whether `viewer` may see what is private to `owner`: their own, or — for someone without a
// device — the facilitator's and the scribe's, who type it for them.
bool sees_private_of(const SessionState& state, ParticipantId viewer,
                     std::optional<ParticipantId> owner);

// Once the session has finished, the case stays with the presenter alone (and with the
// facilitator of a presenter without a device, who reads the record for them): everyone else,
// the shared screen included, is left with an empty flip chart.
bool keeps_the_case(const SessionState& state, ParticipantId viewer);

// The event with every free text blanked: issues, statements, questions, answer notes,
// observations, reflections, advice, drafts, reactions, closing remarks, notes, key points and a
// disturbance's reason. What a resume after the finish replays to someone who does not keep the
// case. Names and the title stay: they are the meeting, not the case.
Event without_free_text(Event event);

// The event as this participant may see it, or nothing if it is none of their business.
std::optional<Event> view(const Event& event, const SessionState& state_before,
                          ParticipantId viewer);

} // namespace intervisie::core
