// SPDX-License-Identifier: EUPL-1.2
// The writer thread: owns the write connection, gathers the write requests of many sessions
// into one transaction, commits (one log sync), then tells each request's caller.
#pragma once

#include "store/event_store.hpp"
#include "store/sqlite/session_writes.hpp"
#include "store/sqlite/write_request.hpp"
#include "store/sqlite_event_store.hpp"
#include "store/write_failure_log.hpp"

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <mutex>
#include <thread>
#include <vector>

namespace intervisie::store::sqlite {

class GroupCommit {
public:
  GroupCommit(SessionWrites writes, const SqliteOptions& options); // starts the thread
  GroupCommit(const GroupCommit&) = delete;
  GroupCommit& operator=(const GroupCommit&) = delete;
  ~GroupCommit();

  // Queues the request; its `done` runs on the writer thread once the request's batch is
  // committed (or failed). After stop(), `done` runs at once with `closed`.
  void submit(WriteRequest request);

  // Queues the change and waits until it is durable. On the writer thread itself (inside a
  // `done`) it commits the change at once instead of waiting for a thread that is busy
  // running this very call.
  AppendResult submit_and_wait(Change change);

  // Commits whatever is queued, then ends the thread. Idempotent. Never call it from `done`.
  void stop();

  StoreStats stats() const;

private:
  void run();
  void commit(std::vector<WriteRequest>& batch);
  void count(const std::vector<WriteRequest>& batch, const std::vector<AppendResult>& results);

  SessionWrites writes_; // only the writer thread touches it, and the next
  WriteFailureLog failures_{"the event store",
                            "commands and joins get storage_failed until it can; reads go on"};
  const std::chrono::microseconds batch_window_;
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

} // namespace intervisie::store::sqlite
