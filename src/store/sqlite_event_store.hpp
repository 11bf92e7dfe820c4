// SPDX-License-Identifier: EUPL-1.2
// The embedded event store: one SQLite file in WAL mode, written by one thread with group commit.
#pragma once

#include "store/event_store.hpp"

#include <chrono>
#include <cstddef>
#include <expected>
#include <filesystem>
#include <memory>

namespace intervisie::store {

// How hard each commit holds on to its data (SQLite's `synchronous`, in WAL mode).
enum class Synchronous {
  // The log is synced at every commit: an acknowledged event survives kill -9 and power loss.
  full,
  // The log is synced only at checkpoints: survives kill -9, but a power cut may lose the last
  // commits. For benchmarks and throwaway data only.
  normal,
};

struct SqliteOptions {
  Synchronous synchronous = Synchronous::full;
  // How long the writer waits, after the first request of a batch, for more to join it. Zero:
  // a batch is whatever queued up during the previous commit's sync, which already groups the
  // requests of many sessions under load and adds no latency when the store is quiet.
  std::chrono::microseconds batch_window{0};
  // Most write requests in one transaction, so the first of a long queue is not kept waiting.
  std::size_t max_batch = 1024;
  // Read connections kept open between reads; more are opened while many threads read at once.
  std::size_t idle_readers = 4;
};

// The name of the database file inside the data directory.
inline constexpr std::string_view sqlite_file_name = "intervisie.db";

// Opens (creating when missing) the directory `dir` and the store `dir / intervisie.db`,
// bringing its schema up to date. Fails with `newer_schema` for a store written by a newer
// Intervisie, `corrupt` for a file that is not an Intervisie store, and `io` when another
// process has the directory open.
std::expected<std::unique_ptr<EventStore>, StoreError>
open_sqlite_event_store(const std::filesystem::path& dir, SqliteOptions options = {});

} // namespace intervisie::store
