#include "store/postgresql_event_store.hpp"

#include "store/migrations.hpp"
#include "store/postgresql/connection_pool.hpp"
#include "store/postgresql/group_commit.hpp"
#include "store/postgresql/schema.hpp"
#include "store/postgresql/session_reads.hpp"
#include "store/postgresql/session_writes.hpp"

namespace intervisie::store {

namespace {

namespace pg = postgresql;

constexpr std::string_view reader_role = "intervisie event reader";

class PostgresEventStore final : public EventStore {
public:
  PostgresEventStore(std::string url, pg::Connection writer, const PostgresOptions& options)
      : readers_{url, std::string{reader_role}, options.idle_readers, pg::prepare_session_reads},
        writer_{std::move(url), std::move(writer), options} {}

  ~PostgresEventStore() override { close(); }

  std::expected<void, StoreError> create_session(const NewSession& session) override {
    return done(writer_.submit_and_wait(pg::Change{pg::CreateSession{session}}));
  }

  std::expected<void, StoreError> put_secret(std::string_view session_id,
                                             const Secret& secret) override {
    return done(
        writer_.submit_and_wait(pg::Change{pg::PutSecret{std::string{session_id}, secret}}));
  }

  void append(std::string session_id, std::uint64_t expected_last_seq, std::vector<NewEvent> events,
              AppendDone done) override {
    writer_.submit(pg::WriteRequest{
        pg::Change{pg::AppendEvents{std::move(session_id), expected_last_seq, std::move(events)}},
        std::move(done)});
  }

  std::expected<std::vector<StoredEvent>, StoreError> read(std::string_view session_id,
                                                           std::uint64_t after_seq) override {
    return readers_.with_connection(
        [&](pg::Connection& db) { return pg::read_events(db, session_id, after_seq); });
  }

  std::expected<SessionRecord, StoreError> find_session(std::string_view session_id) override {
    return readers_.with_connection(
        [&](pg::Connection& db) { return pg::find_session(db, session_id); });
  }

  std::expected<std::vector<Secret>, StoreError>
  read_secrets(std::string_view session_id) override {
    return readers_.with_connection(
        [&](pg::Connection& db) { return pg::read_secrets(db, session_id); });
  }

  std::expected<std::vector<SessionRecord>, StoreError>
  list_sessions(bool unfinished_only) override {
    return readers_.with_connection(
        [&](pg::Connection& db) { return pg::list_sessions(db, unfinished_only); });
  }

  std::expected<void, StoreError> erase_session(std::string_view session_id,
                                                std::int64_t at_ms) override {
    return done(
        writer_.submit_and_wait(pg::Change{pg::EraseSession{std::string{session_id}, at_ms}}));
  }

  std::expected<void, StoreError> rewrite_session(std::string_view session_id,
                                                  const std::vector<NewEvent>& events) override {
    return done(
        writer_.submit_and_wait(pg::Change{pg::RewriteEvents{std::string{session_id}, events}}));
  }

  StoreStats stats() const override { return writer_.stats(); }

  void close() override {
    writer_.stop(); // commits what is queued and answers every request first
    readers_.close();
  }

private:
  static std::expected<void, StoreError> done(AppendResult result) {
    if (!result)
      return std::unexpected(std::move(result.error()));
    return {};
  }

  pg::ConnectionPool readers_;
  pg::GroupCommit writer_; // last: its thread starts once the readers are ready
};

} // namespace

std::expected<std::unique_ptr<EventStore>, StoreError>
open_postgresql_event_store(std::string url, PostgresOptions options) {
  auto db = pg::Connection::open(url, pg::writer_role);
  if (!db)
    return std::unexpected(std::move(db.error()));
  if (auto migrated = pg::migrate(*db, pg::event_schema_table, migrations()); !migrated)
    return std::unexpected(std::move(migrated.error()));
  if (auto prepared = pg::prepare_session_writes(*db); !prepared)
    return std::unexpected(std::move(prepared.error()));
  return std::make_unique<PostgresEventStore>(std::move(url), std::move(*db), options);
}

} // namespace intervisie::store
