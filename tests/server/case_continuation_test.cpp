// SPDX-License-Identifier: EUPL-1.2
// The group routes never wait for a live session: what only the session can tell is asked on
// its strand, and the answer is given from that continuation, which owns the request. A
// session that is busy (here: held on purpose) delays the answer, not the route's thread; when
// it answers, everything it answers with is still there (ASan would see it otherwise), and the
// member still gets their answer. Once, the route waited five seconds, then answered "busy"
// while the session's callback could still run on a request that had gone.
#include "server/groups/case_resource.hpp"
#include "server/groups/case_sessions.hpp"
#include "server/groups/group_context.hpp"
#include "server/live/session_registry.hpp"
#include "store/method_directory.hpp"
#include "store/stores.hpp"
#include "support/server_process.hpp"

#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/thread_pool.hpp>
#include <boost/json.hpp>
#include <gtest/gtest.h>

#include <chrono>
#include <future>
#include <memory>
#include <thread>

namespace intervisie::server {
namespace {

namespace http = boost::beast::http;
using namespace std::chrono_literals;

core::Instant now() {
  return std::chrono::time_point_cast<core::Duration>(std::chrono::system_clock::now());
}

// Live sessions in this process, on one network thread, with a store in a temporary directory,
// and everything a group route works with.
class LiveCases {
public:
  LiveCases()
      : stores_{*store::open_stores("", dir_.path())}, catalogue_{*store::load_catalogue(
                                                           INTERVISIE_METHODS_DIR)},
        sessions_{io_.get_executor(), blocking_.get_executor(), *stores_.events, catalogue_, now},
        authenticator_{*stores_.groups, now, origins_}, groups_{*stores_.groups, now},
        seats_{*stores_.groups},
        feed_keys_{*stores_.groups}, context_{.authenticator = authenticator_,
                                              .groups = groups_,
                                              .seats = seats_,
                                              .store = *stores_.groups,
                                              .accounts = *stores_.groups,
                                              .sessions = sessions_,
                                              .catalogue = catalogue_,
                                              .feed_keys = feed_keys_,
                                              .clock = now,
                                              .blocking = blocking_.get_executor(),
                                              .public_url = "http://localhost"} {
    network_ = std::thread{[this] { io_.run(); }};
  }

  ~LiveCases() {
    blocking_.join();
    stores_.events->close(); // every append answered, on the strands of the running thread
    work_.reset();
    io_.stop();
    network_.join();
  }

  GroupContext& context() { return context_; }
  SessionRegistry& sessions() { return sessions_; }

  // A new session, durable, in its lobby: its id and the facilitator's place.
  CreatedSession start() {
    std::promise<std::expected<CreatedSession, AdmissionError>> made;
    sessions_.create(NewSessionRequest{"incident", "Casus", "Fenna", true},
                     [&made](std::expected<CreatedSession, AdmissionError> created) {
                       made.set_value(std::move(created));
                     });
    auto created = made.get_future().get();
    if (!created)
      throw std::runtime_error("no session: " + std::string(to_string(created.error())));
    return *created;
  }

private:
  testing::TempDir dir_;
  store::Stores stores_;
  core::Catalogue catalogue_;
  boost::asio::io_context io_;
  boost::asio::executor_work_guard<boost::asio::io_context::executor_type> work_{
      io_.get_executor()};
  std::thread network_;
  boost::asio::thread_pool blocking_{1};
  SessionRegistry sessions_;
  OriginPolicy origins_{"http://localhost", {}};
  Authenticator authenticator_;
  GroupRegistry groups_;
  SessionSeats seats_;
  FeedKeys feed_keys_;
  GroupContext context_;
};

// Keeps a session's strand busy until released: whatever is asked of it waits its turn.
class Held {
public:
  explicit Held(LiveSession& live) {
    boost::asio::post(live.executor(),
                      [released = released_.get_future().share()] { released.wait(); });
  }
  Held(const Held&) = delete;
  Held& operator=(const Held&) = delete;
  ~Held() { release(); }
  void release() {
    if (!released)
      released_.set_value();
    released = true;
  }

private:
  std::promise<void> released_;
  bool released = false;
};

// A group route's request whose answer the test receives; only the route will own it.
struct Asked {
  GroupCallPtr call;
  std::weak_ptr<GroupCall> watched;
  std::future<Response> answer;
};

Asked asked(std::string target) {
  auto answered = std::make_shared<std::promise<Response>>();
  Asked made;
  made.answer = answered->get_future();
  made.call = std::make_shared<GroupCall>(
      GroupCall{Request{http::verb::get, target, 11},
                {},
                [answered](Response response) { answered->set_value(std::move(response)); },
                {},
                {},
                {}});
  made.watched = made.call;
  return made;
}

std::string code_of(const Response& response) {
  return std::string(boost::json::parse(response.body()).at("code").as_string());
}

TEST(CaseContinuations, TheRecordOfABusySessionIsAnsweredWhenTheSessionIsFreeNotWaitedFor) {
  LiveCases cases;
  const CreatedSession created = cases.start();
  const auto live = cases.sessions().find_blocking(created.session_id);
  ASSERT_TRUE(live);
  Held held{*live};

  Asked report = asked("/api/groups/g/cases/" + created.session_id + "/report?lang=en");
  case_resource::answer_report(std::move(report.call), *live, created.facilitator, nullptr);
  EXPECT_EQ(report.answer.wait_for(0s), std::future_status::timeout)
      << "the route returned without waiting for the session, and without answering 'busy'";
  EXPECT_FALSE(report.watched.expired()) << "the continuation owns the request";

  held.release();
  ASSERT_EQ(report.answer.wait_for(30s), std::future_status::ready);
  const Response answer = report.answer.get();
  EXPECT_EQ(answer.result(), http::status::conflict);
  EXPECT_EQ(code_of(answer), "session_not_finished") << "the session's own answer: in its lobby";
}

TEST(CaseContinuations, ForgettingACaseAsksTheBusySessionWithoutWaitingForIt) {
  LiveCases cases;
  const CreatedSession created = cases.start();
  const auto live = cases.sessions().find_blocking(created.session_id);
  ASSERT_TRUE(live);
  Held held{*live};

  Asked forget = asked("/api/groups/g/cases/" + created.session_id + "/content");
  case_resource::erase_when_finished(cases.context(), std::move(forget.call), *live,
                                     created.facilitator);
  EXPECT_EQ(forget.answer.wait_for(0s), std::future_status::timeout);
  EXPECT_FALSE(forget.watched.expired());

  held.release();
  ASSERT_EQ(forget.answer.wait_for(30s), std::future_status::ready);
  const Response answer = forget.answer.get();
  EXPECT_EQ(answer.result(), http::status::conflict);
  EXPECT_EQ(code_of(answer), "session_not_finished");
  EXPECT_FALSE(cases.sessions().erased(created.session_id)) << "nothing was erased";
}

TEST(CaseContinuations, TheGroupPagesHearFromEverySessionOnceAllHaveAnswered) {
  LiveCases cases;
  const CreatedSession busy = cases.start();
  const CreatedSession idle = cases.start();
  Held held{*cases.sessions().find_blocking(busy.session_id)};

  boost::asio::thread_pool then{1};
  std::promise<CaseSessionReads> heard;
  std::promise<bool> on_then;
  read_case_sessions(cases.sessions(), {busy.session_id, idle.session_id, "AAAAAAAAAAAAAAAAAAAAAA"},
                     then.get_executor(), [&](CaseSessionReads reads) {
                       on_then.set_value(then.get_executor().running_in_this_thread());
                       heard.set_value(std::move(reads));
                     });
  auto answers = heard.get_future();
  EXPECT_EQ(answers.wait_for(100ms), std::future_status::timeout)
      << "the busy session has not answered yet, and nobody waited for it";

  held.release();
  ASSERT_EQ(answers.wait_for(30s), std::future_status::ready);
  const CaseSessionReads reads = answers.get();
  EXPECT_TRUE(on_then.get_future().get()) << "the continuation runs where it was asked to";
  ASSERT_EQ(reads.size(), 2u) << "an unknown session is absent";
  for (const CreatedSession& session : {busy, idle}) {
    ASSERT_TRUE(reads.contains(session.session_id));
    EXPECT_FALSE(reads.at(session.session_id).finished);
    EXPECT_FALSE(reads.at(session.session_id).presenter) << "no presenter chosen in the lobby";
  }
  then.join();
}

} // namespace
} // namespace intervisie::server
