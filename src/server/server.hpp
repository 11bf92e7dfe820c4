// SPDX-License-Identifier: EUPL-1.2
// The whole live server wired together: the sessions, the API, the listener and the threads that
// run them, on the ports it is given (stores, methods, the coach's dictionary). `intervisie serve`
// chooses, opens and seals the adapters (src/cli/serve_command.cpp) and starts this.
#pragma once

#include "core/coach/verb_lexicon.hpp"
#include "core/method/catalogue.hpp"
#include "store/event_store.hpp"
#include "store/group_store.hpp"
#include "store/stores.hpp"

#include <cstdint>
#include <expected>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

namespace intervisie::server {

struct ServerOptions {
  std::string host = "0.0.0.0";            // phones in the room join over the local network
  std::uint16_t port = 8080;               // 0: any free port (tests)
  std::filesystem::path data_dir = "data"; // the master key's default place
  // The master key that wraps the data keys; empty: master.key in the data directory.
  std::filesystem::path master_key;
  std::filesystem::path methods_dir;
  std::filesystem::path web_dir; // the built web app; empty: the API only
  std::string public_url;        // default: http://localhost:<port>
  unsigned threads = 0;          // 0: one per core
  std::size_t sessions_per_minute = 30;
  std::size_t connections_per_address = 256; // open at once; 0: no limit
  // Addresses of proxies in front (nginx): their X-Real-IP names the client.
  std::vector<std::string> trusted_proxies;
  // Days after its finish that a session's content is erased, unless its group chose otherwise.
  int retention_days = 30;
  std::vector<std::string> allowed_origins;
  // Argon2id's cost: "interactive" (64 MiB, ~0.1 s a hash); "minimal" only for tests.
  bool minimal_password_cost = false;
  // How long a session nobody uses stays in memory (SessionRegistry::evict_unused); it loads
  // again from the store when someone reaches it.
  int evict_finished_after_seconds = 60;
  int evict_unfinished_after_seconds = 2 * 60 * 60;
};

// What the server runs on, opened by the caller. Declared in the order they depend on each
// other: the server keeps them in this order, so they close in the reverse one.
struct ServerPorts {
  // Accounts, logins, rate windows and the key ring's own table; also what `groups` seals.
  std::unique_ptr<store::GroupsDatabase> database;
  // What the two stores below encrypt with (the key ring), kept alive as long as they are.
  std::shared_ptr<void> sealing;
  std::unique_ptr<store::EventStore> events; // sealed: no case text reaches the disk
  std::unique_ptr<store::GroupStore> groups; // sealed
  // Other nodes use the same stores (PostgreSQL): sessions are claimed when first reached.
  bool shared = false;
  core::Catalogue methods;
  std::unique_ptr<core::coach::VerbOracle> dictionary; // the wording coach's
};

class Server {
public:
  // Restores unfinished sessions (unless the stores are shared with other nodes: those are
  // claimed when first reached) and starts listening; or says why not.
  static std::expected<std::unique_ptr<Server>, std::string> start(const ServerOptions& options,
                                                                   ServerPorts ports);
  virtual ~Server() = default;

  virtual std::uint16_t port() const = 0;
  virtual std::size_t restored_sessions() const = 0;
  // Blocks until stop() (or SIGINT/SIGTERM when handle_signals() was called).
  virtual void wait() = 0;
  virtual void handle_signals() = 0;
  // Stops accepting, makes every acknowledged event durable, then ends the threads.
  virtual void stop() = 0;
};

} // namespace intervisie::server
