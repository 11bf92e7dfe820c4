// SPDX-License-Identifier: EUPL-1.2
// A consistent copy of the stores while the server runs, and bringing one back while it does not.
// SQLite's online backup copies each database as of one moment (a read transaction in WAL mode),
// so the server goes on writing meanwhile; what is in the copy is exactly what was committed then.
#pragma once

#include "store/event_store.hpp"

#include <expected>
#include <filesystem>
#include <string>
#include <vector>

namespace intervisie::store::sqlite {

// The database files of a data directory, as named in it (intervisie.db, groups.db).
std::vector<std::string> database_files();

// Copies every database of `data_dir` into `backup_dir` (created, private), read-only on the
// source: a running server is neither locked nor stopped. Returns the files copied.
std::expected<std::vector<std::string>, StoreError>
back_up(const std::filesystem::path& data_dir, const std::filesystem::path& backup_dir);

struct Restored {
  std::vector<std::string> files;
  // Sessions erased in the replaced store after the backup was made, erased in the copy again.
  std::size_t erased_again = 0;
};

// Brings the databases of `backup_dir` back into `data_dir`, which no server may hold (its lock
// is taken). A data directory that already has a store is replaced only when `replace`; what
// was erased in it stays erased: those sessions' data keys and rows are removed from the copy.
std::expected<Restored, StoreError> restore(const std::filesystem::path& backup_dir,
                                            const std::filesystem::path& data_dir, bool replace);

} // namespace intervisie::store::sqlite
