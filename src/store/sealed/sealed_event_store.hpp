// SPDX-License-Identifier: EUPL-1.2
// The event store, with every case text sealed before it reaches the store underneath: each
// event's payload and the session's title, with the session's own data key. What is not secret
// (kinds, seqs, times, ids, token hashes) stays readable, so the store works for everything but
// content without the key. Erasing a session destroys its key first: copies of the database,
// backups included, can no longer open what they hold of it.
#pragma once

#include "store/event_store.hpp"
#include "store/sealed/key_ring.hpp"

#include <memory>

namespace intervisie::store::sealed {

std::unique_ptr<EventStore> seal_event_store(std::unique_ptr<EventStore> inner, KeyRing& keys);

// What a sealed event is bound to: a sealed payload copied to another session, seq or kind does
// not open.
std::string event_associated_data(std::string_view session_id, std::uint64_t seq,
                                  std::string_view kind);

} // namespace intervisie::store::sealed
