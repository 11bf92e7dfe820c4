// SPDX-License-Identifier: EUPL-1.2
// Content at rest: what the stores write is sealed, a data key destroyed makes it unreadable,
// and the master key is found wrong or missing at start, never guessed at; for SQLite and
// PostgreSQL alike.
#include "store/postgresql/connection.hpp"
#include "store/sealed/key_ring.hpp"
#include "store/sealed/master_key_file.hpp"
#include "store/sealed/open_key_ring.hpp"
#include "store/sealed/rotate_master_key.hpp"
#include "store/sealed/sealed_event_store.hpp"
#include "store/sealed/sealed_group_store.hpp"
#include "store/sealed/sealed_text.hpp"

#include "support/store_place.hpp"

#include <gtest/gtest.h>

#include <sys/stat.h>

#include <fstream>
#include <future>
#include <iterator>
#include <optional>

namespace intervisie::store::sealed {
namespace {

using store::testing::Backend;
using store::testing::GroupStores;
using store::testing::StorePlace;
using store::testing::TempDir;

constexpr std::string_view canary = "KANARIE-7f3a-zorgdossier";

std::string bytes_of_every_file(const std::filesystem::path& dir) {
  std::string all;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(dir)) {
    if (!entry.is_regular_file())
      continue;
    std::ifstream in{entry.path(), std::ios::binary};
    all.append(std::istreambuf_iterator<char>{in}, {});
  }
  return all;
}

AppendResult append_and_wait(EventStore& store, const std::string& session_id,
                             std::uint64_t expected_last_seq, std::vector<NewEvent> events) {
  std::promise<AppendResult> acked;
  auto result = acked.get_future();
  store.append(session_id, expected_last_seq, std::move(events),
               [&acked](AppendResult r) { acked.set_value(std::move(r)); });
  return result.get();
}

// The stores of one place, sealed as the server opens them.
struct SealedStores {
  explicit SealedStores(const StorePlace& place) {
    auto opened = place.open_event_store();
    EXPECT_TRUE(opened) << opened.error().message;
    auto groups = place.open_group_stores();
    EXPECT_TRUE(groups) << groups.error().message;
    group_store.emplace(std::move(*groups));
    auto opened_ring = open_key_ring(group_store->keys(), place.dir() / master_key_file_name);
    EXPECT_TRUE(opened_ring) << opened_ring.error();
    ring = std::move(*opened_ring);
    events = seal_event_store(std::move(*opened), *ring);
    group_events = seal_group_store(group_store->groups(), *ring);
  }
  ~SealedStores() { events->close(); }

  std::optional<GroupStores> group_store;
  std::unique_ptr<KeyRing> ring;
  std::unique_ptr<EventStore> events;
  std::unique_ptr<GroupStore> group_events;
};

// Every row of every table of a PostgreSQL database, as text.
std::string rows_of_every_table(const std::string& url) {
  auto db = postgresql::Connection::open(url, "test reading everything");
  EXPECT_TRUE(db) << db.error().message;
  if (!db)
    return {};
  auto tables = db->exec("SELECT table_name FROM information_schema.tables"
                         " WHERE table_schema = 'public'",
                         "listing tables");
  EXPECT_TRUE(tables) << tables.error().message;
  std::string all;
  for (int row = 0; tables && row < tables->rows(); ++row) {
    auto rows = db->exec("SELECT t::text FROM " + tables->text(row, 0) + " t", "reading a table");
    EXPECT_TRUE(rows) << rows.error().message;
    for (int i = 0; rows && i < rows->rows(); ++i)
      all += rows->text(i, 0) + "\n";
  }
  return all;
}

// What a place keeps, as far as it can be read: every file of its directory (SQLite's files,
// their logs included), and for PostgreSQL every row of its database as well.
std::string everything_stored(const StorePlace& place) {
  std::string all = bytes_of_every_file(place.dir());
  if (place.backend() == Backend::postgresql)
    all += rows_of_every_table(place.url());
  return all;
}

class SealedStoreTest : public ::testing::TestWithParam<Backend> {
protected:
  StorePlace place{GetParam()};
};

NewSession session(std::string id) {
  return NewSession{.session_id = std::move(id),
                    .method_id = "incident",
                    .title = "Casus van " + std::string{canary},
                    .created_at_ms = 1'000};
}

NewEvent event(std::string kind, std::string_view text) {
  return NewEvent{.kind = std::move(kind),
                  .payload = "{\"text\":\"" + std::string{text} + "\"}",
                  .at_ms = 2'000};
}

TEST(SealedText, OpensOnlyWithItsKeyAndWhatItIsBoundTo) {
  const SecretKey key = SecretKey::random();
  const std::string sealed = seal(key, "Ik zeg te vaak ja.", "session s1 event 3");
  EXPECT_TRUE(is_sealed(sealed));
  EXPECT_EQ(sealed.find("vaak"), std::string::npos);
  EXPECT_EQ(open(key, sealed, "session s1 event 3"), "Ik zeg te vaak ja.");
  EXPECT_EQ(open(key, sealed, "session s1 event 4"), std::unexpected(OpenError::forged))
      << "moved to another event, it does not open";
  EXPECT_EQ(open(SecretKey::random(), sealed, "session s1 event 3"),
            std::unexpected(OpenError::forged));
  std::string changed = sealed;
  changed[10] = changed[10] == 'A' ? 'B' : 'A';
  EXPECT_EQ(open(key, changed, "session s1 event 3"), std::unexpected(OpenError::forged));
  EXPECT_EQ(open(key, "{\"text\":\"plain\"}", ""), std::unexpected(OpenError::not_sealed));
  EXPECT_NE(seal(key, "zelfde", ""), seal(key, "zelfde", "")) << "a fresh nonce every time";
}

TEST_P(SealedStoreTest, NoCaseTextOrGroupTextIsStoredInClear) {
  {
    SealedStores stores{place};
    NewSession created = session("s1");
    created.events = {event("session_created", canary)};
    ASSERT_TRUE(stores.events->create_session(created));
    ASSERT_TRUE(append_and_wait(*stores.events, "s1", 1,
                                {event("statement_set", canary), event("question_asked", canary)}));
    ASSERT_TRUE(stores.group_events->append_group_events(
        "g1", 0, {event("cancelled", canary), event("follow_up_recorded", canary)}));
    EXPECT_EQ(stores.events->read("s1", 0)->front().payload,
              "{\"text\":\"" + std::string{canary} + "\"}");
    EXPECT_EQ(stores.events->find_session("s1")->title, "Casus van " + std::string{canary});
    EXPECT_EQ(stores.group_events->all_groups()->front().events.back().payload,
              "{\"text\":\"" + std::string{canary} + "\"}");
    // While open too: SQLite's log files (-wal) are part of what is searched below.
    EXPECT_EQ(everything_stored(place).find(canary), std::string::npos);
  }
  EXPECT_EQ(everything_stored(place).find(canary), std::string::npos);
}

TEST_P(SealedStoreTest, TheMasterKeyFileIsMadeAtTheFirstStartForItsOwnerOnly) {
  { SealedStores stores{place}; }
  struct stat about {};
  ASSERT_EQ(::stat((place.dir() / "master.key").c_str(), &about), 0);
  EXPECT_EQ(about.st_mode & 0777, 0600u);
  auto key = read_master_key(place.dir() / "master.key");
  ASSERT_TRUE(key) << key.error();
}

TEST_P(SealedStoreTest, AWrongMasterKeyStopsTheStartAndNamesBothKeys) {
  std::string right_id;
  {
    SealedStores stores{place};
    ASSERT_TRUE(stores.events->create_session(session("s1")));
    right_id = stores.ring->master().id();
  }
  const SecretKey wrong = SecretKey::random();
  ASSERT_TRUE(write_master_key(place.dir() / "master.key", wrong));
  auto groups = place.open_group_stores();
  ASSERT_TRUE(groups);
  auto ring = open_key_ring(groups->keys(), place.dir() / "master.key");
  ASSERT_FALSE(ring);
  EXPECT_NE(ring.error().find(wrong.id()), std::string::npos) << ring.error();
  EXPECT_NE(ring.error().find(right_id), std::string::npos) << ring.error();
}

TEST_P(SealedStoreTest, AMissingMasterKeyStopsTheStartInsteadOfMakingANewOne) {
  {
    SealedStores stores{place};
    ASSERT_TRUE(stores.events->create_session(session("s1")));
  }
  std::filesystem::remove(place.dir() / "master.key");
  auto groups = place.open_group_stores();
  ASSERT_TRUE(groups);
  auto ring = open_key_ring(groups->keys(), place.dir() / "master.key");
  ASSERT_FALSE(ring);
  EXPECT_NE(ring.error().find("is missing"), std::string::npos) << ring.error();
  EXPECT_FALSE(std::filesystem::exists(place.dir() / "master.key"));
}

TEST_P(SealedStoreTest, AMasterKeyOthersCanReadIsRefused) {
  { SealedStores stores{place}; }
  std::filesystem::permissions(place.dir() / "master.key", std::filesystem::perms::others_read,
                               std::filesystem::perm_options::add);
  auto key = read_master_key(place.dir() / "master.key");
  ASSERT_FALSE(key);
  EXPECT_NE(key.error().find("chmod 600"), std::string::npos) << key.error();
}

TEST_P(SealedStoreTest, RotatingTheMasterKeyKeepsEveryTextReadableAndRetiresTheOldKey) {
  std::string old_id;
  {
    SealedStores stores{place};
    ASSERT_TRUE(stores.events->create_session(session("s1")));
    ASSERT_TRUE(append_and_wait(*stores.events, "s1", 0, {event("statement_set", "nee")}));
    ASSERT_TRUE(stores.group_events->append_group_events("g1", 0, {event("cancelled", "ziek")}));
    old_id = stores.ring->master().id();
  }
  const auto old_key = read_master_key(place.dir() / "master.key");
  {
    auto groups = place.open_group_stores();
    ASSERT_TRUE(groups);
    auto rotation = rotate_master_key(groups->keys(), place.dir() / "master.key");
    ASSERT_TRUE(rotation) << rotation.error();
    EXPECT_EQ(rotation->old_id, old_id);
    EXPECT_NE(rotation->new_id, old_id);
    EXPECT_EQ(rotation->keys, 2u);
    EXPECT_FALSE(std::filesystem::exists(pending_master_key_file(place.dir() / "master.key")));
  }
  {
    SealedStores stores{place};
    EXPECT_NE(stores.ring->master().id(), old_id);
    EXPECT_EQ(stores.events->read("s1", 0)->front().payload, "{\"text\":\"nee\"}");
    EXPECT_EQ(stores.group_events->all_groups()->front().events.front().payload,
              "{\"text\":\"ziek\"}");
  }
  ASSERT_TRUE(write_master_key(place.dir() / "master.key", *old_key));
  auto groups = place.open_group_stores();
  ASSERT_TRUE(groups);
  EXPECT_FALSE(open_key_ring(groups->keys(), place.dir() / "master.key"))
      << "the old key opens nothing";
}

TEST_P(SealedStoreTest, ARotationCutOffBeforeTheNewKeyFileIsInPlaceIsFinishedAtTheNextStart) {
  {
    SealedStores stores{place};
    ASSERT_TRUE(stores.events->create_session(session("s1")));
  }
  const auto key_file = place.dir() / "master.key";
  auto groups = place.open_group_stores();
  ASSERT_TRUE(groups);
  const SecretKey current = *read_master_key(key_file);
  const SecretKey next = SecretKey::random();
  // What rotate_master_key does, up to the moment of the crash: new key file, new wrappings.
  ASSERT_TRUE(write_master_key(pending_master_key_file(key_file), next));
  ASSERT_TRUE(rewrap_all(groups->keys(), current, next));

  auto ring = open_key_ring(groups->keys(), key_file);
  ASSERT_TRUE(ring) << ring.error();
  EXPECT_EQ((*ring)->master().id(), next.id());
  EXPECT_EQ(read_master_key(key_file)->id(), next.id());
}

TEST_P(SealedStoreTest, ErasingASessionDestroysItsKeyAndNoCopyOfItIsLeftToRead) {
  const auto key = [&] {
    SealedStores stores{place};
    EXPECT_TRUE(stores.events->create_session(session("s1")));
    EXPECT_TRUE(append_and_wait(*stores.events, "s1", 0, {event("statement_set", canary)}));
    return read_master_key(place.dir() / "master.key");
  }();
  ASSERT_TRUE(key);
  std::string wrapped_before;
  {
    SealedStores stores{place};
    wrapped_before = *stores.group_store->keys().wrapped_key(session_owner("s1")).value();
    ASSERT_TRUE(stores.events->erase_session("s1", 9'000));
    EXPECT_EQ(stores.group_store->keys().wrapped_key(session_owner("s1")).value(), std::nullopt);
    EXPECT_EQ(stores.events->find_session("s1")->title, "");
  }
  // SQLite: not even in a free page or the log. PostgreSQL: in no row of the live database.
  EXPECT_EQ(everything_stored(place).find(wrapped_before.substr(20, 40)), std::string::npos);
  auto live_groups = place.open_group_stores();
  ASSERT_TRUE(live_groups);
  KeyRing live_ring{live_groups->keys(), *key};
  EXPECT_EQ(live_ring.find(session_owner("s1")).error().code, StoreErrorCode::not_found);
}

TEST_P(SealedStoreTest, EventsWrittenBeforeSealingStillReadAndTheNextOnesAreSealed) {
  {
    auto plain = place.open_event_store();
    ASSERT_TRUE(plain);
    NewSession old = session("old");
    old.title = "Van vroeger";
    ASSERT_TRUE((*plain)->create_session(old));
    ASSERT_TRUE(append_and_wait(**plain, "old", 0, {event("statement_set", "van vroeger")}));
  }
  SealedStores stores{place};
  EXPECT_EQ(stores.events->read("old", 0)->front().payload, "{\"text\":\"van vroeger\"}");
  ASSERT_TRUE(append_and_wait(*stores.events, "old", 1, {event("question_asked", canary)}));
  EXPECT_EQ(stores.events->read("old", 1)->front().payload,
            "{\"text\":\"" + std::string{canary} + "\"}");
  EXPECT_EQ(everything_stored(place).find(canary), std::string::npos);
}

INSTANTIATE_TEST_SUITE_P(Stores, SealedStoreTest,
                         ::testing::Values(Backend::sqlite, Backend::postgresql),
                         [](const auto& backend) {
                           return std::string{testing::name_of(backend.param)};
                         });

// A backup made before the erasure still holds the session's sealed rows, but restored over
// the live key ring they are gone with the key; with its own key ring they still open — why
// backups must not outlive the retention period (docs/privacy.md). SQLite's files only: what
// PostgreSQL keeps beyond its live rows is its operator's (postgresql_group_store.cpp).
TEST(SealedSqliteStore, ErasingASessionDestroysItsKeySoOldCopiesOfTheFilesCannotBeRead) {
  StorePlace place{Backend::sqlite};
  TempDir copy;
  {
    SealedStores stores{place};
    ASSERT_TRUE(stores.events->create_session(session("s1")));
    ASSERT_TRUE(append_and_wait(*stores.events, "s1", 0, {event("statement_set", canary)}));
  }
  for (const auto& entry : std::filesystem::directory_iterator(place.dir()))
    if (entry.path().filename() != ".lock")
      std::filesystem::copy(entry.path(), copy.path() / entry.path().filename());
  const auto key = read_master_key(place.dir() / "master.key");
  std::string wrapped_before;
  {
    SealedStores stores{place};
    wrapped_before = *stores.group_store->keys().wrapped_key(session_owner("s1")).value();
    ASSERT_TRUE(stores.events->erase_session("s1", 9'000));
  }
  EXPECT_EQ(bytes_of_every_file(place.dir()).find(wrapped_before.substr(20, 40)),
            std::string::npos);
  EXPECT_NE(bytes_of_every_file(copy.path()).find(wrapped_before.substr(20, 40)), std::string::npos)
      << "the copy from before still has it";
  auto live_groups = place.open_group_stores();
  ASSERT_TRUE(live_groups);
  KeyRing live_ring{live_groups->keys(), *key};
  EXPECT_EQ(live_ring.find(session_owner("s1")).error().code, StoreErrorCode::not_found);
}

} // namespace
} // namespace intervisie::store::sealed
