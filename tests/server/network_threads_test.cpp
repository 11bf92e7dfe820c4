// SPDX-License-Identifier: EUPL-1.2
// The network threads never wait for the store. Loading a session that is not in memory (a
// history read from a slow disk or a busy database) happens on the blocking threads: meanwhile
// the server answers everyone else at once, even with a single network thread.

#include "support/live_meeting.hpp"
#include "support/ws_client.hpp"

#include "server/server.hpp"
#include "store/method_directory.hpp"
#include "store/sealed/master_key_file.hpp"
#include "store/sealed/open_key_ring.hpp"
#include "store/sealed/sealed_event_store.hpp"
#include "store/sealed/sealed_group_store.hpp"
#include "store/stores.hpp"
#include "support/server_process.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <condition_variable>
#include <future>
#include <mutex>

namespace intervisie::server::testing {
namespace {

using namespace std::chrono_literals;

// An event store whose history reads wait at a gate while it is closed: a disk that is slow
// exactly when the test wants it to be. Everything else goes straight through.
class GatedStore final : public store::EventStore {
public:
  explicit GatedStore(std::unique_ptr<store::EventStore> inner) : inner_{std::move(inner)} {}

  void close_gate() {
    const std::scoped_lock lock(mutex_);
    open_ = false;
  }
  void open_gate() {
    {
      const std::scoped_lock lock(mutex_);
      open_ = true;
    }
    changed_.notify_all();
  }
  // Whether a read reached the closed gate within `limit`.
  bool someone_waits(std::chrono::milliseconds limit) {
    std::unique_lock lock(mutex_);
    return changed_.wait_for(lock, limit, [this] { return waiting_ > 0; });
  }

  std::expected<std::vector<store::StoredEvent>, store::StoreError>
  read(std::string_view session_id, std::uint64_t after_seq) override {
    {
      std::unique_lock lock(mutex_);
      ++waiting_;
      changed_.notify_all();
      changed_.wait(lock, [this] { return open_; });
      --waiting_;
    }
    return inner_->read(session_id, after_seq);
  }

  std::expected<void, store::StoreError> create_session(const store::NewSession& s) override {
    return inner_->create_session(s);
  }
  std::expected<void, store::StoreError> put_secret(std::string_view id,
                                                    const store::Secret& secret) override {
    return inner_->put_secret(id, secret);
  }
  using EventStore::append;
  void append(std::string id, std::uint64_t expected, std::vector<store::NewEvent> events,
              std::vector<store::Secret> secrets, store::AppendDone done) override {
    inner_->append(std::move(id), expected, std::move(events), std::move(secrets), std::move(done));
  }
  std::expected<store::SessionRecord, store::StoreError>
  find_session(std::string_view id) override {
    return inner_->find_session(id);
  }
  std::expected<std::vector<store::Secret>, store::StoreError>
  read_secrets(std::string_view id) override {
    return inner_->read_secrets(id);
  }
  std::expected<std::vector<store::SessionRecord>, store::StoreError>
  list_sessions(bool unfinished_only) override {
    return inner_->list_sessions(unfinished_only);
  }
  std::expected<void, store::StoreError> erase_session(std::string_view id,
                                                       std::int64_t at_ms) override {
    return inner_->erase_session(id, at_ms);
  }
  std::expected<void, store::StoreError>
  rewrite_session(std::string_view id, const std::vector<store::NewEvent>& events) override {
    return inner_->rewrite_session(id, events);
  }
  std::expected<std::uint64_t, store::StoreError> claim_session(std::string_view id) override {
    return inner_->claim_session(id);
  }
  void set_claim_listener(std::function<void(const std::string&)> listener) override {
    inner_->set_claim_listener(std::move(listener));
  }
  std::expected<std::optional<std::string>, store::StoreError>
  session_of_join_code(std::string_view code) override {
    return inner_->session_of_join_code(code);
  }
  store::StoreStats stats() const override { return inner_->stats(); }
  void close() override {
    open_gate(); // nothing may stay stuck at the gate when the server stops
    inner_->close();
  }

private:
  std::unique_ptr<store::EventStore> inner_;
  std::mutex mutex_;
  std::condition_variable changed_;
  bool open_ = true;
  int waiting_ = 0;
};

// Reads every word as "not a verb": the coach's dictionary plays no part here.
class NoDictionary final : public core::coach::VerbOracle {
public:
  core::coach::VerbReading read(std::string_view) const override { return {}; }
};

// A server on the store in `dir`, with one network thread; `gate` (set when not null) is the
// event store's gate, kept for the test.
std::unique_ptr<Server> start_on(const std::filesystem::path& dir, GatedStore** gate = nullptr) {
  auto stores = store::open_stores("", dir);
  if (!stores)
    throw std::runtime_error(stores.error().message);
  auto keys = store::sealed::open_key_ring(*stores->groups, store::sealed::master_key_path(dir, {}),
                                           store::sealed::NewMasterKey::when_empty);
  if (!keys)
    throw std::runtime_error(keys.error());
  std::shared_ptr<store::sealed::KeyRing> ring = std::move(*keys);
  auto gated = std::make_unique<GatedStore>(std::move(stores->events));
  if (gate != nullptr)
    *gate = gated.get();
  auto events = store::sealed::seal_event_store(std::move(gated), *ring);
  auto groups = store::sealed::seal_group_store(*stores->groups, *ring);
  auto methods = store::load_catalogue(INTERVISIE_METHODS_DIR);
  if (!methods)
    throw std::runtime_error("no methods");
  ServerOptions options;
  options.host = "127.0.0.1";
  options.port = 0;
  options.data_dir = dir;
  options.methods_dir = INTERVISIE_METHODS_DIR;
  options.threads = 1; // one network thread: if it waited for the store, nothing would answer
  options.minimal_password_cost = true;
  auto server = Server::start(options, ServerPorts{.database = std::move(stores->groups),
                                                   .sealing = std::move(ring),
                                                   .events = std::move(events),
                                                   .groups = std::move(groups),
                                                   .shared = false,
                                                   .methods = std::move(*methods),
                                                   .dictionary = std::make_unique<NoDictionary>()});
  if (!server)
    throw std::runtime_error(server.error());
  return std::move(*server);
}

// A Balint session to its end, as the facilitator alone can take it (acting for the others,
// who are not connected).
void finish_balint(LiveMeeting& m) {
  m.connect(m.facilitator());
  m.ok(m.facilitator(), command("assign_presenter", {{"participant", m.named("Pieter").id}}));
  m.ok(m.facilitator(), command("start"));
  m.ok(m.facilitator(), command("set_statement", {{"text", "Ik wil vaker nee zeggen."}}));
  while (!field(m.state(m.facilitator()), "finished").as_bool())
    m.ok(m.facilitator(), command("next_step", {{"confirm", true}}));
  for (Member& member : m.members)
    member.ws.reset();
}

TEST(NetworkThreads, WhileASessionLoadsFromASlowStoreEveryoneElseIsAnsweredAtOnce) {
  TempDir dir;
  std::string session_id;
  std::string pieters_token;
  {
    // A finished meeting: after a restart it is not in memory (only unfinished ones are).
    auto server = start_on(dir.path());
    LiveMeeting m(server->port(), "balint", {"Fenna", "Pieter", "Anna"});
    finish_balint(m);
    session_id = m.session_id;
    pieters_token = m.named("Pieter").token;
    server->stop();
  }
  GatedStore* gate = nullptr;
  auto server = start_on(dir.path(), &gate);
  gate->close_gate();

  // Pieter opens his record a week later; the disk is slow today.
  auto record = std::async(std::launch::async, [&] {
    return http_request(server->port(), "GET", "/api/sessions/" + session_id + "/report", {},
                        {{"Authorization", "Bearer " + pieters_token}}, 30s);
  });
  ASSERT_TRUE(gate->someone_waits(10s)) << "the record is read from the store";

  // Meanwhile a new meeting starts and people join it, on the one network thread.
  LiveMeeting other(server->port(), "incident", {"Ella", "Sam"});
  other.connect_all();
  other.ok(other.facilitator(), command("start"));
  EXPECT_EQ(http_get(server->port(), "/healthz").status, 200u);
  EXPECT_EQ(record.wait_for(0s), std::future_status::timeout) << "the record still waits";

  gate->open_gate();
  const HttpResponse answered = record.get();
  EXPECT_EQ(answered.status, 200u) << answered.body;
  EXPECT_EQ(field(answered.json(), "statements").as_array().front(),
            Json("Ik wil vaker nee zeggen."))
      << answered.body;
  server->stop();
}

} // namespace
} // namespace intervisie::server::testing
