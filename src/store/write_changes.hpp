// SPDX-License-Identifier: EUPL-1.2
// The changes an event store's writer applies, as every adapter queues them (sqlite/ and
// postgresql/ each add their own `Change` variant and `WriteRequest` around these).
#pragma once

#include "store/event_store.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace intervisie::store {

struct AppendEvents {
  std::string session_id;
  std::uint64_t expected_last_seq = 0;
  std::vector<NewEvent> events;
  std::vector<Secret> secrets; // written with the events, in the same transaction
};

struct CreateSession {
  NewSession session;
};

struct PutSecret {
  std::string session_id;
  Secret secret;
};

struct EraseSession {
  std::string session_id;
  std::int64_t at_ms = 0;
};

struct RewriteEvents {
  std::string session_id;
  std::vector<NewEvent> events; // seq 1, 2, …
};

} // namespace intervisie::store
