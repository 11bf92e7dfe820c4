// SPDX-License-Identifier: EUPL-1.2
// A session's events as the store keeps them (kind, JSON payload, time) and back: what a live
// session appends, what a restart reads, and what erasing someone rewrites.
#pragma once

#include "core/session/engine.hpp"
#include "store/event_store.hpp"

#include <expected>
#include <string>
#include <vector>

namespace intervisie::server {

std::vector<store::NewEvent> records_of(const core::Events& events);

// A session's durable history: every event in seq order (seq = index + 1), and the state they
// fold into. Empty for a session with no events yet.
struct DurableHistory {
  core::Events events;
  core::SessionState state;
};

// The history of a session just created: its first events (stored with it), folded.
DurableHistory history_of(core::Events first_events);

// A stored history read back, folded once while each event is checked against the state before
// it (core::fits); or what is wrong with the first event that does not read or does not fit.
std::expected<DurableHistory, std::string>
history_of(const std::string& session_id, const std::vector<store::StoredEvent>& stored);

} // namespace intervisie::server
