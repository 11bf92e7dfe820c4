// SPDX-License-Identifier: EUPL-1.2
// Six-digit join codes: unique while held, free again once released, and guessing rationed per
// address and for the whole server.
#include "server/auth/token.hpp"
#include "server/http/guess_guard.hpp"
#include "server/live/join_codes.hpp"
#include "support/live_meeting.hpp"
#include "support/server_process.hpp"

#include <boost/json.hpp>
#include <gtest/gtest.h>

#include <map>
#include <optional>

#include <set>

namespace intervisie::server::testing {
namespace {

core::Instant at_second(int second) {
  return core::Instant{std::chrono::seconds{1'800'000'000 + second}};
}

TEST(JoinCodes, AreSixDigitsAndUniqueWhileHeld) {
  init_crypto();
  JoinCodes codes;
  std::set<std::string> issued;
  for (int i = 0; i < 2000; ++i) {
    const std::string code = codes.issue("session " + std::to_string(i));
    EXPECT_TRUE(JoinCodes::well_formed(code)) << code;
    EXPECT_TRUE(issued.insert(code).second) << "issued twice: " << code;
  }
  const std::string held = *issued.begin();
  EXPECT_FALSE(codes.hold(held, "another session"));
  EXPECT_TRUE(codes.hold(held, *codes.session_of(held))) << "its own session holds it already";
  codes.release(held, "another session");
  EXPECT_TRUE(codes.session_of(held).has_value()) << "only its own session releases it";
  codes.release(held, *codes.session_of(held));
  EXPECT_FALSE(codes.session_of(held).has_value());
  EXPECT_TRUE(codes.hold(held, "another session"));
  EXPECT_FALSE(JoinCodes::well_formed("12345"));
  EXPECT_FALSE(JoinCodes::well_formed("12345a"));
  EXPECT_FALSE(JoinCodes::well_formed("1234567"));
}

TEST(GuessGuard, TenTriesAMinutePerAddress) {
  GuessGuard guard{10, 300};
  for (int i = 0; i < 10; ++i)
    EXPECT_TRUE(guard.allow("10.0.0.1", at_second(i)));
  EXPECT_FALSE(guard.allow("10.0.0.1", at_second(11)));
  EXPECT_TRUE(guard.allow("10.0.0.2", at_second(11))) << "another address has its own tries";
  EXPECT_TRUE(guard.allow("10.0.0.1", at_second(61))) << "a new minute";
}

TEST(GuessGuard, ManyAddressesFailingTogetherStopEveryoneUntilTheMinuteHasPassed) {
  GuessGuard guard{10, 300};
  for (int i = 0; i < 300; ++i) {
    ASSERT_TRUE(guard.allow("10.0." + std::to_string(i / 200) + "." + std::to_string(i % 200),
                            at_second(1)));
    guard.failed(at_second(1));
  }
  EXPECT_FALSE(guard.allow("192.168.1.7", at_second(2))) << "a fresh address waits too";
  EXPECT_TRUE(guard.allow("192.168.1.7", at_second(62)));
}

TEST(GuessGuard, NodesSharingAStoreFailTogetherAgainstOneCeiling) {
  // Two nodes' guards over one shared count, as a cluster's PostgreSQL keeps it.
  std::map<std::int64_t, std::int64_t> shared;
  const auto count = [&shared](std::int64_t window,
                               std::int64_t by) -> std::optional<std::int64_t> {
    return shared[window] += by;
  };
  GuessGuard first{10, 300};
  GuessGuard second{10, 300};
  first.share_failures(count);
  second.share_failures(count);
  for (int i = 0; i < 300; ++i) {
    GuessGuard& node = i % 2 == 0 ? first : second;
    ASSERT_TRUE(node.allow("10.0." + std::to_string(i / 200) + "." + std::to_string(i % 200),
                           at_second(1)));
    node.failed(at_second(1));
  }
  EXPECT_FALSE(first.allow("192.168.1.7", at_second(2))) << "150 failures here, 300 in all";
  EXPECT_FALSE(second.allow("192.168.1.8", at_second(2)));
  EXPECT_TRUE(first.allow("192.168.1.7", at_second(62))) << "a new minute";
}

TEST(GuessGuard, WhenTheSharedCountCannotBeReadTheNodesOwnCountDecides) {
  GuessGuard guard{10, 300};
  guard.share_failures([](std::int64_t, std::int64_t) { return std::nullopt; });
  for (int i = 0; i < 300; ++i) {
    ASSERT_TRUE(guard.allow("10.0." + std::to_string(i / 200) + "." + std::to_string(i % 200),
                            at_second(1)));
    guard.failed(at_second(1));
  }
  EXPECT_FALSE(guard.allow("192.168.1.7", at_second(2)));
}

std::string code_of(const HttpResponse& response) {
  return std::string(field(boost::json::parse(response.body), "code").as_string());
}

HttpResponse join_with_code(std::uint16_t port, const Json& code) {
  return http_post(port, "/api/join-codes",
                   boost::json::serialize(boost::json::object{{"code", code}}));
}
HttpResponse join_with_code(std::uint16_t port, std::string_view code) {
  return join_with_code(port, Json(code));
}

std::string spaced(const std::string& code) {
  return code.substr(0, 3) + " " + code.substr(3);
}

struct CodedMeeting {
  LiveMeeting meeting;
  std::string code;
};

CodedMeeting coded_meeting(std::uint16_t port) {
  const HttpResponse created =
      http_post(port, "/api/sessions",
                R"({"method":"balint","title":"Dinsdaggroep","facilitator_name":"Fenna"})");
  const Json session = created.json();
  std::vector<Member> members;
  members.push_back(Member{"Fenna", id_of(field(session, "participant_id")),
                           std::string(field(session, "token").as_string()), nullptr});
  LiveMeeting meeting{LiveMeeting::MadeElsewhere{}, port,
                      std::string(field(session, "session_id").as_string()), std::move(members)};
  meeting.join_token = field(session, "join_token").as_string();
  meeting.beamer_token = field(session, "beamer_token").as_string();
  return {std::move(meeting), std::string(field(session, "join_code").as_string())};
}

TEST(JoinCodes, ASessionsCodeLeadsToItsJoinLink) {
  ServerProcess server;
  CodedMeeting coded = coded_meeting(server.port());
  LiveMeeting& m = coded.meeting;
  ASSERT_TRUE(JoinCodes::well_formed(coded.code)) << coded.code;
  EXPECT_EQ(field(m.state(m.facilitator()), "join_code"), Json(coded.code));

  const HttpResponse found = join_with_code(m.port, spaced(coded.code));
  ASSERT_EQ(found.status, 200u) << found.body;
  const Json offer = found.json();
  EXPECT_EQ(field(offer, "session_id"), Json(m.session_id));
  EXPECT_EQ(field(offer, "join_token"), Json(m.join_token));
  EXPECT_NE(field(offer, "join_url").as_string().find("/join/" + m.session_id + "#"),
            std::string::npos);
  const HttpResponse joined =
      http_post(m.port, "/api/sessions/" + m.session_id + "/participants",
                boost::json::serialize(boost::json::object{
                    {"join_token", field(offer, "join_token")}, {"name", "Pieter"}}));
  EXPECT_EQ(joined.status, 201u) << joined.body;

  const std::string other = coded.code == "000000" ? "000001" : "000000";
  const HttpResponse unknown = join_with_code(m.port, other);
  EXPECT_EQ(unknown.status, 404u);
  EXPECT_EQ(code_of(unknown), "unknown_code");
  EXPECT_EQ(code_of(join_with_code(m.port, std::string_view{"12a456"})), "bad_value");
  EXPECT_EQ(code_of(join_with_code(m.port, Json(123456))), "wrong_type");
  EXPECT_EQ(code_of(http_post(m.port, "/api/join-codes", "{}")), "missing_field");
  // Ten tries a minute from one address, the malformed ones included: that was the fifth.
  for (int i = 0; i < 5; ++i)
    EXPECT_EQ(join_with_code(m.port, coded.code).status, 200u);
  const HttpResponse limited = join_with_code(m.port, coded.code);
  EXPECT_EQ(limited.status, 429u);
  EXPECT_EQ(code_of(limited), "rate_limited");
}

TEST(JoinCodes, AreReleasedAtTheFinishAndSurviveARestart) {
  ServerProcess server;
  CodedMeeting running = coded_meeting(server.port());
  CodedMeeting finishing = coded_meeting(server.port());
  EXPECT_NE(running.code, finishing.code);
  LiveMeeting& m = finishing.meeting;
  m.connect_all();
  const HttpResponse joined = http_post(m.port, "/api/sessions/" + m.session_id + "/participants",
                                        boost::json::serialize(boost::json::object{
                                            {"join_token", m.join_token}, {"name", "Pieter"}}));
  ASSERT_EQ(joined.status, 201u);
  m.ok(m.facilitator(), command("assign_presenter", {{"participant", 2}}));
  m.ok(m.facilitator(), command("start"));
  m.ok(m.facilitator(), command("set_statement", {{"text", "Ik wil iets."}}));
  while (field(m.state(m.facilitator()), "phase") != Json("finished"))
    m.ok(m.facilitator(), command("next_step", {{"confirm", true}}));
  EXPECT_TRUE(field(m.state(m.facilitator()), "join_code").is_null());
  EXPECT_EQ(join_with_code(server.port(), finishing.code).status, 404u);

  server.kill();
  server.restart();
  const HttpResponse found = join_with_code(server.port(), running.code);
  ASSERT_EQ(found.status, 200u) << found.body;
  EXPECT_EQ(field(found.json(), "session_id"), Json(running.meeting.session_id));
  EXPECT_EQ(join_with_code(server.port(), finishing.code).status, 404u)
      << "a finished session's code stays free after a restart";
  running.meeting.port = server.port();
  EXPECT_EQ(field(running.meeting.state(running.meeting.facilitator()), "join_code"),
            Json(running.code));
}

} // namespace
} // namespace intervisie::server::testing
