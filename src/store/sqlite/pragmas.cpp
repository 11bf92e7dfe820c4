// SPDX-License-Identifier: EUPL-1.2
#include "store/sqlite/pragmas.hpp"

#include <string>
#include <string_view>

namespace intervisie::store::sqlite {

namespace {

// Waits this long for a lock instead of failing at once: a checkpoint may hold one briefly.
constexpr std::string_view busy_timeout = "PRAGMA busy_timeout = 5000;";

} // namespace

std::expected<void, StoreError> configure_writer(Connection& db, Synchronous synchronous) {
  // The first statement to read the file: a file that cannot be written, or that is not a
  // database, fails here.
  if (auto writable = db.check_writable(); !writable)
    return writable;
  auto mode = db.pragma("PRAGMA journal_mode = WAL");
  if (!mode)
    return std::unexpected(std::move(mode.error()));
  if (*mode != "wal")
    return std::unexpected(
        StoreError{StoreErrorCode::io, db.file().string() +
                                           ": cannot use write-ahead logging (the journal "
                                           "mode stayed \"" +
                                           *mode + "\")"});
  // FULL syncs the log at every commit: an acknowledged event survives a power cut, not just
  // kill -9. Group commit pays that sync once per batch (see SqliteOptions).
  std::string settings = synchronous == Synchronous::full ? "PRAGMA synchronous = FULL;"
                                                          : "PRAGMA synchronous = NORMAL;";
  settings += busy_timeout;
  settings += "PRAGMA foreign_keys = ON;"
              // An erased session's rows are overwritten in the file, not left in free pages.
              "PRAGMA secure_delete = ON;"
              // After a checkpoint, the log shrinks back to 64 MiB at most.
              "PRAGMA journal_size_limit = 67108864;"
              // Checkpoints run on a thread of their own (sqlite/checkpointer.hpp), never
              // inside a commit.
              "PRAGMA wal_autocheckpoint = 0;";
  return db.exec(settings, "setting up " + db.file().string());
}

std::expected<void, StoreError> configure_reader(Connection& db) {
  return db.exec(std::string{busy_timeout} + "PRAGMA query_only = ON;",
                 "setting up a reader of " + db.file().string());
}

} // namespace intervisie::store::sqlite
