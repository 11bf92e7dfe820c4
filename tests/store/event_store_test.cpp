// The event store's contract, as every adapter must keep it; run here against SQLite.
#include "store/sqlite_event_store.hpp"

#include "support/temp_dir.hpp"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <future>
#include <string>
#include <vector>

namespace intervisie::store {
namespace {

// A fresh directory per test, removed afterwards: tests share nothing, not even a file name.
using testing::TempDir;

std::unique_ptr<EventStore> open_store(const std::filesystem::path& dir) {
  auto store = open_sqlite_event_store(dir);
  EXPECT_TRUE(store.has_value()) << store.error().message;
  return store ? std::move(*store) : nullptr;
}

AppendResult append_and_wait(EventStore& store, const std::string& session_id,
                             std::uint64_t expected_last_seq, std::vector<NewEvent> events) {
  std::promise<AppendResult> acked;
  auto result = acked.get_future();
  store.append(session_id, expected_last_seq, std::move(events),
               [&acked](AppendResult r) { acked.set_value(std::move(r)); });
  return result.get();
}

NewEvent event(std::string kind, std::string payload, std::int64_t at_ms = 1'000) {
  return NewEvent{.kind = std::move(kind), .payload = std::move(payload), .at_ms = at_ms};
}

NewSession session(std::string id, std::int64_t created_at_ms = 1'000) {
  return NewSession{.session_id = std::move(id),
                    .method_id = "incident",
                    .title = "Dinsdagochtend",
                    .created_at_ms = created_at_ms};
}

class EventStoreTest : public ::testing::Test {
protected:
  void SetUp() override {
    store = open_store(dir.path());
    ASSERT_NE(store, nullptr);
    ASSERT_TRUE(store->create_session(session("s1")));
  }

  TempDir dir;
  std::unique_ptr<EventStore> store;
};

TEST_F(EventStoreTest, AppendedEventsReadBackAsWritten) {
  const std::string odd_payload = "{\"text\":\"Als ik in jouw schoenen stond… \\\"dan\\\"\"}\n\t";
  auto appended =
      append_and_wait(*store, "s1", 0,
                      {event("started", "{}", 10), event("question_asked", odd_payload, 20),
                       event("question_answered", "", 30)});
  ASSERT_TRUE(appended) << appended.error().message;
  EXPECT_EQ(*appended, 3u);

  auto events = store->read("s1", 0);
  ASSERT_TRUE(events) << events.error().message;
  EXPECT_EQ(*events, (std::vector<StoredEvent>{{1, "started", "{}", 10},
                                               {2, "question_asked", odd_payload, 20},
                                               {3, "question_answered", "", 30}}));
}

TEST_F(EventStoreTest, SeqCountsFromOneWithoutGapsAcrossAppends) {
  std::uint64_t last = 0;
  for (std::size_t size : {1u, 4u, 2u, 7u}) {
    std::vector<NewEvent> events(size, event("turn_passed", "{}"));
    auto appended = append_and_wait(*store, "s1", last, std::move(events));
    ASSERT_TRUE(appended) << appended.error().message;
    EXPECT_EQ(*appended, last + size);
    last = *appended;
  }
  auto all = store->read("s1", 0);
  ASSERT_TRUE(all);
  ASSERT_EQ(all->size(), 14u);
  for (std::size_t i = 0; i < all->size(); ++i)
    EXPECT_EQ((*all)[i].seq, i + 1);

  auto tail = store->read("s1", 10);
  ASSERT_TRUE(tail);
  ASSERT_EQ(tail->size(), 4u);
  EXPECT_EQ(tail->front().seq, 11u);
  EXPECT_EQ(store->find_session("s1")->last_seq, 14u);
}

TEST_F(EventStoreTest, StaleExpectedSeqConflictsAndWritesNothing) {
  ASSERT_TRUE(append_and_wait(*store, "s1", 0, {event("a", "1"), event("b", "2")}));

  auto stale = append_and_wait(*store, "s1", 1, {event("c", "3"), event("d", "4")});
  ASSERT_FALSE(stale);
  EXPECT_EQ(stale.error().code, StoreErrorCode::conflict);
  EXPECT_EQ(stale.error().message, "session \"s1\" is at seq 2, not 1");
  auto ahead = append_and_wait(*store, "s1", 5, {event("c", "3")});
  ASSERT_FALSE(ahead);
  EXPECT_EQ(ahead.error().code, StoreErrorCode::conflict);

  EXPECT_EQ(store->read("s1", 0)->size(), 2u);
  EXPECT_EQ(store->find_session("s1")->last_seq, 2u);
  EXPECT_EQ(store->stats().conflicts, 2u);
}

TEST_F(EventStoreTest, EmptyAppendOnlyChecksTheSeq) {
  ASSERT_TRUE(append_and_wait(*store, "s1", 0, {event("a", "1")}));
  EXPECT_EQ(append_and_wait(*store, "s1", 1, {}), AppendResult{1u});
  EXPECT_EQ(append_and_wait(*store, "s1", 0, {}).error().code, StoreErrorCode::conflict);
}

TEST_F(EventStoreTest, UnknownSessionIsNotFoundEverywhere) {
  EXPECT_EQ(append_and_wait(*store, "nope", 0, {event("a", "1")}).error().code,
            StoreErrorCode::not_found);
  EXPECT_EQ(store->read("nope", 0).error().code, StoreErrorCode::not_found);
  EXPECT_EQ(store->find_session("nope").error().code, StoreErrorCode::not_found);
  EXPECT_EQ(store->read_secrets("nope").error().code, StoreErrorCode::not_found);
  EXPECT_EQ(store->put_secret("nope", {"facilitator", "h"}).error().code,
            StoreErrorCode::not_found);
}

TEST_F(EventStoreTest, ReadingPastTheEndGivesNothing) {
  ASSERT_TRUE(append_and_wait(*store, "s1", 0, {event("a", "1")}));
  EXPECT_TRUE(store->read("s1", 1)->empty());
  EXPECT_TRUE(store->read("s1", 1'000)->empty());
  EXPECT_TRUE(store->read("s1", ~std::uint64_t{0})->empty());
}

TEST_F(EventStoreTest, ASessionIdIsTakenOnce) {
  auto again = store->create_session(session("s1"));
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().code, StoreErrorCode::conflict);
}

TEST_F(EventStoreTest, NewSessionStartsAtSeqZero) {
  auto found = store->find_session("s1");
  ASSERT_TRUE(found);
  EXPECT_EQ(*found, (SessionRecord{"s1", "incident", "Dinsdagochtend", false, 0, 1'000}));
  EXPECT_TRUE(store->read("s1", 0)->empty());
}

TEST_F(EventStoreTest, SecretsAreKeptByNameAndCanBeReplaced) {
  NewSession with_secrets = session("s2");
  with_secrets.secrets = {{"join", "hash-j"}, {"facilitator", "hash-f"}};
  ASSERT_TRUE(store->create_session(with_secrets));
  ASSERT_TRUE(store->put_secret("s2", {"participant:7", "hash-7"}));
  ASSERT_TRUE(store->put_secret("s2", {"join", "hash-j2"}));

  auto secrets = store->read_secrets("s2");
  ASSERT_TRUE(secrets);
  EXPECT_EQ(*secrets,
            (std::vector<Secret>{
                {"facilitator", "hash-f"}, {"join", "hash-j2"}, {"participant:7", "hash-7"}}));
  EXPECT_TRUE(store->read_secrets("s1")->empty());
}

TEST_F(EventStoreTest, FinishedSessionsAreLeftOutOfTheUnfinishedList) {
  ASSERT_TRUE(store->create_session(session("s2", 2'000)));
  ASSERT_TRUE(store->create_session(session("s3", 3'000)));
  ASSERT_TRUE(append_and_wait(*store, "s2", 0, {event("started", "{}")}));
  NewEvent closing = event("session_closed", "{}");
  closing.finishes_session = true;
  ASSERT_TRUE(append_and_wait(*store, "s2", 1, {event("step_ended", "{}"), closing}));

  auto unfinished = store->list_sessions(true);
  ASSERT_TRUE(unfinished) << unfinished.error().message;
  ASSERT_EQ(unfinished->size(), 2u);
  EXPECT_EQ((*unfinished)[0].session_id, "s1");
  EXPECT_EQ((*unfinished)[1].session_id, "s3");

  auto all = store->list_sessions(false);
  ASSERT_TRUE(all);
  ASSERT_EQ(all->size(), 3u);
  EXPECT_EQ((*all)[1], (SessionRecord{"s2", "incident", "Dinsdagochtend", true, 3, 2'000}));
}

TEST_F(EventStoreTest, AcknowledgedEventsAreThereAfterReopening) {
  NewSession with_secret = session("s2");
  with_secret.secrets = {{"facilitator", "hash-f"}};
  ASSERT_TRUE(store->create_session(with_secret));
  ASSERT_TRUE(append_and_wait(*store, "s1", 0, {event("a", "1"), event("b", "2")}));
  ASSERT_TRUE(append_and_wait(*store, "s2", 0, {event("c", "3")}));
  store.reset();

  store = open_store(dir.path());
  ASSERT_NE(store, nullptr);
  EXPECT_EQ(*store->read("s1", 0),
            (std::vector<StoredEvent>{{1, "a", "1", 1'000}, {2, "b", "2", 1'000}}));
  EXPECT_EQ(store->read("s2", 0)->size(), 1u);
  EXPECT_EQ(*store->read_secrets("s2"), (std::vector<Secret>{{"facilitator", "hash-f"}}));
  EXPECT_EQ(append_and_wait(*store, "s1", 2, {event("d", "4")}), AppendResult{3u});
}

TEST_F(EventStoreTest, CloseMakesPendingAppendsDurableFirst) {
  constexpr std::uint64_t count = 300;
  std::vector<AppendResult> results(count, std::unexpected(StoreError{}));
  // Pipelined: each append expects the seq the one before it reaches.
  for (std::uint64_t i = 0; i < count; ++i)
    store->append("s1", i, {event("a", std::to_string(i + 1))},
                  [&results, i](AppendResult r) { results[i] = std::move(r); });
  store->close();
  for (std::uint64_t i = 0; i < count; ++i)
    ASSERT_EQ(results[i], AppendResult{i + 1}) << "append " << i;

  store.reset();
  store = open_store(dir.path());
  auto events = store->read("s1", 0);
  ASSERT_EQ(events->size(), count);
  EXPECT_EQ(events->back().payload, std::to_string(count));
}

TEST_F(EventStoreTest, AClosedStoreRefusesEverything) {
  store->close();
  store->close(); // twice is fine
  EXPECT_EQ(append_and_wait(*store, "s1", 0, {event("a", "1")}).error().code,
            StoreErrorCode::closed);
  EXPECT_EQ(store->create_session(session("s9")).error().code, StoreErrorCode::closed);
  EXPECT_EQ(store->read("s1", 0).error().code, StoreErrorCode::closed);
  EXPECT_EQ(store->list_sessions(false).error().code, StoreErrorCode::closed);
}

TEST_F(EventStoreTest, OpeningCreatesTheDirectoryAndTheDatabase) {
  const auto nested = dir.path() / "data" / "nested";
  auto other = open_store(nested);
  ASSERT_NE(other, nullptr);
  EXPECT_TRUE(std::filesystem::exists(nested / sqlite_file_name));
}

} // namespace
} // namespace intervisie::store
