// SPDX-License-Identifier: EUPL-1.2
#include "store/sqlite/backup.hpp"

#include "store/sqlite/data_directory.hpp"
#include "store/sqlite_event_store.hpp"
#include "store/sqlite_group_store.hpp"

#include <sqlite3.h>

#include <memory>

namespace intervisie::store::sqlite {
namespace {

namespace fs = std::filesystem;

StoreError io(std::string message) {
  return StoreError{StoreErrorCode::io, std::move(message)};
}

struct CloseDb {
  void operator()(sqlite3* db) const { sqlite3_close_v2(db); }
};
using Db = std::unique_ptr<sqlite3, CloseDb>;

std::expected<Db, StoreError> open_db(const fs::path& file, int flags) {
  sqlite3* raw = nullptr;
  const int rc = sqlite3_open_v2(file.c_str(), &raw, flags, nullptr);
  Db db(raw);
  if (rc != SQLITE_OK)
    return std::unexpected(
        io("opening " + file.string() + ": " + (raw ? sqlite3_errmsg(raw) : sqlite3_errstr(rc))));
  sqlite3_busy_timeout(db.get(), 5000); // the server may be checkpointing
  return db;
}

// The whole of `from` into `to`, in one step: one read transaction, so one moment.
std::expected<void, StoreError> copy_database(const fs::path& from, const fs::path& to) {
  auto source = open_db(from, SQLITE_OPEN_READONLY);
  if (!source)
    return std::unexpected(source.error());
  auto target = open_db(to, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
  if (!target)
    return std::unexpected(target.error());
  sqlite3_backup* backup = sqlite3_backup_init(target->get(), "main", source->get(), "main");
  if (backup == nullptr)
    return std::unexpected(io("copying " + from.string() + ": " + sqlite3_errmsg(target->get())));
  const int stepped = sqlite3_backup_step(backup, -1);
  const int finished = sqlite3_backup_finish(backup);
  if (stepped != SQLITE_DONE || finished != SQLITE_OK)
    return std::unexpected(io("copying " + from.string() + " to " + to.string() + ": " +
                              sqlite3_errstr(stepped != SQLITE_DONE ? stepped : finished)));
  return {};
}

// Runs `sql` with `id` (and `at`) bound, ignoring a table or column an older copy lacks.
bool run_on(sqlite3* db, const char* sql, const std::string& id, std::int64_t at = 0) {
  sqlite3_stmt* statement = nullptr;
  if (sqlite3_prepare_v2(db, sql, -1, &statement, nullptr) != SQLITE_OK)
    return false;
  const int count = sqlite3_bind_parameter_count(statement);
  if (count == 2) {
    sqlite3_bind_int64(statement, 1, at);
    sqlite3_bind_text(statement, 2, id.c_str(), -1, SQLITE_TRANSIENT);
  } else {
    sqlite3_bind_text(statement, 1, id.c_str(), -1, SQLITE_TRANSIENT);
  }
  const int rc = sqlite3_step(statement);
  sqlite3_finalize(statement);
  return rc == SQLITE_DONE;
}

// The sessions the store in `data_dir` has erased, with when: an erasure must outlive a restore.
std::vector<std::pair<std::string, std::int64_t>> erased_sessions(const fs::path& data_dir) {
  std::vector<std::pair<std::string, std::int64_t>> erased;
  auto db = open_db(data_dir / sqlite_file_name, SQLITE_OPEN_READONLY);
  if (!db)
    return erased;
  sqlite3_stmt* statement = nullptr;
  if (sqlite3_prepare_v2(db->get(),
                         "SELECT session_id, erased_at_ms FROM sessions"
                         " WHERE erased_at_ms IS NOT NULL",
                         -1, &statement, nullptr) != SQLITE_OK)
    return erased; // a store from before erasure existed
  while (sqlite3_step(statement) == SQLITE_ROW)
    erased.emplace_back(reinterpret_cast<const char*>(sqlite3_column_text(statement, 0)),
                        sqlite3_column_int64(statement, 1));
  sqlite3_finalize(statement);
  return erased;
}

// Erases `sessions` in the restored databases as the server would have: key first, then rows.
std::expected<std::size_t, StoreError>
erase_again(const fs::path& data_dir,
            const std::vector<std::pair<std::string, std::int64_t>>& sessions) {
  if (sessions.empty())
    return 0;
  auto keys = open_db(data_dir / group_file_name, SQLITE_OPEN_READWRITE);
  auto events = open_db(data_dir / sqlite_file_name, SQLITE_OPEN_READWRITE);
  if (!keys || !events)
    return std::unexpected(!keys ? keys.error() : events.error());
  for (sqlite3* db : {keys->get(), events->get()})
    sqlite3_exec(db, "PRAGMA secure_delete = ON; BEGIN IMMEDIATE", nullptr, nullptr, nullptr);
  std::size_t count = 0;
  for (const auto& [id, at] : sessions) {
    run_on(keys->get(), "DELETE FROM data_keys WHERE owner = 'session:' || ?", id);
    run_on(events->get(), "DELETE FROM events WHERE session_id = ?", id);
    run_on(events->get(), "DELETE FROM session_secrets WHERE session_id = ?", id);
    if (run_on(events->get(),
               "UPDATE sessions SET title = '', finished = TRUE, erased_at_ms = ?"
               " WHERE session_id = ?",
               id, at) &&
        sqlite3_changes(events->get()) > 0)
      ++count;
  }
  for (sqlite3* db : {keys->get(), events->get()})
    if (sqlite3_exec(db, "COMMIT; PRAGMA wal_checkpoint(TRUNCATE)", nullptr, nullptr, nullptr) !=
        SQLITE_OK)
      return std::unexpected(
          io(std::string{"erasing again what was erased since the backup: "} + sqlite3_errmsg(db)));
  return count;
}

} // namespace

std::vector<std::string> database_files() {
  return {std::string(sqlite_file_name), std::string(group_file_name)};
}

std::expected<std::vector<std::string>, StoreError> back_up(const fs::path& data_dir,
                                                            const fs::path& backup_dir) {
  std::error_code error;
  if (!fs::is_regular_file(data_dir / sqlite_file_name, error))
    return std::unexpected(
        io(data_dir.string() + " holds no store (no " + std::string(sqlite_file_name) + ")"));
  if (fs::exists(backup_dir / sqlite_file_name, error))
    return std::unexpected(io(backup_dir.string() + " already holds a backup; choose a new one"));
  fs::create_directories(backup_dir, error);
  if (error)
    return std::unexpected(io("creating " + backup_dir.string() + ": " + error.message()));
  fs::permissions(backup_dir, fs::perms::owner_all, fs::perm_options::replace, error);
  std::vector<std::string> copied;
  for (const std::string& name : database_files()) {
    if (!fs::is_regular_file(data_dir / name, error))
      continue;
    if (auto done = copy_database(data_dir / name, backup_dir / name); !done)
      return std::unexpected(done.error());
    copied.push_back(name);
  }
  return copied;
}

std::expected<Restored, StoreError> restore(const fs::path& backup_dir, const fs::path& data_dir,
                                            bool replace) {
  std::error_code error;
  if (!fs::is_regular_file(backup_dir / sqlite_file_name, error))
    return std::unexpected(
        io(backup_dir.string() + " is not a backup (no " + std::string(sqlite_file_name) + ")"));
  auto held = DataDirectory::open(data_dir); // fails while a server holds it
  if (!held)
    return std::unexpected(held.error());
  if (fs::exists(data_dir / sqlite_file_name, error) && !replace)
    return std::unexpected(
        io(data_dir.string() + " already holds a store; give --replace to overwrite it"));
  const auto erased = erased_sessions(data_dir);
  Restored restored;
  for (const std::string& name : database_files()) {
    if (!fs::is_regular_file(backup_dir / name, error))
      continue;
    // The old files go, with their WAL and SHM: the copy is the whole truth.
    for (const char* suffix : {"", "-wal", "-shm"})
      fs::remove(data_dir / (name + suffix), error);
    if (auto done = copy_database(backup_dir / name, data_dir / name); !done)
      return std::unexpected(done.error());
    restored.files.push_back(name);
  }
  auto again = erase_again(data_dir, erased);
  if (!again)
    return std::unexpected(again.error());
  restored.erased_again = *again;
  if (auto synced = held->sync(); !synced)
    return std::unexpected(synced.error());
  return restored;
}

} // namespace intervisie::store::sqlite
