// SPDX-License-Identifier: EUPL-1.2
// What the server refuses at the door: tokens of other sessions, guessed join links and session
// ids, foreign origins, a ninth participant, too many new sessions, oversized bodies; and the
// security headers every response carries.
#include "support/live_meeting.hpp"
#include "support/server_process.hpp"

#include <boost/asio/connect.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/read.hpp>
#include <boost/asio/write.hpp>
#include <boost/json.hpp>
#include <gtest/gtest.h>

#include <sstream>

namespace intervisie::server::testing {
namespace {

std::string new_session_body(const std::string& title = "Dinsdaggroep") {
  return boost::json::serialize(
      boost::json::object{{"method", "incident"}, {"title", title}, {"facilitator_name", "Fenna"}});
}

HttpResponse join(std::uint16_t port, const std::string& session_id, const std::string& join_token,
                  const std::string& name) {
  return http_post(
      port, "/api/sessions/" + session_id + "/participants",
      boost::json::serialize(boost::json::object{{"join_token", join_token}, {"name", name}}));
}

void expect_security_headers(const HttpResponse& response, const std::string& what) {
  const std::string policy = response.header("Content-Security-Policy");
  EXPECT_NE(policy.find("frame-ancestors 'none'"), std::string::npos) << what << ": " << policy;
  EXPECT_NE(policy.find("default-src 'self'"), std::string::npos) << what << ": " << policy;
  EXPECT_EQ(response.header("X-Content-Type-Options"), "nosniff") << what;
}

TEST(HttpGuard, EveryResponseCarriesTheSecurityHeaders) {
  ServerProcess server;
  const HttpResponse health = http_get(server.port(), "/healthz");
  EXPECT_EQ(health.status, 200u);
  EXPECT_EQ(health.json(), Json(boost::json::object{{"status", "ok"}}));
  expect_security_headers(health, "GET /healthz");

  const HttpResponse methods = http_get(server.port(), "/api/methods");
  EXPECT_EQ(methods.status, 200u);
  expect_security_headers(methods, "GET /api/methods");

  const HttpResponse created = http_post(server.port(), "/api/sessions", new_session_body());
  EXPECT_EQ(created.status, 201u) << created.body;
  expect_security_headers(created, "POST /api/sessions");

  const HttpResponse missing = http_get(server.port(), "/api/nothing/here");
  EXPECT_EQ(missing.status, 404u);
  expect_security_headers(missing, "a 404");

  const HttpResponse refused = join(server.port(), "no-such-session", "x", "Eva");
  EXPECT_EQ(refused.status, 401u);
  expect_security_headers(refused, "a 401");
}

TEST(HttpGuard, ATokenOfAnotherSessionIsRefusedOnUpgrade) {
  ServerProcess server;
  LiveMeeting first(server.port(), "incident", {"Fenna", "Pieter"});
  LiveMeeting second(server.port(), "balint", {"Gijs", "Hanna"});
  for (const std::string& token : {second.members[0].token, second.members[1].token}) {
    const auto opened = WsClient::open(server.port(), live_target(first.session_id, token));
    ASSERT_FALSE(opened.has_value()) << "a token of another session opened the live connection";
    EXPECT_EQ(opened.error().status, 401u);
    EXPECT_EQ(field(opened.error().json(), "code"), Json("unauthorized"));
  }
  // Nor does a join token, or no token at all, or a token with its secret half changed.
  std::string altered = first.members[1].token;
  altered.back() = altered.back() == 'A' ? 'B' : 'A';
  for (const std::string& target :
       {live_target(first.session_id, first.join_token), live_target(first.session_id, altered),
        "/api/sessions/" + first.session_id + "/live"}) {
    const auto opened = WsClient::open(server.port(), target);
    ASSERT_FALSE(opened.has_value()) << target;
    EXPECT_EQ(opened.error().status, 401u) << target;
  }
  // Each token still opens its own session.
  EXPECT_TRUE(WsClient::open(server.port(), live_target(first.session_id, first.members[1].token)));
}

TEST(HttpGuard, AWrongJoinTokenAndAnUnknownSessionLookTheSame) {
  ServerProcess server;
  LiveMeeting meeting(server.port(), "incident", {"Fenna"});
  const HttpResponse wrong_token =
      join(server.port(), meeting.session_id, std::string(meeting.join_token.size(), 'A'), "Eva");
  const HttpResponse unknown_session =
      join(server.port(), std::string(meeting.session_id.size(), 'A'), meeting.join_token, "Eva");
  EXPECT_EQ(wrong_token.status, 401u);
  EXPECT_EQ(unknown_session.status, 401u);
  EXPECT_EQ(wrong_token.body, unknown_session.body);
  EXPECT_EQ(field(wrong_token.json(), "code"), Json("unauthorized"));

  // The same on the live connection: an unknown session and a wrong token are one answer.
  const auto wrong_live =
      WsClient::open(server.port(), live_target(meeting.session_id, "1.notthetoken"));
  const auto unknown_live =
      WsClient::open(server.port(), live_target(std::string(meeting.session_id.size(), 'A'),
                                                meeting.members[0].token));
  ASSERT_FALSE(wrong_live.has_value());
  ASSERT_FALSE(unknown_live.has_value());
  EXPECT_EQ(wrong_live.error().status, 401u);
  EXPECT_EQ(unknown_live.error().status, 401u);
  EXPECT_EQ(wrong_live.error().body, unknown_live.error().body);
  EXPECT_EQ(wrong_live.error().body, wrong_token.body);
}

TEST(HttpGuard, AForeignOriginMayNotOpenALiveConnection) {
  ServerProcess server;
  LiveMeeting meeting(server.port(), "incident", {"Fenna"});
  const std::string target = live_target(meeting.session_id, meeting.members[0].token);
  const auto foreign = WsClient::open(server.port(), target, {.origin = "https://evil.example"});
  ASSERT_FALSE(foreign.has_value());
  EXPECT_EQ(foreign.error().status, 403u);
  EXPECT_EQ(field(foreign.error().json(), "code"), Json("bad_origin"));
  // The server's own origin may.
  const auto own = WsClient::open(server.port(), target,
                                  {.origin = "http://127.0.0.1:" + std::to_string(server.port())});
  EXPECT_TRUE(own.has_value()) << (own ? "" : own.error().body);
}

TEST(HttpGuard, TheNinthParticipantIsRefused) {
  ServerProcess server;
  LiveMeeting meeting(server.port(), "incident",
                      {"Fenna", "Pieter", "Anna", "Bram", "Carla", "Daan", "Eva", "Gijs"});
  const HttpResponse ninth = join(server.port(), meeting.session_id, meeting.join_token, "Hanna");
  EXPECT_EQ(ninth.status, 409u) << ninth.body;
  EXPECT_EQ(field(ninth.json(), "code"), Json("group_full"));
  // Nothing was written: the group is still eight.
  EXPECT_EQ(field(meeting.state(meeting.facilitator()), "participants").as_array().size(), 8u);
}

TEST(HttpGuard, CreatingSessionsIsRateLimited) {
  ServerProcess server({"--sessions-per-minute", "3"});
  std::vector<Json> sessions;
  for (int i = 0; i < 3; ++i) {
    const HttpResponse created = http_post(server.port(), "/api/sessions", new_session_body());
    EXPECT_EQ(created.status, 201u) << "session " << i + 1 << ": " << created.body;
    sessions.push_back(created.json());
  }
  const HttpResponse fourth = http_post(server.port(), "/api/sessions", new_session_body());
  EXPECT_EQ(fourth.status, 429u) << fourth.body;
  EXPECT_EQ(field(fourth.json(), "code"), Json("rate_limited"));
  // Joining is not creating: it goes on.
  const HttpResponse joined =
      join(server.port(), std::string(field(sessions[0], "session_id").as_string()),
           std::string(field(sessions[0], "join_token").as_string()), "Pieter");
  EXPECT_EQ(joined.status, 201u) << joined.body;
}

TEST(HttpGuard, ABodyOver16KiBIsRefusedWith413) {
  ServerProcess server;
  const HttpResponse refused =
      http_post(server.port(), "/api/sessions", new_session_body(std::string(17 * 1024, 'a')));
  EXPECT_EQ(refused.status, 413u) << refused.body;
  EXPECT_EQ(field(refused.json(), "code"), Json("too_large"));
  expect_security_headers(refused, "a 413");
  // The server goes on.
  EXPECT_EQ(http_get(server.port(), "/healthz").status, 200u);
}

TEST(HttpGuard, AMegabyteBodyStillGetsItsAnswerBeforeTheConnectionCloses) {
  ServerProcess server;
  const HttpResponse refused =
      http_post(server.port(), "/api/sessions", std::string(1024 * 1024, 'a'));
  EXPECT_EQ(refused.status, 413u) << refused.body;
}

// Whatever a client sends that is not HTTP: one clear answer, then the connection ends.
TEST(HttpGuard, BytesThatAreNotHttpGetA400AndAClose) {
  ServerProcess server;
  boost::asio::io_context io;
  boost::asio::ip::tcp::socket socket(io);
  socket.connect({boost::asio::ip::make_address("127.0.0.1"), server.port()});
  boost::asio::write(socket, boost::asio::buffer(std::string("HELLO\x01 THERE\r\n\r\n")));
  std::string answer;
  boost::system::error_code error;
  boost::asio::read(socket, boost::asio::dynamic_buffer(answer), error);
  EXPECT_EQ(error, boost::asio::error::eof) << error.message();
  EXPECT_TRUE(answer.starts_with("HTTP/1.1 400")) << answer;
  EXPECT_NE(answer.find("bad_request"), std::string::npos) << answer;
  EXPECT_EQ(http_get(server.port(), "/healthz").status, 200u);
}

// A body whose length cannot be known (its last transfer coding is not chunked) is refused and
// the connection closed: what follows must never be read as a request of its own.
TEST(HttpGuard, ATransferEncodingThatDoesNotEndInChunkedGetsA400AndAClose) {
  ServerProcess server;
  for (const std::string coding : {"gzip", "chunked, gzip", "identity"}) {
    boost::asio::io_context io;
    boost::asio::ip::tcp::socket socket(io);
    socket.connect({boost::asio::ip::make_address("127.0.0.1"), server.port()});
    boost::asio::write(socket, boost::asio::buffer("POST /api/sessions HTTP/1.1\r\nHost: x\r\n"
                                                   "Transfer-Encoding: " +
                                                   coding +
                                                   "\r\n\r\n"
                                                   "GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n"));
    std::string answer;
    boost::system::error_code error;
    boost::asio::read(socket, boost::asio::dynamic_buffer(answer), error);
    EXPECT_EQ(error, boost::asio::error::eof) << coding << ": " << error.message();
    EXPECT_TRUE(answer.starts_with("HTTP/1.1 400")) << coding << ": " << answer;
    EXPECT_EQ(answer.find("HTTP/1.1", 1), std::string::npos)
        << coding << ": the smuggled request got an answer too: " << answer;
  }
  // A chunked body is read as before.
  boost::asio::io_context io;
  boost::asio::ip::tcp::socket socket(io);
  socket.connect({boost::asio::ip::make_address("127.0.0.1"), server.port()});
  const std::string body = new_session_body();
  std::ostringstream request;
  request << "POST /api/sessions HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
          << "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n"
          << std::hex << body.size() << "\r\n"
          << body << "\r\n0\r\n\r\n";
  boost::asio::write(socket, boost::asio::buffer(request.str()));
  std::string answer;
  boost::system::error_code error;
  boost::asio::read(socket, boost::asio::dynamic_buffer(answer), error);
  EXPECT_TRUE(answer.starts_with("HTTP/1.1 201")) << answer;
}

} // namespace
} // namespace intervisie::server::testing
