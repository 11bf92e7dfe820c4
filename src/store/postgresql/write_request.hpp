// One change waiting for the writer thread, and whom to tell when it is durable.
#pragma once

#include "store/event_store.hpp"

#include <cstdint>
#include <string>
#include <variant>
#include <vector>

namespace intervisie::store::postgresql {

struct AppendEvents {
  std::string session_id;
  std::uint64_t expected_last_seq = 0;
  std::vector<NewEvent> events;
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

// Makes this store's node the one that serves the session (EventStore::claim_session).
struct ClaimSession {
  std::string session_id;
};

using Change =
    std::variant<AppendEvents, CreateSession, PutSecret, EraseSession, RewriteEvents, ClaimSession>;

struct WriteRequest {
  Change change;
  AppendDone done; // the session's last seq after the change (a claim's epoch), or why nothing
                   // was written
};

} // namespace intervisie::store::postgresql
