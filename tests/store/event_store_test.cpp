// SPDX-License-Identifier: EUPL-1.2
// The event store's contract, as every adapter must keep it; run here against SQLite and
// PostgreSQL, each plain and with its content sealed (store/sealed/), which must keep the same
// contract.
#include "store/sealed/open_key_ring.hpp"
#include "store/sealed/sealed_event_store.hpp"

#include "support/store_place.hpp"

#include <gtest/gtest.h>

#include <cstdlib>
#include <deque>
#include <filesystem>
#include <future>
#include <string>
#include <tuple>
#include <vector>

namespace intervisie::store {
namespace {

using testing::Backend;
using testing::GroupStores;
using testing::StorePlace;

AppendResult append_and_wait(EventStore& store, const std::string& session_id,
                             std::uint64_t expected_last_seq, std::vector<NewEvent> events,
                             std::vector<Secret> secrets = {}) {
  std::promise<AppendResult> acked;
  auto result = acked.get_future();
  store.append(session_id, expected_last_seq, std::move(events), std::move(secrets),
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

enum class Content { plain, sealed };

// A fresh place per test (a directory, and a database for PostgreSQL): tests share nothing.
class EventStoreTest : public ::testing::TestWithParam<std::tuple<Backend, Content>> {
protected:
  void SetUp() override {
    store = open_store();
    ASSERT_NE(store, nullptr);
    ASSERT_TRUE(store->create_session(session("s1")));
  }

  std::unique_ptr<EventStore> open_store() {
    auto opened = place.open_event_store();
    EXPECT_TRUE(opened.has_value()) << opened.error().message;
    if (!opened || std::get<Content>(GetParam()) == Content::plain)
      return opened ? std::move(*opened) : nullptr;
    auto keys = place.open_group_stores();
    EXPECT_TRUE(keys.has_value()) << keys.error().message;
    if (!keys)
      return nullptr;
    auto ring = sealed::open_key_ring(keys->keys(), place.dir() / "master.key");
    EXPECT_TRUE(ring.has_value()) << ring.error();
    if (!ring)
      return nullptr;
    SealedKeys& kept = sealed_keys.emplace_back(std::move(*keys), std::move(*ring));
    return sealed::seal_event_store(std::move(*opened), *kept.ring);
  }

  struct SealedKeys {
    GroupStores stores;
    std::unique_ptr<sealed::KeyRing> ring;
  };

  StorePlace place{std::get<Backend>(GetParam())};
  std::deque<SealedKeys> sealed_keys; // outlive the stores that use them
  std::unique_ptr<EventStore> store;
};

TEST_P(EventStoreTest, AppendedEventsReadBackAsWritten) {
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

TEST_P(EventStoreTest, SeqCountsFromOneWithoutGapsAcrossAppends) {
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

TEST_P(EventStoreTest, StaleExpectedSeqConflictsAndWritesNothing) {
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

TEST_P(EventStoreTest, EmptyAppendOnlyChecksTheSeq) {
  ASSERT_TRUE(append_and_wait(*store, "s1", 0, {event("a", "1")}));
  EXPECT_EQ(append_and_wait(*store, "s1", 1, {}), AppendResult{1u});
  EXPECT_EQ(append_and_wait(*store, "s1", 0, {}).error().code, StoreErrorCode::conflict);
}

TEST_P(EventStoreTest, UnknownSessionIsNotFoundEverywhere) {
  EXPECT_EQ(append_and_wait(*store, "nope", 0, {event("a", "1")}).error().code,
            StoreErrorCode::not_found);
  EXPECT_EQ(store->read("nope", 0).error().code, StoreErrorCode::not_found);
  EXPECT_EQ(store->find_session("nope").error().code, StoreErrorCode::not_found);
  EXPECT_EQ(store->read_secrets("nope").error().code, StoreErrorCode::not_found);
  EXPECT_EQ(store->put_secret("nope", {"facilitator", "h"}).error().code,
            StoreErrorCode::not_found);
}

TEST_P(EventStoreTest, ReadingPastTheEndGivesNothing) {
  ASSERT_TRUE(append_and_wait(*store, "s1", 0, {event("a", "1")}));
  EXPECT_TRUE(store->read("s1", 1)->empty());
  EXPECT_TRUE(store->read("s1", 1'000)->empty());
  EXPECT_TRUE(store->read("s1", ~std::uint64_t{0})->empty());
}

TEST_P(EventStoreTest, ASessionIdIsTakenOnce) {
  auto again = store->create_session(session("s1"));
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().code, StoreErrorCode::conflict);
}

TEST_P(EventStoreTest, NewSessionStartsAtSeqZero) {
  auto found = store->find_session("s1");
  ASSERT_TRUE(found);
  EXPECT_EQ(*found, (SessionRecord{"s1", "incident", "Dinsdagochtend", false, 0, 1'000}));
  EXPECT_TRUE(store->read("s1", 0)->empty());
}

TEST_P(EventStoreTest, ASessionIsCreatedWithItsFirstEventsInOneCommit) {
  NewSession created = session("s2");
  created.events = {event("session_created", "{\"title\":\"Dinsdagochtend\"}", 10),
                    event("participant_joined", "{\"name\":\"Fenna\"}", 10)};
  ASSERT_TRUE(store->create_session(created));
  EXPECT_EQ(store->find_session("s2")->last_seq, 2u);
  EXPECT_EQ(*store->read("s2", 0),
            (std::vector<StoredEvent>{{1, "session_created", "{\"title\":\"Dinsdagochtend\"}", 10},
                                      {2, "participant_joined", "{\"name\":\"Fenna\"}", 10}}));
  auto next = append_and_wait(*store, "s2", 2, {event("session_started", "{}", 20)});
  ASSERT_TRUE(next) << next.error().message;
  EXPECT_EQ(*next, 3u);
}

TEST_P(EventStoreTest, ARefusedCreationWritesNoneOfItsEvents) {
  NewSession again = session("s1");
  again.events = {event("session_created", "{}")};
  ASSERT_FALSE(store->create_session(again));
  EXPECT_EQ(store->find_session("s1")->last_seq, 0u);
  EXPECT_TRUE(store->read("s1", 0)->empty());
}

TEST_P(EventStoreTest, SecretsAreKeptByNameAndCanBeReplaced) {
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

// A newcomer's token hash goes with their join event: both are durable, or neither is.
TEST_P(EventStoreTest, SecretsAppendedWithEventsAreWrittenWithThemOrNotAtAll) {
  ASSERT_TRUE(append_and_wait(*store, "s1", 0, {event("joined", "{}")},
                              {{"participant:2", "hash-2"}, {"moved:1", "a"}, {"moved:1", "b"}}));
  EXPECT_EQ(*store->read_secrets("s1"),
            (std::vector<Secret>{{"moved:1", "b"}, {"participant:2", "hash-2"}}))
      << "a name given twice keeps its last value";

  auto stale = append_and_wait(*store, "s1", 0, {event("joined", "{}")}, {{"participant:3", "h"}});
  ASSERT_FALSE(stale);
  EXPECT_EQ(stale.error().code, StoreErrorCode::conflict);
  auto unknown = append_and_wait(*store, "nope", 0, {event("joined", "{}")}, {{"x", "y"}});
  EXPECT_EQ(unknown.error().code, StoreErrorCode::not_found);
  EXPECT_EQ(store->read_secrets("s1")->size(), 2u) << "the refused append wrote no secret";
  EXPECT_EQ(store->find_session("s1")->last_seq, 1u);
}

TEST_P(EventStoreTest, FinishedSessionsAreLeftOutOfTheUnfinishedList) {
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
  EXPECT_EQ((*all)[1],
            (SessionRecord{"s2", "incident", "Dinsdagochtend", true, 3, 2'000, 1'000, {}}));
}

TEST_P(EventStoreTest, AcknowledgedEventsAreThereAfterReopening) {
  NewSession with_secret = session("s2");
  with_secret.secrets = {{"facilitator", "hash-f"}};
  ASSERT_TRUE(store->create_session(with_secret));
  ASSERT_TRUE(append_and_wait(*store, "s1", 0, {event("a", "1"), event("b", "2")}));
  ASSERT_TRUE(append_and_wait(*store, "s2", 0, {event("c", "3")}));
  store.reset();

  store = open_store();
  ASSERT_NE(store, nullptr);
  EXPECT_EQ(*store->read("s1", 0),
            (std::vector<StoredEvent>{{1, "a", "1", 1'000}, {2, "b", "2", 1'000}}));
  EXPECT_EQ(store->read("s2", 0)->size(), 1u);
  EXPECT_EQ(*store->read_secrets("s2"), (std::vector<Secret>{{"facilitator", "hash-f"}}));
  EXPECT_EQ(append_and_wait(*store, "s1", 2, {event("d", "4")}), AppendResult{3u});
}

TEST_P(EventStoreTest, CloseMakesPendingAppendsDurableFirst) {
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
  store = open_store();
  auto events = store->read("s1", 0);
  ASSERT_EQ(events->size(), count);
  EXPECT_EQ(events->back().payload, std::to_string(count));
}

TEST_P(EventStoreTest, AClosedStoreRefusesEverything) {
  store->close();
  store->close(); // twice is fine
  EXPECT_EQ(append_and_wait(*store, "s1", 0, {event("a", "1")}).error().code,
            StoreErrorCode::closed);
  EXPECT_EQ(store->create_session(session("s9")).error().code, StoreErrorCode::closed);
  EXPECT_EQ(store->read("s1", 0).error().code, StoreErrorCode::closed);
  EXPECT_EQ(store->list_sessions(false).error().code, StoreErrorCode::closed);
}

TEST_P(EventStoreTest, AFinishedSessionKnowsWhenItFinished) {
  NewEvent closing = event("session_closed", "{}", 7'000);
  closing.finishes_session = true;
  ASSERT_TRUE(append_and_wait(*store, "s1", 0, {event("started", "{}", 5'000), closing}));
  ASSERT_TRUE(append_and_wait(*store, "s1", 2, {event("noted", "{}", 9'000)}));
  EXPECT_EQ(store->find_session("s1")->finished_at_ms, 7'000);
  EXPECT_EQ(store->find_session("s1")->erased_at_ms, std::nullopt);
}

TEST_P(EventStoreTest, AnErasedSessionKeepsItsFactsButNotItsContent) {
  ASSERT_TRUE(store->put_secret("s1", {"facilitator", "hash-f"}));
  ASSERT_TRUE(append_and_wait(*store, "s1", 0, {event("a", "{\"text\":\"geheim\"}", 2'000)}));
  ASSERT_TRUE(store->erase_session("s1", 50'000));

  auto record = store->find_session("s1");
  ASSERT_TRUE(record) << record.error().message;
  EXPECT_EQ(*record, (SessionRecord{"s1", "incident", "", true, 1, 1'000, {}, 50'000}));
  EXPECT_TRUE(store->read("s1", 0)->empty());
  EXPECT_TRUE(store->read_secrets("s1")->empty());
  EXPECT_TRUE(store->list_sessions(true)->empty()) << "nothing to restore";
  EXPECT_EQ(append_and_wait(*store, "s1", 1, {event("b", "{}")}).error().code,
            StoreErrorCode::not_found);
  EXPECT_EQ(store->put_secret("s1", {"x", "y"}).error().code, StoreErrorCode::not_found);
  EXPECT_EQ(store->create_session(session("s1")).error().code, StoreErrorCode::conflict)
      << "an erased session's id is never given out again";
  EXPECT_EQ(store->erase_session("nope", 1).error().code, StoreErrorCode::not_found);
}

TEST_P(EventStoreTest, ARewriteReplacesEveryPayloadSeqForSeqOrNothing) {
  ASSERT_TRUE(append_and_wait(*store, "s1", 0,
                              {event("joined", "{\"name\":\"Anna\"}", 2'000),
                               event("asked", "{\"text\":\"Van Anna\"}", 3'000)}));
  EXPECT_EQ(store->rewrite_session("s1", {event("joined", "{}")}).error().code,
            StoreErrorCode::conflict)
      << "one event short: appended meanwhile";
  EXPECT_EQ(
      store->rewrite_session("s1", {event("joined", "{}"), event("other", "{}")}).error().code,
      StoreErrorCode::conflict)
      << "a kind that is not the stored one";
  EXPECT_EQ(*store->read("s1", 0),
            (std::vector<StoredEvent>{{1, "joined", "{\"name\":\"Anna\"}", 2'000},
                                      {2, "asked", "{\"text\":\"Van Anna\"}", 3'000}}))
      << "a refused rewrite changes nothing";

  ASSERT_TRUE(store->rewrite_session(
      "s1", {event("joined", "{\"name\":\"oud-lid\"}"), event("asked", "{\"text\":\"\"}")}));
  EXPECT_EQ(*store->read("s1", 0),
            (std::vector<StoredEvent>{{1, "joined", "{\"name\":\"oud-lid\"}", 2'000},
                                      {2, "asked", "{\"text\":\"\"}", 3'000}}))
      << "times and kinds stay";
  EXPECT_EQ(append_and_wait(*store, "s1", 2, {event("c", "{}")}), AppendResult{3u});
  ASSERT_TRUE(store->erase_session("s1", 9'000));
  EXPECT_EQ(store->rewrite_session("s1", {}).error().code, StoreErrorCode::not_found);
}

TEST_P(EventStoreTest, AJoinCodeLeadsToItsSessionUntilTheSessionFinishes) {
  NewSession coded = session("s2");
  coded.join_code = "123456";
  ASSERT_TRUE(store->create_session(coded));
  EXPECT_EQ(store->session_of_join_code("123456").value(), "s2");
  EXPECT_EQ(store->session_of_join_code("654321").value(), std::nullopt);

  NewEvent finish = event("session_finished", "{}", 2'000);
  finish.finishes_session = true;
  ASSERT_TRUE(append_and_wait(*store, "s2", 0, {event("started", "{}"), finish}));
  EXPECT_EQ(store->session_of_join_code("123456").value(), std::nullopt);
}

TEST_P(EventStoreTest, AJoinCodeHeldByARunningSessionIsTakenForAnotherAndWritesNothing) {
  NewSession first = session("s2");
  first.join_code = "123456";
  ASSERT_TRUE(store->create_session(first));
  NewSession second = session("s3");
  second.join_code = "123456";
  const auto taken = store->create_session(second);
  ASSERT_FALSE(taken);
  EXPECT_EQ(taken.error().code, StoreErrorCode::conflict);
  EXPECT_EQ(store->find_session("s3").error().code, StoreErrorCode::not_found);
  second.join_code = "123457";
  EXPECT_TRUE(store->create_session(second));
}

TEST_P(EventStoreTest, AnErasedSessionGivesItsJoinCodeBack) {
  NewSession coded = session("s2");
  coded.join_code = "123456";
  ASSERT_TRUE(store->create_session(coded));
  ASSERT_TRUE(store->erase_session("s2", 5'000));
  EXPECT_EQ(store->session_of_join_code("123456").value(), std::nullopt);
  NewSession again = session("s3");
  again.join_code = "123456";
  EXPECT_TRUE(store->create_session(again));
}

TEST_P(EventStoreTest, OnlyASessionThatIsThereCanBeClaimed) {
  EXPECT_TRUE(store->claim_session("s1"));
  EXPECT_EQ(store->claim_session("nobody").error().code, StoreErrorCode::not_found);
}

INSTANTIATE_TEST_SUITE_P(Stores, EventStoreTest,
                         ::testing::Combine(::testing::Values(Backend::sqlite, Backend::postgresql),
                                            ::testing::Values(Content::plain, Content::sealed)),
                         [](const auto& stores) {
                           return std::string{testing::name_of(std::get<Backend>(stores.param))} +
                                  (std::get<Content>(stores.param) == Content::plain ? "_plain"
                                                                                     : "_sealed");
                         });

} // namespace
} // namespace intervisie::store
