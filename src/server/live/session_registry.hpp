// SPDX-License-Identifier: EUPL-1.2
// Every live session this node serves, by id: creating them, and finding them again, from memory
// or from the store after a restart. With many nodes sharing one store, finding a session that
// is not in memory claims it for this node (store::EventStore::claim_session); when another node
// claims it, or the store refuses an append to it, this node lets it go and its screens
// reconnect (to the node the proxy sends them to).
#pragma once

#include "core/method/catalogue.hpp"
#include "server/live/live_session.hpp"

#include <boost/asio/any_io_executor.hpp>

#include <chrono>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>
#include <unordered_set>

namespace intervisie::server {

struct CreatedSession {
  std::string session_id;
  core::ParticipantId facilitator;
  std::string token;        // the facilitator's own
  std::string join_token;   // for everyone else's join link
  std::string beamer_token; // the read-only view on the shared screen
  std::string join_code;    // six digits, for joining by typing them
};

// A running session found by its join code, and what the code leads to.
struct CodedSession {
  std::string session_id;
  JoinOffer offer;
};

// When a session nobody uses leaves memory: no screen is connected to it, no request or write
// of it is under way, and it has been so for this long. It loads again from the store when
// someone asks for it (find), exactly as it was: memory holds the meetings in use, not every
// meeting ever held.
struct Eviction {
  std::chrono::milliseconds finished_after{std::chrono::minutes{1}};
  std::chrono::milliseconds unfinished_after{std::chrono::hours{2}};
};

struct NewSessionRequest {
  std::string method_id;
  std::string title;
  std::string facilitator_name;
  bool facilitator_takes_turns = true;
};

// Nothing here waits for the store on the caller's thread, except where a member says it
// blocks: those are for the blocking threads (group routes, retention, account deletion).
class SessionRegistry {
public:
  using CreateDone = std::function<void(std::expected<CreatedSession, AdmissionError>)>;
  using Found = std::function<void(std::shared_ptr<LiveSession>)>;

  // Sessions run on `executor` (a strand each); the store is read and created in on `blocking`.
  SessionRegistry(boost::asio::any_io_executor executor, boost::asio::any_io_executor blocking,
                  store::EventStore& store, const core::Catalogue& catalogue,
                  LiveSession::Clock clock, const core::coach::Coach* coach = nullptr);

  // Makes the session on the blocking executor; `done` runs once the session and its first
  // events are durable (on some session strand), or on a blocking thread when it failed.
  void create(const NewSessionRequest& request, CreateDone done);

  // The session, null when unknown, to `found`: at once, on this thread, when it is in memory;
  // otherwise once it is loaded from the store, on a blocking thread.
  void find(const std::string& session_id, Found found);
  // The same, waiting for the load. Blocks: off the network threads only.
  std::shared_ptr<LiveSession> find_blocking(const std::string& session_id);

  // Loads every unfinished session, so a restart continues where it stopped. The count, or why not.
  std::expected<std::size_t, std::string> restore_unfinished();

  // The running session whose join code this is, on whichever node it was made; without
  // loading it here. Nothing when none. Blocks for a read of the store.
  std::optional<CodedSession> find_by_code_blocking(const std::string& code);

  // Lets every session go that has been unused for its Eviction time at `now` (a session is
  // unused while only the registry holds it); the next find() loads it again. Marks the newly
  // unused ones, so call it every so often (the server does, each `finished_after` or minute).
  // How many left memory.
  std::size_t evict_unused(core::Instant now, const Eviction& limits);
  // How many sessions are in memory now.
  std::size_t in_memory() const;

  // Erases the session's content for good (store::EventStore::erase_session): it leaves memory,
  // its open screens are closed, and from then on it is unknown to every route. Blocks for a
  // commit: call it off the network threads. Why not, when it fails.
  std::expected<void, std::string> erase(const std::string& session_id, std::int64_t at_ms);
  // Whether the session's content was erased (since this server started, or before).
  bool erased(const std::string& session_id) const;

  // Someone who took part deleted their account: in the session's history their name becomes
  // "oud-lid" and the texts they wrote are emptied (core/session/erasure.hpp), in the store.
  // The session leaves memory and its open screens are closed, to reconnect to the rewritten
  // one. Blocks for a commit. Why not, when it fails.
  std::expected<void, std::string> erase_participant(const std::string& session_id,
                                                     core::ParticipantId participant);

private:
  // The session if it is in memory now; null otherwise (nothing is loaded).
  std::shared_ptr<LiveSession> held(const std::string& session_id) const;
  std::expected<std::shared_ptr<LiveSession>, std::string> load(const std::string& session_id);
  // Out of memory, screens closed to reconnect: another node serves the session now.
  void let_go(const std::string& session_id);
  // Lets the session go when the store says another node took it over.
  void watch(LiveSession& live);
  // The session's whole history from the store, read into events and their state.
  std::expected<DurableHistory, std::string> read_history(const std::string& session_id);
  // Removes the session from memory (the next find loads it again); null when it was not there.
  std::shared_ptr<LiveSession> take(const std::string& session_id);

  // Makes a session and its first events durable (on a blocking thread).
  void create_blocking(const NewSessionRequest& request, const CreateDone& done);

  boost::asio::any_io_executor executor_;
  boost::asio::any_io_executor blocking_;
  store::EventStore& store_;
  const core::Catalogue& catalogue_;
  LiveSession::Clock clock_;
  const core::coach::Coach* coach_;
  mutable std::mutex mutex_;
  std::unordered_map<std::string, std::shared_ptr<LiveSession>> sessions_;
  // Since when each session in memory that nobody else held at the last evict_unused() has
  // been unused.
  std::unordered_map<std::string, core::Instant> unused_since_;
  std::unordered_set<std::string> erased_;
  JoinCodes codes_;
};

} // namespace intervisie::server
