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

// The events of a stored history, or what is wrong with the first one that does not read or
// does not fit the history before it (core::fits).
std::expected<core::Events, std::string> history_of(const std::string& session_id,
                                                    const std::vector<store::StoredEvent>& stored);

} // namespace intervisie::server
