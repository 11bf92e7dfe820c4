// SPDX-License-Identifier: EUPL-1.2
// Opening a store: its schema is brought up to date, and stores we cannot use are refused.
#include "store/migrations.hpp"
#include "store/sqlite/connection.hpp"
#include "store/sqlite/schema.hpp"
#include "store/sqlite_event_store.hpp"

#include "support/immutable_file.hpp"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <future>
#include <string>

namespace intervisie::store {
namespace {

class TempDir {
public:
  TempDir() {
    std::string pattern = (std::filesystem::temp_directory_path() / "intervisie-store-XXXXXX");
    path_ = ::mkdtemp(pattern.data());
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  ~TempDir() { std::filesystem::remove_all(path_); }
  const std::filesystem::path& path() const { return path_; }
  std::filesystem::path file() const { return path_ / sqlite_file_name; }

private:
  std::filesystem::path path_;
};

sqlite::Connection connect(const std::filesystem::path& file) {
  auto db = sqlite::Connection::open(file);
  EXPECT_TRUE(db) << db.error().message;
  return std::move(*db);
}

void exec(sqlite::Connection& db, const std::string& sql) {
  auto done = db.exec(sql, "test setup");
  ASSERT_TRUE(done) << done.error().message;
}

std::int64_t schema_version(const std::filesystem::path& file) {
  auto db = connect(file);
  return std::stoll(db.pragma("SELECT MAX(version) FROM schema_version").value_or("-1"));
}

TEST(Migrations, AreNumberedOneByOneFromOne) {
  std::int64_t expected = 1;
  for (const Migration& step : migrations())
    EXPECT_EQ(step.version, expected++) << step.name;
  EXPECT_EQ(latest_schema_version(), expected - 1);
}

TEST(SqliteEventStore, OpeningCreatesTheDirectoryAndTheDatabase) {
  TempDir dir;
  const auto nested = dir.path() / "data" / "nested";
  auto opened = open_sqlite_event_store(nested);
  ASSERT_TRUE(opened) << opened.error().message;
  EXPECT_TRUE(std::filesystem::exists(nested / sqlite_file_name));
}

TEST(SqliteSchema, ANewStoreGetsTheLatestSchema) {
  TempDir dir;
  ASSERT_TRUE(open_sqlite_event_store(dir.path()));
  EXPECT_EQ(schema_version(dir.file()), latest_schema_version());
  auto db = connect(dir.file());
  EXPECT_EQ(db.pragma("SELECT count(*) FROM schema_version").value_or(""),
            std::to_string(migrations().size()));
}

TEST(SqliteSchema, AnOlderStoreIsMigratedAndKeepsItsEvents) {
  TempDir dir;
  {
    auto db = connect(dir.file());
    auto first = sqlite::migrate(db, migrations().first(1));
    ASSERT_TRUE(first) << first.error().message;
    exec(db, "INSERT INTO sessions (session_id, method_id, title, created_at_ms)"
             " VALUES ('old', 'balint', 'Van vorig jaar', 5);"
             "INSERT INTO events (session_id, seq, kind, payload, at_ms)"
             " VALUES ('old', 1, 'started', '{}', 6);"
             "UPDATE sessions SET last_seq = 1");
  }
  ASSERT_EQ(schema_version(dir.file()), 1);

  auto store = open_sqlite_event_store(dir.path());
  ASSERT_TRUE(store) << store.error().message;
  EXPECT_EQ(*(*store)->read("old", 0), (std::vector<StoredEvent>{{1, "started", "{}", 6}}));
  EXPECT_TRUE((*store)->put_secret("old", {"facilitator", "h"})); // a table of version 2
  EXPECT_EQ((*store)->list_sessions(true)->size(), 1u);           // so is the index
  store->reset();
  EXPECT_EQ(schema_version(dir.file()), latest_schema_version());
}

TEST(SqliteSchema, AStoreOfANewerIntervisieIsRefusedAndLeftAlone) {
  TempDir dir;
  ASSERT_TRUE(open_sqlite_event_store(dir.path()));
  {
    auto db = connect(dir.file());
    exec(db, "INSERT INTO schema_version (version, name) VALUES (99, 'from the future')");
  }

  auto store = open_sqlite_event_store(dir.path());
  ASSERT_FALSE(store);
  EXPECT_EQ(store.error().code, StoreErrorCode::newer_schema);
  EXPECT_EQ(store.error().message,
            dir.file().string() + ": this data was written by a newer Intervisie (schema 99; " +
                "this build knows up to " + std::to_string(latest_schema_version()) +
                "); upgrade Intervisie");
  EXPECT_EQ(schema_version(dir.file()), 99);
}

TEST(SqliteSchema, AFileThatIsNotADatabaseIsRefusedAsCorrupt) {
  TempDir dir;
  std::ofstream{dir.file()} << "these are the minutes of our last meeting, not a database\n";
  auto store = open_sqlite_event_store(dir.path());
  ASSERT_FALSE(store);
  EXPECT_EQ(store.error().code, StoreErrorCode::corrupt);
  EXPECT_TRUE(
      store.error().message.starts_with(dir.file().string() + " is not an Intervisie store"))
      << store.error().message;
}

TEST(SqliteSchema, AnotherProgramsDatabaseIsRefusedAndLeftAlone) {
  TempDir dir;
  {
    auto db = connect(dir.file());
    exec(db, "CREATE TABLE recipes (name TEXT)");
  }
  auto store = open_sqlite_event_store(dir.path());
  ASSERT_FALSE(store);
  EXPECT_EQ(store.error().code, StoreErrorCode::corrupt);
  EXPECT_NE(store.error().message.find("is not an Intervisie store"), std::string::npos)
      << store.error().message;
  auto db = connect(dir.file());
  EXPECT_EQ(
      db.pragma("SELECT count(*) FROM sqlite_master WHERE name = 'schema_version'").value_or(""),
      "0");
}

TEST(SqliteEventStore, AFileThatCannotBeWrittenIsRefusedAtOpeningNotAtEveryWrite) {
  TempDir dir;
  ASSERT_TRUE(open_sqlite_event_store(dir.path()));
  auto read_only = intervisie::testing::ImmutableFile::make(dir.file());
  if (!read_only)
    GTEST_SKIP() << "cannot make the store file read-only here: " << read_only.error();
  // SQLite would open it read-only; a store that could never write is no store.
  auto store = open_sqlite_event_store(dir.path());
  ASSERT_FALSE(store);
  EXPECT_EQ(store.error().code, StoreErrorCode::io);
  EXPECT_TRUE(store.error().message.starts_with(dir.file().string() +
                                                " cannot be written, and the server must write it"))
      << store.error().message;
  read_only->reset();
  EXPECT_TRUE(open_sqlite_event_store(dir.path()));
}

TEST(SqliteSchema, OneDataDirectoryIsOpenedByOneStoreAtATime) {
  TempDir dir;
  auto first = open_sqlite_event_store(dir.path());
  ASSERT_TRUE(first);
  auto second = open_sqlite_event_store(dir.path());
  ASSERT_FALSE(second);
  EXPECT_EQ(second.error().code, StoreErrorCode::io);
  EXPECT_NE(second.error().message.find("in use by another Intervisie process"), std::string::npos)
      << second.error().message;
  first->reset();
  EXPECT_TRUE(open_sqlite_event_store(dir.path()));
}

} // namespace
} // namespace intervisie::store
