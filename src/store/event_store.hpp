// SPDX-License-Identifier: EUPL-1.2
// The event store: where a session's events become durable before anyone is told they happened.
// An interface only (ports and adapters): SQLite is the embedded default
// (sqlite_event_store.hpp); PostgreSQL (postgresql/) serves many nodes sharing one database.
#pragma once

#include <cstdint>
#include <expected>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace intervisie::store {

// One event as stored. `seq` counts a session's events from 1, without gaps. `kind` and
// `payload` are opaque to the store (the server's JSON); `at_ms` is the caller's clock.
struct StoredEvent {
  std::uint64_t seq = 0;
  std::string kind;
  std::string payload;
  std::int64_t at_ms = 0;

  bool operator==(const StoredEvent&) const = default;
};

// An event to append; the store gives it the next seq. Text must be valid UTF-8 without NUL
// characters (PostgreSQL refuses both).
struct NewEvent {
  std::string kind;
  std::string payload;
  std::int64_t at_ms = 0;
  // Marks the session finished in the same transaction as this event, so a restart never
  // restores a session that its last event ended.
  bool finishes_session = false;
};

// A named secret of a session (a token hash, say). Opaque to the store; never part of an event,
// so the event stream can go to clients as it is.
struct Secret {
  std::string name;
  std::string value;

  bool operator==(const Secret&) const = default;
};

struct NewSession {
  std::string session_id;
  std::string method_id;
  std::string title;
  std::int64_t created_at_ms = 0;
  std::vector<Secret> secrets;
  // Six digits to join by typing them; unique among unfinished sessions of every node, released
  // when the session finishes or is erased. Empty: none.
  std::string join_code;
  // The session's first events (seq 1, 2, …), written in the same commit as the session: a
  // session is never stored without them (a creation that fails leaves nothing behind).
  std::vector<NewEvent> events;
};

struct SessionRecord {
  std::string session_id;
  std::string method_id;
  std::string title;
  bool finished = false;
  std::uint64_t last_seq = 0; // 0 until the first event
  std::int64_t created_at_ms = 0;
  std::optional<std::int64_t> finished_at_ms; // the time of the event that finished it
  // When its content was erased (retention, the presenter's "forget", an account deleted):
  // its events and secrets are gone and its title is empty; the rest of this record stays.
  std::optional<std::int64_t> erased_at_ms;

  bool operator==(const SessionRecord&) const = default;
};

enum class StoreErrorCode {
  conflict,     // expected seq is not the session's last seq, or the session id or join code
                // is taken
  not_found,    // no such session
  io,           // the disk or the database failed: for SQLite nothing of this request was
                // written; for PostgreSQL a connection lost after COMMIT was sent may have
                // written it (an append tried again then meets `conflict`, never a double)
  newer_schema, // the data was written by a newer Intervisie
  corrupt,      // the file is not an Intervisie store, or is damaged
  closed,       // the store was closed
  fenced,       // another node has claimed the session since this one did (claim_session)
};

constexpr std::string_view to_string(StoreErrorCode code) {
  switch (code) {
  case StoreErrorCode::conflict:
    return "conflict";
  case StoreErrorCode::not_found:
    return "not_found";
  case StoreErrorCode::io:
    return "io";
  case StoreErrorCode::newer_schema:
    return "newer_schema";
  case StoreErrorCode::corrupt:
    return "corrupt";
  case StoreErrorCode::closed:
    return "closed";
  case StoreErrorCode::fenced:
    return "fenced";
  }
  return "unknown";
}

struct StoreError {
  StoreErrorCode code = StoreErrorCode::io;
  std::string message; // for a person: says what was being done and what went wrong

  bool operator==(const StoreError&) const = default;
};

// How a store error's message shows an id or a code: in double quotes.
inline std::string in_quotes(std::string_view text) {
  return "\"" + std::string{text} + "\"";
}

// How a store error's message names a session: `session "<id>"`.
inline std::string session_named(std::string_view session_id) {
  return "session " + in_quotes(session_id);
}

// The error of every store when a session id is not there.
inline StoreError no_such_session(std::string_view session_id) {
  return StoreError{StoreErrorCode::not_found, "no " + session_named(session_id)};
}

// Counters since the store was opened; they show group commit at work (events per commit).
struct StoreStats {
  std::uint64_t commits = 0;       // write transactions committed: one log sync each
  std::uint64_t writes = 0;        // write requests (appends, creations, secrets) that succeeded
  std::uint64_t events = 0;        // events made durable
  std::uint64_t conflicts = 0;     // appends refused for a stale expected seq
  std::uint64_t largest_batch = 0; // most write requests that shared one commit
};

// The new last seq of the session, or why nothing was written.
using AppendResult = std::expected<std::uint64_t, StoreError>;
using AppendDone = std::function<void(AppendResult)>;

// Thread-safe: every member may be called from any thread.
class EventStore {
public:
  virtual ~EventStore() = default;

  // Creates the session with its secrets, join code and first events (last_seq: how many);
  // durable when it returns success, and nothing of it is written when it does not. `conflict`
  // when the id or the join code is taken. Blocks for one commit: rare, so kept simple for
  // callers. The session is claimed by this store's node (claim_session).
  virtual std::expected<void, StoreError> create_session(const NewSession& session) = 0;

  // Adds or replaces one secret of a session (a participant's token hash when they join);
  // durable when it returns success. Blocks for one commit.
  virtual std::expected<void, StoreError> put_secret(std::string_view session_id,
                                                     const Secret& secret) = 0;

  // Appends `events` after `expected_last_seq`; `done` gets the new last seq once they are
  // durable, or an error and nothing was written: `conflict` when the session is at another seq
  // (optimistic concurrency), `fenced` when another node claimed the session after this store's
  // node did, `not_found`, `io`, `closed`.
  // - Appends are applied in the order of the calls, so a caller may pipeline several appends
  //   to one session, each expecting the seq the previous one reaches.
  // - Appends from many sessions share one commit (group commit): acknowledging costs one log
  //   sync per batch, not per event.
  // - `done` runs on the store's writer thread (or at once on the calling thread when the store
  //   is closed). Keep it short, don't block and don't throw: post to your own executor. It may
  //   call append(), create_session() and put_secret(); it must not call close().
  // - `secrets` (token hashes of the places these events make or move, say) are written in the
  //   same transaction as the events: both are durable, or neither is. Only with at least one
  //   event; a name given twice keeps its last value.
  virtual void append(std::string session_id, std::uint64_t expected_last_seq,
                      std::vector<NewEvent> events, std::vector<Secret> secrets,
                      AppendDone done) = 0;
  // The same, without secrets.
  void append(std::string session_id, std::uint64_t expected_last_seq, std::vector<NewEvent> events,
              AppendDone done) {
    append(std::move(session_id), expected_last_seq, std::move(events), {}, std::move(done));
  }

  // The session's events with seq > after_seq, in seq order; sees every acknowledged append.
  virtual std::expected<std::vector<StoredEvent>, StoreError> read(std::string_view session_id,
                                                                   std::uint64_t after_seq) = 0;

  virtual std::expected<SessionRecord, StoreError> find_session(std::string_view session_id) = 0;

  // The session's secrets, by name. `not_found` when there is no such session.
  virtual std::expected<std::vector<Secret>, StoreError>
  read_secrets(std::string_view session_id) = 0;

  // Every session (or only those not finished: what a restarting server restores), oldest first.
  virtual std::expected<std::vector<SessionRecord>, StoreError>
  list_sessions(bool unfinished_only) = 0;

  // Removes the session's events and secrets and empties its title, keeping the record (marked
  // erased at `at_ms`, and finished). Durable when it returns success; `not_found` when there is
  // no such session. Blocks for one commit. Appends to it fail with `not_found` from then on.
  virtual std::expected<void, StoreError> erase_session(std::string_view session_id,
                                                        std::int64_t at_ms) = 0;

  // Replaces the payloads of all the session's events, seq for seq (`events[i]` is seq i + 1,
  // its kind unchanged): erasing what someone wrote when they delete their account. `conflict`
  // when the session has another number of events now (appended meanwhile: read and try
  // again), `not_found` when there is no such session or it was erased. Blocks for one commit.
  virtual std::expected<void, StoreError> rewrite_session(std::string_view session_id,
                                                          const std::vector<NewEvent>& events) = 0;

  // Many nodes sharing one store -------------------------------------------------------------
  // One node at a time serves a live session (the proxy in front routes by session id). Claiming
  // makes this store's node that one: from then on, appends to the session through any other
  // node's store fail with `fenced`, so a node that wrongly believes it still serves a session
  // can never fork its history. Returns the claim's epoch (1, 2, …: one more per claim).
  // `not_found` when there is no such session. Call it before serving a session loaded from the
  // store. An embedded store belongs to one process: it only checks the session is there.
  virtual std::expected<std::uint64_t, StoreError> claim_session(std::string_view session_id) = 0;
  // `listener` hears, on a thread of the store's, the id of each session this store's node had
  // claimed and another node has claimed since: its copy in memory is stale, let it go. Set it
  // once, before the first claim. An embedded store never calls it.
  virtual void set_claim_listener(std::function<void(const std::string&)> listener) = 0;
  // The unfinished session that holds a join code (NewSession::join_code), whichever node
  // created it; nullopt when none does.
  virtual std::expected<std::optional<std::string>, StoreError>
  session_of_join_code(std::string_view code) = 0;

  virtual StoreStats stats() const = 0;

  // Makes every append already called durable (and calls its `done`), then closes. Later calls
  // fail with `closed`. Idempotent; the destructor closes too.
  virtual void close() = 0;
};

} // namespace intervisie::store
