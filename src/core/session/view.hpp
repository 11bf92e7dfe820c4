// What one participant may see. The server only ever sends views, never the raw state.
#pragma once

#include "core/session/event.hpp"
#include "core/session/session_state.hpp"

#include <optional>

namespace intervisie::core {

// A Balint draft only to its author until it is shared; the presenter's notes (private notes
// and notes on answers) only to the presenter. A viewer who is no participant is the shared
// screen (the beamer): it never learns who raised a disturbance.
SessionState view(const SessionState& state, ParticipantId viewer);

// Whether `viewer` may see what is private to `owner`: their own, or — for someone without a
// device — the facilitator's and the scribe's, who type it for them.
bool sees_private_of(const SessionState& state, ParticipantId viewer,
                     std::optional<ParticipantId> owner);

// The event as this participant may see it, or nothing if it is none of their business.
std::optional<Event> view(const Event& event, const SessionState& state_before,
                          ParticipantId viewer);

} // namespace intervisie::core
