// SPDX-License-Identifier: EUPL-1.2
#include "store/postgresql_event_store.hpp"

#include "store/migrations.hpp"
#include "store/postgresql/claim_watch.hpp"
#include "store/postgresql/connection_pool.hpp"
#include "store/postgresql/group_commit.hpp"
#include "store/postgresql/schema.hpp"
#include "store/postgresql/session_reads.hpp"
#include "store/postgresql/session_writes.hpp"

#include <unistd.h>

#include <array>
#include <random>

namespace intervisie::store {

namespace {

namespace pg = postgresql;

constexpr std::string_view reader_role = "intervisie event reader";

class PostgresEventStore final : public EventStore {
public:
  PostgresEventStore(std::string url, std::string node, pg::Connection writer,
                     const PostgresOptions& options)
      : watch_{url, node}, readers_{url, std::string{reader_role}, options.idle_readers,
                                    pg::prepare_session_reads},
        writer_{std::move(url), std::move(node), std::move(writer), options} {}

  ~PostgresEventStore() override { close(); }

  // Creating claims the session for this node (epoch 1), in the same statement.
  std::expected<void, StoreError> create_session(const NewSession& session) override {
    watch_.claiming(session.session_id);
    auto created = writer_.submit_and_wait(pg::Change{pg::CreateSession{session}});
    if (created)
      watch_.claimed(session.session_id, 1);
    else
      watch_.not_claimed(session.session_id);
    return done(std::move(created));
  }

  std::expected<void, StoreError> put_secret(std::string_view session_id,
                                             const Secret& secret) override {
    return done(
        writer_.submit_and_wait(pg::Change{pg::PutSecret{std::string{session_id}, secret}}));
  }

  using EventStore::append;
  void append(std::string session_id, std::uint64_t expected_last_seq, std::vector<NewEvent> events,
              std::vector<Secret> secrets, AppendDone done) override {
    writer_.submit(
        pg::WriteRequest{pg::Change{pg::AppendEvents{std::move(session_id), expected_last_seq,
                                                     std::move(events), std::move(secrets)}},
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

  std::expected<std::uint64_t, StoreError> claim_session(std::string_view session_id) override {
    const std::string id{session_id};
    watch_.claiming(id);
    auto claimed = writer_.submit_and_wait(pg::Change{pg::ClaimSession{id}});
    if (claimed)
      watch_.claimed(id, *claimed);
    else
      watch_.not_claimed(id);
    return claimed;
  }

  void set_claim_listener(std::function<void(const std::string&)> listener) override {
    watch_.listen(std::move(listener));
  }

  std::expected<std::optional<std::string>, StoreError>
  session_of_join_code(std::string_view code) override {
    return readers_.with_connection(
        [&](pg::Connection& db) { return pg::session_of_join_code(db, code); });
  }

  StoreStats stats() const override { return writer_.stats(); }

  void close() override {
    watch_.stop();  // no listener call after close()
    writer_.stop(); // commits what is queued and answers every request first
    readers_.close();
  }

private:
  static std::expected<void, StoreError> done(AppendResult result) {
    if (!result)
      return std::unexpected(std::move(result.error()));
    return {};
  }

  pg::ClaimWatch watch_;
  pg::ConnectionPool readers_;
  pg::GroupCommit writer_; // last: its thread starts once the readers are ready
};

} // namespace

// Host name, process id and a random suffix (two containers may share a host name and a
// process id). One per process: the stores a process opens, reopens included, are one node.
const std::string& process_node_name() {
  static const std::string name = [] {
    std::array<char, 256> host{};
    if (::gethostname(host.data(), host.size() - 1) != 0)
      host = {};
    std::random_device random;
    static constexpr char hex[] = "0123456789abcdef";
    std::string suffix;
    for (int i = 0; i < 8; ++i)
      suffix += hex[random() % 16];
    return std::string{host.data()} + ":" + std::to_string(::getpid()) + ":" + suffix;
  }();
  return name;
}

std::expected<std::unique_ptr<EventStore>, StoreError>
open_postgresql_event_store(std::string url, const PostgresOptions& options) {
  auto db = pg::Connection::open(url, pg::writer_role);
  if (!db)
    return std::unexpected(std::move(db.error()));
  if (auto migrated = pg::migrate(*db, pg::event_schema_table, migrations()); !migrated)
    return std::unexpected(std::move(migrated.error()));
  if (auto prepared = pg::prepare_session_writes(*db); !prepared)
    return std::unexpected(std::move(prepared.error()));
  std::string node = options.node.empty() ? process_node_name() : options.node;
  return std::make_unique<PostgresEventStore>(std::move(url), std::move(node), std::move(*db),
                                              options);
}

} // namespace intervisie::store
