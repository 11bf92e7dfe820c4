// SPDX-License-Identifier: EUPL-1.2
// Group commit: the appends of many sessions share one transaction, and one log sync.
#include "store/sqlite_event_store.hpp"

#include "support/held_writer.hpp"
#include "support/temp_dir.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <future>
#include <string>
#include <thread>
#include <vector>

namespace intervisie::store {
namespace {

using testing::HeldWriter;

using testing::TempDir;

NewEvent event(std::string payload) {
  return NewEvent{.kind = "question_asked", .payload = std::move(payload), .at_ms = 1'000};
}

AppendResult append_and_wait(EventStore& store, const std::string& session_id,
                             std::uint64_t expected_last_seq, std::vector<NewEvent> events) {
  std::promise<AppendResult> acked;
  auto result = acked.get_future();
  store.append(session_id, expected_last_seq, std::move(events),
               [&acked](AppendResult r) { acked.set_value(std::move(r)); });
  return result.get();
}

std::string session_name(std::size_t i) {
  return "s" + std::to_string(i);
}

// Counts acknowledgements from any thread and lets the test wait for all of them.
class Acks {
public:
  explicit Acks(std::size_t expected) : expected_{expected} {}

  AppendDone expect_success() {
    return [this](AppendResult result) {
      if (!result)
        failures_.fetch_add(1);
      if (done_.fetch_add(1) + 1 == expected_)
        all_.set_value();
    };
  }
  void wait() { all_.get_future().wait(); }
  std::size_t failures() const { return failures_.load(); }

private:
  const std::size_t expected_;
  std::atomic<std::size_t> done_{0};
  std::atomic<std::size_t> failures_{0};
  std::promise<void> all_;
};

class GroupCommitTest : public ::testing::Test {
protected:
  void open(SqliteOptions options = {}) {
    auto opened = open_sqlite_event_store(dir.path(), options);
    ASSERT_TRUE(opened) << opened.error().message;
    store = std::move(*opened);
  }

  void create_sessions(std::size_t count) {
    for (std::size_t i = 0; i < count; ++i)
      ASSERT_TRUE(store->create_session(
          NewSession{.session_id = session_name(i), .method_id = "incident", .title = "t"}));
  }

  TempDir dir;
  std::unique_ptr<EventStore> store;
};

// A commit only syncs the log; copying the log into the database file happens on a thread of
// its own. Seen from outside: the file grows while no commit is running.
TEST_F(GroupCommitTest, TheLogReachesTheDatabaseFileWithoutACommitDoingIt) {
  open();
  create_sessions(1);
  const auto file = dir.path() / sqlite_file_name;
  const auto before = std::filesystem::file_size(file);
  std::uint64_t seq = 0;
  for (int i = 0; i < 40; ++i) {
    std::vector<NewEvent> events;
    for (int j = 0; j < 25; ++j)
      events.push_back(event(std::string(2000, static_cast<char>('a' + j))));
    ASSERT_TRUE(append_and_wait(*store, session_name(0), seq, std::move(events)));
    seq += 25;
  }
  // Two megabytes of events sit in the log now; within a few checkpoint intervals they are in
  // the database file too, though nothing is being written any more.
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
  while (std::filesystem::file_size(file) < before + 1'000'000 &&
         std::chrono::steady_clock::now() < deadline)
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  EXPECT_GE(std::filesystem::file_size(file), before + 1'000'000);
  EXPECT_EQ(store->read(session_name(0), 0)->size(), 1000u);
}

TEST_F(GroupCommitTest, AppendsOfManySessionsShareOneCommit) {
  open();
  create_sessions(100);
  HeldWriter held{*store, session_name(0), 0};
  const StoreStats before = store->stats();

  Acks acks{99};
  for (std::size_t i = 1; i < 100; ++i)
    store->append(session_name(i), 0, {event("a"), event("b")}, acks.expect_success());
  held.release();
  acks.wait();

  const StoreStats after = store->stats();
  EXPECT_EQ(acks.failures(), 0u);
  EXPECT_EQ(after.commits - before.commits, 1u);
  EXPECT_EQ(after.events - before.events, 198u);
  EXPECT_EQ(after.largest_batch, 99u);
  EXPECT_EQ(store->read(session_name(99), 0)->size(), 2u);
}

TEST_F(GroupCommitTest, AConflictDoesNotFailTheOthersOfItsBatch) {
  open();
  create_sessions(3);
  ASSERT_TRUE(append_and_wait(*store, "s1", 0, {event("x")}));
  AppendResult first, stale, pipelined, other;
  {
    HeldWriter held{*store, "s0", 0};
    auto keep = [](AppendResult& into) { return [&into](AppendResult r) { into = std::move(r); }; };
    store->append("s1", 1, {event("first")}, keep(first));
    store->append("s1", 1, {event("stale")}, keep(stale)); // s1 is at 2 by now
    store->append("s1", 2, {event("pipelined")}, keep(pipelined));
    store->append("s2", 0, {event("other")}, keep(other));
    const auto commits = store->stats().commits;
    held.release();
    store->close(); // answers every queued append before it returns
    EXPECT_EQ(store->stats().commits - commits, 1u);
  }
  EXPECT_EQ(first, AppendResult{2u});
  ASSERT_FALSE(stale);
  EXPECT_EQ(stale.error().code, StoreErrorCode::conflict);
  EXPECT_EQ(pipelined, AppendResult{3u});
  EXPECT_EQ(other, AppendResult{1u});
}

TEST_F(GroupCommitTest, ABatchHoldsAtMostMaxBatchRequests) {
  open(SqliteOptions{.max_batch = 10});
  create_sessions(36);
  Acks acks{35};
  {
    HeldWriter held{*store, session_name(0), 0};
    for (std::size_t i = 1; i < 36; ++i)
      store->append(session_name(i), 0, {event("a")}, acks.expect_success());
    const auto commits = store->stats().commits;
    held.release();
    acks.wait();
    EXPECT_EQ(store->stats().commits - commits, 4u); // 10 + 10 + 10 + 5
  }
  EXPECT_EQ(acks.failures(), 0u);
  EXPECT_EQ(store->stats().largest_batch, 10u);
}

TEST_F(GroupCommitTest, ThousandAppendsFromEightThreadsNeedFarFewerCommits) {
  open();
  constexpr std::size_t threads = 8;
  constexpr std::size_t per_thread = 125;
  create_sessions(threads);
  const StoreStats before = store->stats();

  Acks acks{threads * per_thread};
  std::vector<std::jthread> appenders;
  for (std::size_t t = 0; t < threads; ++t)
    appenders.emplace_back([&, t] {
      // Pipelined, as a session's strand does: each append expects the seq of the one before.
      for (std::uint64_t seq = 0; seq < per_thread; ++seq)
        store->append(session_name(t), seq, {event(std::string(200, 'x'))}, acks.expect_success());
    });
  appenders.clear();
  acks.wait();

  const StoreStats after = store->stats();
  RecordProperty("commits", std::to_string(after.commits - before.commits));
  EXPECT_EQ(acks.failures(), 0u);
  EXPECT_EQ(after.events - before.events, threads * per_thread);
  EXPECT_LE((after.commits - before.commits) * 10, threads * per_thread)
      << "commits: " << after.commits - before.commits;
  for (std::size_t t = 0; t < threads; ++t)
    EXPECT_EQ(store->find_session(session_name(t))->last_seq, per_thread);
}

TEST_F(GroupCommitTest, ADoneMayAppendAgainAndCreateASession) {
  open();
  create_sessions(1);
  std::promise<AppendResult> chained;
  std::promise<std::expected<void, StoreError>> created;
  store->append("s0", 0, {event("a")}, [&](AppendResult first) {
    // On the writer thread: a synchronous write must not wait for itself.
    created.set_value(store->create_session(NewSession{.session_id = "from-done"}));
    store->append("s0", first.value_or(0), {event("b")},
                  [&chained](AppendResult second) { chained.set_value(std::move(second)); });
  });
  EXPECT_EQ(chained.get_future().get(), AppendResult{2u});
  EXPECT_TRUE(created.get_future().get());
  EXPECT_TRUE(store->find_session("from-done"));
}

TEST_F(GroupCommitTest, ReadersSeeEveryAcknowledgedEventWhileWritesGoOn) {
  open();
  create_sessions(1);
  constexpr std::uint64_t total = 300;
  std::atomic<std::uint64_t> acked{0};
  std::atomic<bool> writing{true};
  std::atomic<std::size_t> bad_reads{0};

  std::vector<std::jthread> readers;
  for (int r = 0; r < 2; ++r)
    readers.emplace_back([&] {
      while (writing.load()) {
        const std::uint64_t at_least = acked.load();
        auto events = store->read("s0", 0);
        if (!events || events->size() < at_least) {
          bad_reads.fetch_add(1);
          continue;
        }
        for (std::size_t i = 0; i < events->size(); ++i)
          if ((*events)[i].seq != i + 1)
            bad_reads.fetch_add(1);
      }
    });
  for (std::uint64_t seq = 0; seq < total; ++seq) {
    auto appended = append_and_wait(*store, "s0", seq, {event(std::to_string(seq + 1))});
    ASSERT_EQ(appended, AppendResult{seq + 1});
    acked.store(seq + 1);
  }
  writing.store(false);
  readers.clear();
  EXPECT_EQ(bad_reads.load(), 0u);
}

} // namespace
} // namespace intervisie::store
