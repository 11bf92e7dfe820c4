// SPDX-License-Identifier: EUPL-1.2
// What a store's log says when its writes start failing (a full disk, a read-only file system)
// and when they work again: one line each, however many writes fail in between, so the cause
// is in the log once and is not buried under a line per refused command.
#pragma once

#include "store/event_store.hpp"

#include <chrono>
#include <cstdint>
#include <string>

namespace intervisie::store {

// Not thread-safe: one writer (a writer thread, or calls under the store's own lock).
class WriteFailureLog {
public:
  // `writer`: how the log names it, e.g. "the event store"; `meanwhile`: what that means while
  // it lasts, e.g. "commands get storage_failed until it can".
  WriteFailureLog(std::string writer, std::string meanwhile);

  // A write failed. Only a failure of the disk or the database counts (io, corrupt): a conflict
  // or an unknown session says nothing about whether the store can write.
  void failed(const StoreError& error);
  // A write succeeded.
  void succeeded();

  bool failing() const { return failed_writes_ > 0; }

private:
  std::string writer_;
  std::string meanwhile_;
  std::uint64_t failed_writes_ = 0;
  std::chrono::steady_clock::time_point since_;
};

} // namespace intervisie::store
