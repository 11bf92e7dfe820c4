// SPDX-License-Identifier: EUPL-1.2
// Copies the write-ahead log into the database file on a thread of its own. SQLite's automatic
// checkpoint runs inside the COMMIT that crosses its limit, so every few thousand events one
// batch of acknowledgements would wait for a database-file sync; here no commit ever does.
#pragma once

#include "store/sqlite/connection.hpp"

#include <chrono>
#include <condition_variable>
#include <expected>
#include <filesystem>
#include <memory>
#include <mutex>
#include <thread>

namespace intervisie::store::sqlite {

class Checkpointer {
public:
  // Opens its own connection to `file` and checkpoints every `interval` (PASSIVE: it never
  // waits for the writer or readers, it copies what it can).
  static std::expected<std::unique_ptr<Checkpointer>, StoreError>
  start(const std::filesystem::path& file, std::chrono::milliseconds interval);

  ~Checkpointer();
  Checkpointer(const Checkpointer&) = delete;
  Checkpointer& operator=(const Checkpointer&) = delete;

  // Ends the thread after the checkpoint in progress, if any. Idempotent.
  void stop();

private:
  Checkpointer(Connection db, std::chrono::milliseconds interval);
  void run();

  Connection db_; // only the checkpoint thread uses it
  const std::chrono::milliseconds interval_;
  std::mutex mutex_;
  std::condition_variable wakeup_;
  bool stopping_ = false;
  std::once_flag joined_;
  std::thread thread_; // last: starts once everything above is ready
};

} // namespace intervisie::store::sqlite
