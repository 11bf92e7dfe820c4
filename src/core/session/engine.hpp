// SPDX-License-Identifier: EUPL-1.2
// The session engine: decide what a command means, and fold what happened.
#pragma once

#include "core/method/method.hpp"
#include "core/session/away.hpp"
#include "core/session/command.hpp"
#include "core/session/event.hpp"
#include "core/session/refusal.hpp"
#include "core/session/session_state.hpp"

#include <expected>
#include <memory>
#include <string>
#include <vector>

namespace intervisie::core {

using Events = std::vector<Event>;

struct SessionSettings {
  std::string title;
  std::string facilitator_name;
  bool facilitator_takes_turns = true; // false for an external facilitator who only guides
};

// The first events of a new session: it exists, and its facilitator is its first participant.
std::expected<Events, Refusal> create_session(std::shared_ptr<const Method> method,
                                              const SessionSettings& settings, Instant now);

// The events a command leads to, or why it is refused. Never changes the state. `away` are the
// participants without a live connection now: the facilitator may act for them (recording.cpp).
std::expected<Events, Refusal> decide(const SessionState& state, const Command& command,
                                      Instant now, Away away = {});

// The place of someone added without a device under this name (the same comparison as joining),
// whose owner now asks to come back on a device of their own: name_too_long, text_empty,
// invalid_text, no_place_to_claim.
std::expected<ParticipantId, Refusal> place_to_claim(const SessionState& state,
                                                     std::string_view name);

// Folds one event into the state.
void apply(SessionState& state, const Event& event);

// Folds a whole history.
SessionState replay(const std::vector<Event>& events);

} // namespace intervisie::core
