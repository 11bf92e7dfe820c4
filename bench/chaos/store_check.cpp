// SPDX-License-Identifier: EUPL-1.2
#include "store_check.hpp"

#include <sqlite3.h>

#include <memory>
#include <system_error>

namespace intervisie::chaos {
namespace {

namespace fs = std::filesystem;

struct CloseDatabase {
  void operator()(sqlite3* db) const { sqlite3_close(db); }
};
using Database = std::unique_ptr<sqlite3, CloseDatabase>;

// The first column of every row, joined by "; ".
std::string rows_of(sqlite3* db, const char* sql, std::string& error) {
  sqlite3_stmt* statement = nullptr;
  if (sqlite3_prepare_v2(db, sql, -1, &statement, nullptr) != SQLITE_OK) {
    error = sqlite3_errmsg(db);
    return {};
  }
  std::string rows;
  int step = 0;
  while ((step = sqlite3_step(statement)) == SQLITE_ROW) {
    if (!rows.empty())
      rows += "; ";
    const auto* text = sqlite3_column_text(statement, 0);
    rows += text ? reinterpret_cast<const char*>(text) : "NULL";
  }
  if (step != SQLITE_DONE)
    error = sqlite3_errmsg(db);
  sqlite3_finalize(statement);
  return rows;
}

bool copy_database(const fs::path& from_dir, const fs::path& to_dir, const std::string& name,
                   std::string& problem) {
  std::error_code error;
  for (const std::string& suffix : {std::string(), std::string("-wal")}) {
    const fs::path from = from_dir / (name + suffix);
    if (!fs::exists(from))
      continue;
    fs::copy_file(from, to_dir / (name + suffix), fs::copy_options::overwrite_existing, error);
    if (error) {
      problem = "copying " + from.string() + ": " + error.message();
      return false;
    }
  }
  return true;
}

Database open(const fs::path& file, std::string& problem) {
  sqlite3* raw = nullptr;
  const int opened = sqlite3_open_v2(file.c_str(), &raw, SQLITE_OPEN_READWRITE, nullptr);
  Database db(raw);
  if (opened != SQLITE_OK) {
    problem = "opening " + file.string() + ": " + (raw ? sqlite3_errmsg(raw) : "out of memory");
    return nullptr;
  }
  return db;
}

std::string integrity_of(sqlite3* db, const std::string& name) {
  std::string error;
  const std::string verdict = rows_of(db, "PRAGMA integrity_check", error);
  if (!error.empty())
    return name + ": " + error;
  if (verdict != "ok")
    return name + ": " + verdict;
  const std::string keys = rows_of(db, "PRAGMA foreign_key_check", error);
  if (!error.empty() || !keys.empty())
    return name + ": foreign keys: " + error + keys;
  return {};
}

} // namespace

StoreCheck check_crash_image(const fs::path& data_dir, const fs::path& scratch_dir) {
  StoreCheck check;
  std::error_code error;
  fs::remove_all(scratch_dir, error);
  fs::create_directories(scratch_dir, error);
  if (error) {
    check.problem = "creating " + scratch_dir.string() + ": " + error.message();
    return check;
  }
  check.log_bytes = fs::exists(data_dir / "intervisie.db-wal")
                        ? fs::file_size(data_dir / "intervisie.db-wal", error)
                        : 0;
  if (!copy_database(data_dir, scratch_dir, "intervisie.db", check.problem) ||
      !copy_database(data_dir, scratch_dir, "groups.db", check.problem))
    return check;

  for (const std::string name : {"intervisie.db", "groups.db"}) {
    if (!fs::exists(scratch_dir / name))
      continue;
    Database db = open(scratch_dir / name, check.problem);
    if (!db)
      return check;
    if (check.problem = integrity_of(db.get(), name); !check.problem.empty())
      return check;
    if (name != "intervisie.db")
      continue;
    std::string query_error;
    const std::string gaps =
        rows_of(db.get(),
                "SELECT s.session_id || ' has last_seq ' || s.last_seq || ', ' || count(e.seq) ||"
                " ' events up to ' || coalesce(max(e.seq), 0) FROM sessions s LEFT JOIN events e"
                " ON e.session_id = s.session_id GROUP BY s.session_id"
                " HAVING count(e.seq) != s.last_seq OR coalesce(max(e.seq), 0) != s.last_seq"
                " OR coalesce(min(e.seq), 1) != 1",
                query_error);
    if (!query_error.empty() || !gaps.empty()) {
      check.problem = "intervisie.db: " + query_error + gaps;
      return check;
    }
    check.sessions = std::stoull(rows_of(db.get(), "SELECT count(*) FROM sessions", query_error));
    check.events = std::stoull(rows_of(db.get(), "SELECT count(*) FROM events", query_error));
  }
  check.ok = true;
  fs::remove_all(scratch_dir, error);
  return check;
}

} // namespace intervisie::chaos
