// SPDX-License-Identifier: EUPL-1.2
// What only the PostgreSQL adapters have to show: their schema shared by nodes that start at
// once, a batch that is one transaction yet keeps each request all-or-nothing, and connections
// that the server drops, mid-batch or while idle.
#include "store/migrations.hpp"
#include "store/postgresql/connection.hpp"
#include "store/postgresql/schema.hpp"
#include "store/postgresql_event_store.hpp"
#include "store/postgresql_group_store.hpp"

#include "support/held_writer.hpp"
#include "support/store_place.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <functional>
#include <future>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace intervisie::store {
namespace {

using testing::Backend;
using testing::HeldWriter;
using testing::StorePlace;

NewEvent event(std::string payload) {
  return NewEvent{.kind = "question_asked", .payload = std::move(payload), .at_ms = 1'000};
}

NewSession session(std::string id) {
  return NewSession{
      .session_id = std::move(id), .method_id = "incident", .title = "t", .created_at_ms = 1'000};
}

AppendResult append_and_wait(EventStore& store, const std::string& session_id,
                             std::uint64_t expected_last_seq, std::vector<NewEvent> events) {
  std::promise<AppendResult> acked;
  auto result = acked.get_future();
  store.append(session_id, expected_last_seq, std::move(events),
               [&acked](AppendResult r) { acked.set_value(std::move(r)); });
  return result.get();
}

// An append whose answer the test collects later.
struct Pending {
  std::promise<AppendResult> promise;
  std::future<AppendResult> result = promise.get_future();

  AppendDone done() {
    return [this](AppendResult r) { promise.set_value(std::move(r)); };
  }
};

class PostgresqlTest : public ::testing::Test {
protected:
  // A connection of the test's own, beside the store's: to look and to interfere.
  postgresql::Connection admin() const {
    auto db = postgresql::Connection::open(place.url(), "test");
    if (!db)
      throw std::runtime_error(db.error().message);
    return std::move(*db);
  }

  std::int64_t number(const std::string& sql) const {
    auto db = admin();
    auto rows = db.exec(sql, "test query");
    if (!rows)
      throw std::runtime_error(rows.error().message);
    return rows->int64(0, 0);
  }

  void execute(const std::string& sql) const {
    auto db = admin();
    auto done = db.exec_script(sql, "test statement");
    if (!done)
      throw std::runtime_error(done.error().message);
  }

  std::unique_ptr<EventStore> open_events(PostgresOptions options = {}) const {
    auto opened = open_postgresql_event_store(place.url(), options);
    if (!opened)
      throw std::runtime_error(opened.error().message);
    return std::move(*opened);
  }

  // Ends the connections of the store's writer (or readers, or claim watch) as an operator or a
  // failover would; waits until they are gone (a store may open new ones at once).
  void terminate(std::string_view application_name) const {
    auto db = admin();
    auto pids = db.exec("SELECT string_agg(pid::text, ',') FROM pg_stat_activity"
                        " WHERE datname = current_database() AND application_name = '" +
                            std::string{application_name} + "'",
                        "test query");
    ASSERT_TRUE(pids) << pids.error().message;
    ASSERT_FALSE(pids->is_null(0, 0)) << "no connection named " << application_name;
    const std::string those = " pid IN (" + pids->text(0, 0) + ")";
    ASSERT_GT(number("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE" + those),
              0);
    for (int i = 0; i < 2'000 && number("SELECT count(*) FROM pg_stat_activity WHERE" + those) > 0;
         ++i)
      std::this_thread::sleep_for(std::chrono::milliseconds{1});
    ASSERT_EQ(number("SELECT count(*) FROM pg_stat_activity WHERE" + those), 0);
  }

  StorePlace place{Backend::postgresql};
};

TEST_F(PostgresqlTest, ANewDatabaseGetsBothSchemasWithTheirOwnVersionTables) {
  open_events();
  ASSERT_TRUE(open_postgresql_group_store(place.url()));
  EXPECT_EQ(number("SELECT MAX(version) FROM schema_version"), latest_schema_version());
  EXPECT_EQ(number("SELECT count(*) FROM schema_version"),
            static_cast<std::int64_t>(migrations().size()));
  EXPECT_EQ(number("SELECT MAX(version) FROM group_schema_version"),
            group_migrations().back().version);
  EXPECT_EQ(number("SELECT count(*) FROM group_schema_version"),
            static_cast<std::int64_t>(group_migrations().size()));
}

TEST_F(PostgresqlTest, ADatabaseOfANewerIntervisieIsRefusedAndLeftAlone) {
  open_events();
  ASSERT_TRUE(open_postgresql_group_store(place.url()));
  const std::int64_t newer = latest_schema_version() + 1;
  execute("INSERT INTO schema_version VALUES (" + std::to_string(newer) + ", 'from the future')");
  execute("INSERT INTO group_schema_version VALUES (99, 'from the future')");

  auto events = open_postgresql_event_store(place.url());
  ASSERT_FALSE(events);
  EXPECT_EQ(events.error().code, StoreErrorCode::newer_schema);
  EXPECT_NE(events.error().message.find("this data was written by a newer Intervisie (schema " +
                                        std::to_string(newer) + "; this build knows up to " +
                                        std::to_string(latest_schema_version()) + ")"),
            std::string::npos)
      << events.error().message;
  EXPECT_NE(events.error().message.find("(schema_version)"), std::string::npos);

  auto groups = open_postgresql_group_store(place.url());
  ASSERT_FALSE(groups);
  EXPECT_EQ(groups.error().code, StoreErrorCode::newer_schema);
  EXPECT_NE(groups.error().message.find("(group_schema_version)"), std::string::npos)
      << groups.error().message;
  EXPECT_EQ(number("SELECT MAX(version) FROM schema_version"), newer) << "left alone";
}

TEST_F(PostgresqlTest, NodesStartingAtOnceMigrateOnceAndAllOpen) {
  constexpr int nodes = 6;
  std::vector<std::future<std::string>> opened;
  for (int i = 0; i < nodes; ++i)
    opened.push_back(std::async(std::launch::async, [this, i]() -> std::string {
      if (i % 2 == 0) {
        auto events = open_postgresql_event_store(place.url());
        return events ? "" : events.error().message;
      }
      auto groups = open_postgresql_group_store(place.url());
      return groups ? "" : groups.error().message;
    }));
  for (auto& one : opened)
    EXPECT_EQ(one.get(), "");
  EXPECT_EQ(number("SELECT count(*) FROM schema_version"),
            static_cast<std::int64_t>(migrations().size()));
  EXPECT_EQ(number("SELECT count(*) FROM group_schema_version"),
            static_cast<std::int64_t>(group_migrations().size()));
}

TEST_F(PostgresqlTest, AnOlderDatabaseIsBroughtUpToDateAndKeepsItsEvents) {
  {
    auto db = admin();
    ASSERT_TRUE(postgresql::migrate(db, postgresql::event_schema_table, migrations().first(2)));
  }
  execute("INSERT INTO sessions (session_id, method_id, title, finished, last_seq, created_at_ms)"
          " VALUES ('old', 'incident', 'Van vroeger', TRUE, 2, 500);"
          "INSERT INTO events VALUES ('old', 1, 'started', '{}', 600),"
          " ('old', 2, 'session_closed', '{}', 700)");
  auto store = open_events();
  EXPECT_EQ(store->find_session("old").value(),
            (SessionRecord{"old", "incident", "Van vroeger", true, 2, 500, 700, {}}))
      << "migration 3 found when it finished";
  EXPECT_EQ(store->read("old", 0)->size(), 2u);
}

TEST_F(PostgresqlTest, AConflictInABatchLeavesItsNeighboursWritten) {
  auto store = open_events();
  for (const char* id : {"s1", "s2", "s3"})
    ASSERT_TRUE(store->create_session(session(id)));
  ASSERT_TRUE(append_and_wait(*store, "s2", 0, {event("a"), event("b")}));

  HeldWriter held{*store, "s1", 0}; // s1 at 1 once it commits
  Pending first, stale, third, pipelined;
  store->append("s1", 1, {event("after the hold")}, first.done());
  store->append("s2", 1, {event("stale")}, stale.done());
  store->append("s3", 0, {event("fine")}, third.done());
  store->append("s1", 2, {event("pipelined")}, pipelined.done());
  held.release();

  EXPECT_EQ(first.result.get(), AppendResult{2u});
  const AppendResult refused = stale.result.get();
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error(),
            (StoreError{StoreErrorCode::conflict, "session \"s2\" is at seq 2, not 1"}));
  EXPECT_EQ(third.result.get(), AppendResult{1u});
  EXPECT_EQ(pipelined.result.get(), AppendResult{3u});

  EXPECT_EQ(store->read("s1", 0)->size(), 3u);
  EXPECT_EQ(store->read("s2", 0)->size(), 2u) << "the stale append wrote nothing";
  EXPECT_EQ(store->read("s3", 0)->size(), 1u);
  const StoreStats stats = store->stats();
  EXPECT_EQ(stats.largest_batch, 4u) << "all four in one transaction";
  EXPECT_EQ(stats.conflicts, 1u);
}

TEST_F(PostgresqlTest, TextPostgresqlCannotStoreFailsOnlyItsOwnAppend) {
  auto store = open_events();
  for (const char* id : {"s1", "s2", "s3"})
    ASSERT_TRUE(store->create_session(session(id)));

  HeldWriter held{*store, "s1", 0};
  Pending before, nul, bad_utf8, after, following;
  store->append("s1", 1, {event("ok")}, before.done());
  store->append("s2", 0, {event(std::string{"a\0b", 3})}, nul.done());
  store->append("s3", 0, {event("\xff\xfe not UTF-8")}, bad_utf8.done());
  store->append("s1", 2, {event("still ok")}, after.done());
  store->append("s3", 1, {event("expects the refused one")}, following.done());
  held.release();

  EXPECT_EQ(before.result.get(), AppendResult{2u});
  const AppendResult refused_nul = nul.result.get();
  ASSERT_FALSE(refused_nul);
  EXPECT_EQ(refused_nul.error().code, StoreErrorCode::io);
  EXPECT_NE(refused_nul.error().message.find("NUL"), std::string::npos)
      << refused_nul.error().message;
  const AppendResult refused_utf8 = bad_utf8.result.get();
  ASSERT_FALSE(refused_utf8);
  EXPECT_EQ(refused_utf8.error().code, StoreErrorCode::io);
  EXPECT_NE(refused_utf8.error().message.find("appending to session \"s3\""), std::string::npos)
      << refused_utf8.error().message;
  EXPECT_EQ(after.result.get(), AppendResult{3u});
  EXPECT_EQ(following.result.get().error().code, StoreErrorCode::conflict)
      << "the append it expected was not written";
  EXPECT_EQ(store->find_session("s2")->last_seq, 0u);
  EXPECT_EQ(store->find_session("s3")->last_seq, 0u);
}

TEST_F(PostgresqlTest, AppendsOfManySessionsShareOneCommit) {
  auto store = open_events();
  constexpr std::size_t sessions = 50;
  for (std::size_t i = 0; i <= sessions; ++i)
    ASSERT_TRUE(store->create_session(session("s" + std::to_string(i))));
  const std::uint64_t commits_before = store->stats().commits;
  std::vector<Pending> pending(sessions);
  {
    HeldWriter held{*store, "s0", 0};
    for (std::size_t i = 0; i < sessions; ++i)
      store->append("s" + std::to_string(i + 1), 0, {event("a"), event("b")}, pending[i].done());
  }
  for (Pending& one : pending)
    EXPECT_EQ(one.result.get(), AppendResult{2u});
  const StoreStats stats = store->stats();
  EXPECT_EQ(stats.commits - commits_before, 2u) << "the held batch, then all the others at once";
  EXPECT_EQ(stats.largest_batch, sessions);
}

// Megabytes in one pipeline: sent without blocking, with results read while it is still going
// out (pipelined_batch.cpp), in one transaction.
TEST_F(PostgresqlTest, AThousandAppendsOfEightKilobytesShareOneTransaction) {
  auto store = open_events();
  ASSERT_TRUE(store->create_session(session("s1")));
  ASSERT_TRUE(store->create_session(session("s2")));
  constexpr std::uint64_t count = 1'000;
  std::vector<Pending> pending(count);
  const std::uint64_t commits_before = store->stats().commits;
  {
    HeldWriter held{*store, "s2", 0};
    for (std::uint64_t i = 0; i < count; ++i)
      store->append("s1", i, {event(std::string(8'000, static_cast<char>('a' + i % 26)))},
                    pending[i].done());
  }
  for (std::uint64_t i = 0; i < count; ++i)
    ASSERT_EQ(pending[i].result.get(), AppendResult{i + 1});
  EXPECT_EQ(store->stats().commits - commits_before, 2u);
  EXPECT_EQ(store->stats().largest_batch, count);
  EXPECT_EQ(store->read("s1", 990)->back().payload, std::string(8'000, 'a' + 999 % 26));
}

TEST_F(PostgresqlTest, ALostConnectionMidBatchFailsThatBatchWithIoAndTheNextOneReconnects) {
  auto store = open_events();
  for (const char* id : {"s1", "s2", "s3"})
    ASSERT_TRUE(store->create_session(session(id)));
  ASSERT_TRUE(append_and_wait(*store, "s1", 0, {event("acknowledged")}));

  // Another node holds s3's row, so the batch stops inside its transaction, s2 already written.
  auto blocker = admin();
  ASSERT_TRUE(blocker.exec("BEGIN", "test"));
  ASSERT_TRUE(blocker.exec("SELECT 1 FROM sessions WHERE session_id = 's3' FOR UPDATE", "test"));
  Pending second, third;
  {
    HeldWriter held{*store, "s1", 1};
    store->append("s2", 0, {event("lost with the batch")}, second.done());
    store->append("s3", 0, {event("waits for the lock")}, third.done());
  }
  const std::string writer_waits = "SELECT count(*) FROM pg_stat_activity WHERE"
                                   " application_name = 'intervisie event writer'"
                                   " AND wait_event_type = 'Lock'";
  for (int i = 0; i < 10'000 && number(writer_waits) == 0; ++i)
    std::this_thread::sleep_for(std::chrono::milliseconds{1});
  ASSERT_EQ(number(writer_waits), 1) << "the batch waits inside its transaction";
  terminate("intervisie event writer");
  ASSERT_TRUE(blocker.exec("ROLLBACK", "test"));

  for (Pending* lost : {&second, &third}) {
    const AppendResult result = lost->result.get();
    ASSERT_FALSE(result);
    EXPECT_EQ(result.error().code, StoreErrorCode::io) << result.error().message;
    EXPECT_NE(result.error().message.find("none is acknowledged"), std::string::npos)
        << result.error().message;
  }
  EXPECT_EQ(store->find_session("s2")->last_seq, 0u) << "nothing of the lost batch";
  EXPECT_EQ(append_and_wait(*store, "s2", 0, {event("again")}), AppendResult{1u});
  EXPECT_EQ(append_and_wait(*store, "s3", 0, {event("again")}), AppendResult{1u});
  EXPECT_EQ(store->read("s1", 0)->size(), 2u) << "what was acknowledged is there";
}

TEST_F(PostgresqlTest, AConnectionDroppedWhileIdleIsReplacedBeforeTheNextBatch) {
  auto store = open_events();
  ASSERT_TRUE(store->create_session(session("s1")));
  ASSERT_TRUE(append_and_wait(*store, "s1", 0, {event("a")}));
  ASSERT_EQ(store->read("s1", 0)->size(), 1u);
  terminate("intervisie event writer");
  terminate("intervisie event reader");

  EXPECT_EQ(append_and_wait(*store, "s1", 1, {event("b")}), AppendResult{2u})
      << "nothing was sent on the dead connection, so nothing fails";
  EXPECT_EQ(store->read("s1", 0)->size(), 2u);
}

TEST_F(PostgresqlTest, TheGroupStoreReconnectsAfterItsConnectionWasDropped) {
  auto groups = open_postgresql_group_store(place.url());
  ASSERT_TRUE(groups);
  ASSERT_TRUE((*groups)->append_group_events("g-1", 0, {event("created")}));
  terminate("intervisie groups");
  EXPECT_EQ((*groups)->all_groups().value().size(), 1u);
  EXPECT_EQ((*groups)->append_group_events("g-1", 1, {event("joined")}).value(), 2u);
}

TEST_F(PostgresqlTest, ADestroyedKeyIsOverwrittenAndGoneFromTheLiveTable) {
  auto groups = open_postgresql_group_store(place.url());
  ASSERT_TRUE(groups);
  ASSERT_TRUE((*groups)->add_wrapped_key({"session:s1", "k1:sealed-key-bytes"}));
  ASSERT_TRUE((*groups)->add_wrapped_key({"session:s2", "k1:other-key"}));
  EXPECT_EQ((*groups)->add_wrapped_key({"session:s1", "k1:again"}).error().code,
            StoreErrorCode::conflict);
  ASSERT_TRUE((*groups)->destroy_wrapped_key("session:s1"));
  ASSERT_TRUE((*groups)->destroy_wrapped_key("session:s1")) << "a key that is not there";
  EXPECT_EQ(number("SELECT count(*) FROM data_keys WHERE owner = 'session:s1'"
                   " OR wrapped LIKE '%sealed-key-bytes%'"),
            0);
  EXPECT_EQ((*groups)->wrapped_keys().value(),
            (std::vector<WrappedKey>{{"session:s2", "k1:other-key"}}));
}

TEST_F(PostgresqlTest, AClosedStoreAnswersEveryQueuedAppendBeforeItsConnectionsClose) {
  auto store = open_events();
  ASSERT_TRUE(store->create_session(session("s1")));
  std::atomic<int> answered{0};
  for (std::uint64_t i = 0; i < 200; ++i)
    store->append("s1", i, {event(std::to_string(i))}, [&answered](AppendResult r) {
      if (r)
        ++answered;
    });
  store->close();
  EXPECT_EQ(answered.load(), 200);
  EXPECT_EQ(number("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
                   " AND application_name LIKE 'intervisie event%'"),
            0)
      << "close() leaves no connection open";
}

// Two nodes sharing the database: stores named apart, as two processes are.
PostgresOptions node(std::string name) {
  return PostgresOptions{.node = std::move(name)};
}

// What a claim listener hears, waited for without sleeping.
class Heard {
public:
  std::function<void(const std::string&)> listener() {
    return [this](const std::string& session_id) {
      std::lock_guard lock{mutex_};
      sessions_.push_back(session_id);
      changed_.notify_all();
    };
  }

  // The sessions heard once `count` have been, or whatever was heard within a few seconds.
  std::vector<std::string> wait_for(std::size_t count) {
    std::unique_lock lock{mutex_};
    changed_.wait_for(lock, std::chrono::seconds{10}, [&] { return sessions_.size() >= count; });
    return sessions_;
  }

  std::vector<std::string> now() {
    std::lock_guard lock{mutex_};
    return sessions_;
  }

private:
  std::mutex mutex_;
  std::condition_variable changed_;
  std::vector<std::string> sessions_;
};

TEST_F(PostgresqlTest, AnAppendThroughANodeThatLostTheClaimIsFencedAndWritesNothing) {
  auto first = open_events(node("first"));
  auto second = open_events(node("second"));
  ASSERT_TRUE(first->create_session(session("s1"))); // claimed by the first, epoch 1
  ASSERT_EQ(append_and_wait(*first, "s1", 0, {event("a")}), AppendResult{1u});

  EXPECT_EQ(second->claim_session("s1"), (std::expected<std::uint64_t, StoreError>{2u}));
  const AppendResult fenced = append_and_wait(*first, "s1", 1, {event("from the old node")});
  ASSERT_FALSE(fenced);
  EXPECT_EQ(fenced.error().code, StoreErrorCode::fenced) << fenced.error().message;
  EXPECT_EQ(append_and_wait(*second, "s1", 1, {event("b")}), AppendResult{2u});

  EXPECT_EQ(first->claim_session("s1"), (std::expected<std::uint64_t, StoreError>{3u}));
  EXPECT_EQ(append_and_wait(*second, "s1", 2, {event("c")}).error().code, StoreErrorCode::fenced);
  EXPECT_EQ(append_and_wait(*first, "s1", 2, {event("c")}), AppendResult{3u});
  EXPECT_EQ(first->read("s1", 0)->size(), 3u);
}

TEST_F(PostgresqlTest, AHistoryReadAfterAClaimIsAllTheOldNodeEverGetsAcknowledged) {
  auto old_node = open_events(node("old"));
  auto new_node = open_events(node("new"));
  ASSERT_TRUE(old_node->create_session(session("s1")));

  constexpr std::uint64_t count = 300;
  std::vector<AppendResult> results(count, std::unexpected(StoreError{}));
  std::promise<void> first_acked;
  std::promise<void> all_answered;
  std::atomic<std::uint64_t> answered{0};
  for (std::uint64_t i = 0; i < count; ++i)
    old_node->append("s1", i, {event(std::to_string(i + 1))}, [&, i](AppendResult r) {
      results[i] = std::move(r);
      if (i == 0)
        first_acked.set_value();
      if (++answered == count)
        all_answered.set_value();
    });
  first_acked.get_future().wait();
  ASSERT_TRUE(new_node->claim_session("s1"));
  const std::size_t history = new_node->read("s1", 0)->size();
  all_answered.get_future().wait();

  std::uint64_t acknowledged = 0;
  while (acknowledged < count && results[acknowledged])
    ++acknowledged;
  EXPECT_EQ(acknowledged, history) << "every acknowledged append, and nothing else";
  for (std::uint64_t i = acknowledged; i < count; ++i)
    ASSERT_EQ(results[i].error().code, StoreErrorCode::fenced) << "append " << i;
  EXPECT_EQ(new_node->read("s1", 0)->size(), history);
}

TEST_F(PostgresqlTest, TheNodeThatHeldASessionHearsWhenAnotherClaimsIt) {
  auto first = open_events(node("first"));
  auto second = open_events(node("second"));
  Heard by_first;
  Heard by_second;
  first->set_claim_listener(by_first.listener());
  second->set_claim_listener(by_second.listener());
  ASSERT_TRUE(first->create_session(session("s1")));
  ASSERT_TRUE(first->create_session(session("s2")));
  ASSERT_TRUE(second->create_session(session("s3")));

  ASSERT_TRUE(second->claim_session("s1"));
  EXPECT_EQ(by_first.wait_for(1), std::vector<std::string>{"s1"});
  ASSERT_TRUE(first->claim_session("s3"));
  ASSERT_TRUE(first->claim_session("s1")); // and back
  EXPECT_EQ(by_second.wait_for(2), (std::vector<std::string>{"s3", "s1"}));
  EXPECT_EQ(by_first.now(), std::vector<std::string>{"s1"})
      << "its own claims and sessions it never held are not news to a node";
}

TEST_F(PostgresqlTest, TheClaimWatchHearsAgainAfterItsConnectionWasDropped) {
  auto first = open_events(node("first"));
  auto second = open_events(node("second"));
  Heard by_first;
  first->set_claim_listener(by_first.listener());
  ASSERT_TRUE(first->create_session(session("s1")));
  terminate("intervisie claim watch");

  ASSERT_TRUE(second->claim_session("s1"));
  EXPECT_EQ(by_first.wait_for(1), std::vector<std::string>{"s1"})
      << "heard when it comes, or read from the table when the watch reconnects";
}

TEST_F(PostgresqlTest, TwoNodesCreatingSessionsWithOneJoinCodeAtOnceGetItOnce) {
  auto first = open_events(node("first"));
  auto second = open_events(node("second"));
  for (int round = 0; round < 20; ++round) {
    const std::string code = std::to_string(100'000 + round);
    auto make = [&](EventStore& store, std::string id) {
      NewSession coded = session(std::move(id));
      coded.join_code = code;
      return std::async(std::launch::async,
                        [&store, coded] { return store.create_session(coded); });
    };
    auto one = make(*first, "a" + std::to_string(round));
    auto other = make(*second, "b" + std::to_string(round));
    const auto created_one = one.get();
    const auto created_other = other.get();
    ASSERT_NE(created_one.has_value(), created_other.has_value()) << "round " << round;
    const auto& refused = created_one ? created_other : created_one;
    EXPECT_EQ(refused.error(),
              (StoreError{StoreErrorCode::conflict, "join code \"" + code + "\" is taken"}));
    const auto holder = first->session_of_join_code(code).value();
    EXPECT_EQ(holder, (created_one ? "a" : "b") + std::to_string(round));
  }
}

TEST_F(PostgresqlTest, TheStoresOfOneProcessAreOneNode) {
  auto store = open_events();
  ASSERT_TRUE(store->create_session(session("s1")));
  store.reset();
  store = open_events();
  EXPECT_EQ(append_and_wait(*store, "s1", 0, {event("a")}), AppendResult{1u})
      << "reopened, it still holds the claim";
}

} // namespace
} // namespace intervisie::store
