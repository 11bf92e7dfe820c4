// SPDX-License-Identifier: EUPL-1.2
// Which sessions this node holds, and what other nodes do to them. A LISTEN connection of its
// own, on a thread of its own, hears every claim (announced by pg_notify in the claim's
// transaction) and tells the listener about each session this node had claimed and another
// node has claimed since. A connection lost is opened again, and the claims are then read from
// the table, so nothing said meanwhile goes unheard.
#pragma once

#include "store/event_store.hpp"
#include "store/postgresql/connection.hpp"

#include <cstdint>
#include <functional>
#include <future>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <thread>
#include <unordered_map>
#include <vector>

namespace intervisie::store::postgresql {

// How the LISTEN connection names itself in pg_stat_activity.
inline constexpr std::string_view watch_role = "intervisie claim watch";

class ClaimWatch {
public:
  using Listener = std::function<void(const std::string&)>;

  ClaimWatch(std::string url, std::string node);
  ClaimWatch(const ClaimWatch&) = delete;
  ClaimWatch& operator=(const ClaimWatch&) = delete;
  ~ClaimWatch();

  // Starts listening; returns once LISTEN is in place (or its first attempt failed, then the
  // thread keeps trying), so a claim made after it returns is heard. Once.
  void listen(Listener listener);

  // This node's claims, around the write that makes them: a claim may commit after another
  // node's claim was heard, or before; the epochs tell which came last.
  void claiming(const std::string& session_id);
  void claimed(const std::string& session_id, std::uint64_t epoch);
  void not_claimed(const std::string& session_id);

  // Ends the thread; the listener is not called after it returns. Idempotent.
  void stop();

private:
  struct Held {
    std::uint64_t epoch = 0;       // this node's last claim that committed; 0: none yet
    int pending = 0;               // claims of this node under way
    std::uint64_t other_epoch = 0; // the latest claim of another node heard while pending
  };

  void run(std::promise<void>* ready);
  // Whether it can go on; false once stopping.
  bool connect(std::optional<Connection>& db);
  void heard(std::string_view payload);
  // What was said while no connection listened: the claims, read from the table.
  void catch_up(Connection& db);
  // After a claim of this node ended: lost to a later claim heard meanwhile? Then it is told,
  // on the thread. Under `mutex_`.
  void settle(const std::string& session_id);
  void tell(const std::vector<std::string>& sessions);
  // Sleeps until stop() or `timeout`; false when stopping.
  bool wait(int timeout_ms);
  void wake();

  const std::string url_;
  const std::string node_;
  Listener listener_;

  std::mutex mutex_;
  std::unordered_map<std::string, Held> held_;
  std::vector<std::string> to_tell_; // lost while a claim ended: told on the thread
  bool listening_ = false;           // a listener is set: what is lost is worth telling
  bool stopping_ = false;

  int wake_fd_ = -1; // an eventfd: stop() wakes the thread from poll()
  std::once_flag started_;
  std::thread thread_;
};

} // namespace intervisie::store::postgresql
