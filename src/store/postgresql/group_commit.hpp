// SPDX-License-Identifier: EUPL-1.2
// The writer thread: owns the write connection, gathers the write requests of many sessions into
// one transaction (pipelined_batch.hpp), then tells each request's caller. Reconnects for the
// next batch when the connection was lost.
#pragma once

#include "store/event_store.hpp"
#include "store/postgresql/connection.hpp"
#include "store/postgresql/write_request.hpp"
#include "store/postgresql_event_store.hpp"

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

namespace intervisie::store::postgresql {

// How the writer names itself in pg_stat_activity.
inline constexpr std::string_view writer_role = "intervisie event writer";

class GroupCommit {
public:
  // `db`: the first connection, its statements prepared (prepare_session_writes); `node`: the
  // name this store's node appends and claims under.
  GroupCommit(std::string url, std::string node, Connection db,
              const PostgresOptions& options); // starts the thread
  GroupCommit(const GroupCommit&) = delete;
  GroupCommit& operator=(const GroupCommit&) = delete;
  ~GroupCommit();

  // Queues the request; its `done` runs on the writer thread once the request's batch is
  // committed (or failed). After stop(), `done` runs at once with `closed`.
  void submit(WriteRequest request);

  // Queues the change and waits until it is durable. On the writer thread itself (inside a
  // `done`) it commits the change at once instead of waiting for a thread that is busy running
  // this very call.
  AppendResult submit_and_wait(Change change);

  // Commits whatever is queued, then ends the thread. Idempotent. Never call it from `done`.
  void stop();

  StoreStats stats() const;

private:
  void run();
  void commit(std::vector<WriteRequest>& batch);
  // The write connection, opened again when the last one was lost; or why there is none.
  std::expected<Connection*, StoreError> connection();
  void count(const std::vector<WriteRequest>& batch, const std::vector<AppendResult>& results);

  const std::string url_;
  const std::string node_;
  std::optional<Connection> db_; // only the writer thread touches it
  const std::size_t max_batch_;

  std::mutex mutex_;
  std::condition_variable wakeup_;
  std::deque<WriteRequest> queue_;
  bool stopping_ = false;

  std::atomic<std::uint64_t> commits_{0};
  std::atomic<std::uint64_t> writes_done_{0};
  std::atomic<std::uint64_t> events_{0};
  std::atomic<std::uint64_t> conflicts_{0};
  std::atomic<std::uint64_t> largest_batch_{0};

  std::once_flag joined_; // close() and the destructor may both stop
  std::thread thread_;    // last: starts once everything above is ready
};

// Connects as the writer and prepares its statements.
std::expected<Connection, StoreError> open_writer(const std::string& url);

} // namespace intervisie::store::postgresql
