// SPDX-License-Identifier: EUPL-1.2
#include "store/sqlite_event_store.hpp"

#include "store/sqlite/checkpointer.hpp"
#include "store/sqlite/connection.hpp"
#include "store/sqlite/data_directory.hpp"
#include "store/sqlite/group_commit.hpp"
#include "store/sqlite/pragmas.hpp"
#include "store/sqlite/reader_pool.hpp"
#include "store/sqlite/schema.hpp"
#include "store/sqlite/session_writes.hpp"

#include <sqlite3.h>

#include <system_error>

namespace intervisie::store {

namespace {

using sqlite::Change;

class SqliteEventStore final : public EventStore {
public:
  SqliteEventStore(sqlite::DataDirectory directory, sqlite::SessionWrites writes,
                   std::filesystem::path file, std::unique_ptr<sqlite::Checkpointer> checkpointer,
                   const SqliteOptions& options)
      : directory_{std::move(directory)}, readers_{std::move(file), options.idle_readers},
        writer_{std::move(writes), options}, checkpointer_{std::move(checkpointer)} {}

  ~SqliteEventStore() override { close(); }

  std::expected<void, StoreError> create_session(const NewSession& session) override {
    auto created = writer_.submit_and_wait(Change{sqlite::CreateSession{session}});
    if (!created)
      return std::unexpected(std::move(created.error()));
    return {};
  }

  std::expected<void, StoreError> put_secret(std::string_view session_id,
                                             const Secret& secret) override {
    auto put = writer_.submit_and_wait(Change{sqlite::PutSecret{std::string{session_id}, secret}});
    if (!put)
      return std::unexpected(std::move(put.error()));
    return {};
  }

  using EventStore::append;
  void append(std::string session_id, std::uint64_t expected_last_seq, std::vector<NewEvent> events,
              std::vector<Secret> secrets, AppendDone done) override {
    writer_.submit(
        sqlite::WriteRequest{Change{sqlite::AppendEvents{std::move(session_id), expected_last_seq,
                                                         std::move(events), std::move(secrets)}},
                             std::move(done)});
  }

  std::expected<std::vector<StoredEvent>, StoreError> read(std::string_view session_id,
                                                           std::uint64_t after_seq) override {
    return readers_.with_reader(
        [&](sqlite::SessionReads& reads) { return reads.read(session_id, after_seq); });
  }

  std::expected<SessionRecord, StoreError> find_session(std::string_view session_id) override {
    return readers_.with_reader(
        [&](sqlite::SessionReads& reads) { return reads.find_session(session_id); });
  }

  std::expected<std::vector<Secret>, StoreError>
  read_secrets(std::string_view session_id) override {
    return readers_.with_reader(
        [&](sqlite::SessionReads& reads) { return reads.read_secrets(session_id); });
  }

  std::expected<std::vector<SessionRecord>, StoreError>
  list_sessions(bool unfinished_only) override {
    return readers_.with_reader(
        [&](sqlite::SessionReads& reads) { return reads.list_sessions(unfinished_only); });
  }

  std::expected<void, StoreError> erase_session(std::string_view session_id,
                                                std::int64_t at_ms) override {
    auto erased =
        writer_.submit_and_wait(Change{sqlite::EraseSession{std::string{session_id}, at_ms}});
    if (!erased)
      return std::unexpected(std::move(erased.error()));
    return {};
  }

  std::expected<void, StoreError> rewrite_session(std::string_view session_id,
                                                  const std::vector<NewEvent>& events) override {
    auto rewritten =
        writer_.submit_and_wait(Change{sqlite::RewriteEvents{std::string{session_id}, events}});
    if (!rewritten)
      return std::unexpected(std::move(rewritten.error()));
    return {};
  }

  // One process owns the directory (its lock): nothing to fence, only the session to find.
  std::expected<std::uint64_t, StoreError> claim_session(std::string_view session_id) override {
    if (auto found = find_session(session_id); !found)
      return std::unexpected(std::move(found.error()));
    return 1;
  }

  void set_claim_listener(std::function<void(const std::string&)>) override {}

  std::expected<std::optional<std::string>, StoreError>
  session_of_join_code(std::string_view code) override {
    return readers_.with_reader(
        [&](sqlite::SessionReads& reads) { return reads.session_of_join_code(code); });
  }

  StoreStats stats() const override { return writer_.stats(); }

  void close() override {
    writer_.stop(); // commits what is queued and answers every request first
    checkpointer_->stop();
    readers_.close();
  }

private:
  sqlite::DataDirectory directory_; // first: the lock is held until everything else is closed
  sqlite::ReaderPool readers_;
  sqlite::GroupCommit writer_;
  std::unique_ptr<sqlite::Checkpointer> checkpointer_;
};

// A damaged or foreign file gets one clear sentence before SQLite's own words.
StoreError explained(StoreError error, const std::filesystem::path& file) {
  if (error.code == StoreErrorCode::corrupt && !error.message.starts_with(file.string()))
    error.message =
        file.string() + " is not an Intervisie store, or it is damaged (" + error.message + ")";
  return error;
}

} // namespace

std::expected<std::unique_ptr<EventStore>, StoreError>
open_sqlite_event_store(const std::filesystem::path& dir, SqliteOptions options) {
  if (sqlite3_threadsafe() == 0)
    return std::unexpected(
        StoreError{StoreErrorCode::io, "this SQLite library was built without thread support"});
  auto directory = sqlite::DataDirectory::open(dir);
  if (!directory)
    return std::unexpected(std::move(directory.error()));
  const std::filesystem::path file = dir / sqlite_file_name;
  std::error_code ignored;
  const bool is_new = !std::filesystem::exists(file, ignored);

  auto db = sqlite::Connection::open(file);
  if (!db)
    return std::unexpected(explained(std::move(db.error()), file));
  if (auto configured = sqlite::configure_writer(*db, options.synchronous); !configured)
    return std::unexpected(explained(std::move(configured.error()), file));
  if (auto migrated = sqlite::migrate(*db); !migrated)
    return std::unexpected(explained(std::move(migrated.error()), file));
  // A new database file's name must survive a power cut too (SQLite syncs the log's, not this).
  if (auto synced = is_new ? directory->sync() : std::expected<void, StoreError>{}; !synced)
    return std::unexpected(std::move(synced.error()));

  auto checkpointer = sqlite::Checkpointer::start(file, std::chrono::milliseconds{200});
  if (!checkpointer)
    return std::unexpected(explained(std::move(checkpointer.error()), file));
  auto writes = sqlite::SessionWrites::prepare(std::move(*db));
  if (!writes)
    return std::unexpected(std::move(writes.error()));
  return std::make_unique<SqliteEventStore>(std::move(*directory), std::move(*writes), file,
                                            std::move(*checkpointer), options);
}

} // namespace intervisie::store
