// SPDX-License-Identifier: EUPL-1.2
// One SQLite connection, used by one thread at a time (opened without SQLite's own mutex).
#pragma once

#include "store/event_store.hpp"
#include "store/sqlite/statement.hpp"

#include <expected>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>

struct sqlite3;

namespace intervisie::store::sqlite {

class Connection {
public:
  // Opens `file`, creating it when missing.
  static std::expected<Connection, StoreError> open(const std::filesystem::path& file);

  // Runs one or more statements that return nothing of interest (pragmas, schema steps).
  std::expected<void, StoreError> exec(const std::string& sql, std::string_view doing);

  // Runs a pragma and returns the text of its one result, e.g. "wal" for journal_mode.
  std::expected<std::string, StoreError> pragma(const std::string& sql);

  std::expected<Statement, StoreError> prepare(std::string_view sql);

  // An error when this connection cannot write its file. SQLite opens a file it may not write
  // (its mode, an immutable flag, a read-only file system) read-only without a word, and every
  // write would then fail until the file is opened again, even once it can be written.
  std::expected<void, StoreError> check_writable();

  // Whether the last error on this connection was a failed sync (fsync, fdatasync): what was
  // being committed may or may not be on the disk (sqlite/failed_sync.hpp).
  bool sync_failed() const;

  // False after SQLite rolled a transaction back by itself (after a full disk, say).
  bool in_transaction() const;
  // Rows the last INSERT, UPDATE or DELETE changed.
  int changes() const;

  const std::filesystem::path& file() const { return file_; }

private:
  struct Close {
    void operator()(sqlite3* db) const;
  };

  Connection(std::unique_ptr<sqlite3, Close> db, std::filesystem::path file);

  std::unique_ptr<sqlite3, Close> db_;
  std::filesystem::path file_;
};

} // namespace intervisie::store::sqlite
