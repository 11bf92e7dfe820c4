// SPDX-License-Identifier: EUPL-1.2
// Coming back on another device, over the wire: a request with the join link, which someone in
// the group admits; the new token opens the place, the old one stops working, and the old
// device hears "seat_moved" and is closed.
#include "support/live_meeting.hpp"
#include "support/server_process.hpp"

#include <boost/json.hpp>
#include <gtest/gtest.h>

namespace intervisie::server::testing {
namespace {

HttpResponse ask_to_return(const LiveMeeting& m, const boost::json::object& body) {
  return http_post(m.port, "/api/sessions/" + m.session_id + "/returns",
                   boost::json::serialize(body));
}

HttpResponse ask_to_return(const LiveMeeting& m, std::uint32_t participant) {
  return ask_to_return(m, {{"join_token", m.join_token}, {"participant", participant}});
}

HttpResponse status_of(const LiveMeeting& m, const Json& ticket, const std::string& token) {
  return http_request(m.port, "GET",
                      "/api/sessions/" + m.session_id + "/returns/" +
                          std::to_string(id_of(field(ticket, "request"))),
                      {}, {{"Authorization", "Bearer " + token}});
}

std::string code_of(const HttpResponse& response) {
  return std::string(field(boost::json::parse(response.body), "code").as_string());
}

unsigned upgrade_status(const LiveMeeting& m, const std::string& token) {
  auto opened = WsClient::open(m.port, live_target(m.session_id, token));
  return opened ? 101u : opened.error().status;
}

Json state_with(const LiveMeeting& m, const std::string& token) {
  auto peek = WsClient::connect(m.port, live_target(m.session_id, token));
  const Json snapshot = peek->wait_for(
      [](const Json& message) { return type_of(message) == "snapshot"; }, "a snapshot");
  peek->close();
  return field(snapshot, "state");
}

void expect_seat_moved(Member& old_device) {
  const Json moved = old_device.ws->wait_for(
      [](const Json& message) {
        return type_of(message) == "error" && field(message, "code") == Json("seat_moved");
      },
      old_device.name + "'s seat_moved");
  EXPECT_TRUE(field(moved, "id").is_null());
  EXPECT_TRUE(old_device.ws->wait_closed().has_value()) << "the old device is closed";
}

// An old device that opens its page again (a phone charged after the meeting moved on) is told
// that its place moved, and closed: not refused as if its link had never been good.
void expect_told_it_moved(const LiveMeeting& m, const std::string& old_token) {
  auto opened = WsClient::connect(m.port, live_target(m.session_id, old_token));
  const Json moved = opened->wait_for(
      [](const Json& message) { return type_of(message) != "presence"; }, "seat_moved");
  EXPECT_EQ(type_of(moved), "error");
  EXPECT_EQ(field(moved, "code"), Json("seat_moved"));
  EXPECT_TRUE(opened->wait_closed().has_value()) << "and closed";
}

TEST(Returns, AStrangerWithTheLinkWaitsForTheFacilitator) {
  ServerProcess server;
  LiveMeeting m(server.port(), "incident", {"Fenna", "Pieter", "Anna"});
  m.connect_all();
  Member& fenna = m.named("Fenna");
  Member& anna = m.named("Anna");

  const HttpResponse asked = ask_to_return(m, anna.id);
  ASSERT_EQ(asked.status, 202u) << asked.body;
  const Json ticket = asked.json();
  EXPECT_EQ(field(ticket, "request"), Json(1));
  EXPECT_EQ(field(ticket, "participant_id"), Json(anna.id));
  EXPECT_EQ(field(ticket, "status"), Json("waiting"));
  const std::string token(field(ticket, "token").as_string());
  EXPECT_TRUE(token.starts_with(std::to_string(anna.id) + "."));
  EXPECT_EQ(token.size(), std::to_string(anna.id).size() + 1 + 43);
  EXPECT_EQ(upgrade_status(m, token), 401u) << "not before someone vouches for it";
  EXPECT_EQ(field(status_of(m, ticket, token).json(), "status"), Json("waiting"));
  EXPECT_EQ(status_of(m, ticket, anna.token).status, 401u) << "only the ticket's own token";

  const Json seen = m.state(fenna);
  const auto& returns = field(seen, "returns").as_array();
  ASSERT_EQ(returns.size(), 1u);
  EXPECT_EQ(field(returns[0], "request"), Json(1));
  EXPECT_EQ(field(returns[0], "participant"), Json(anna.id));
  EXPECT_TRUE(field(returns[0], "at").is_int64());
  EXPECT_TRUE(field(state_with(m, m.beamer_token), "returns").as_array().empty())
      << "the wall does not show who asks to come back";

  EXPECT_EQ(m.refused(m.named("Pieter"), command("admit_return", {{"request", 1}})),
            "not_allowed_for_role");
  m.ok(fenna, command("admit_return", {{"request", 1}}));
  expect_seat_moved(anna);
  expect_told_it_moved(m, anna.token);
  EXPECT_EQ(http_request(m.port, "GET", "/api/sessions/" + m.session_id + "/report", {},
                         {{"Authorization", "Bearer " + anna.token}})
                .status,
            401u)
      << "the old token opens nothing else";
  EXPECT_EQ(field(status_of(m, ticket, token).json(), "status"), Json("admitted"));
  const Json back = state_with(m, token);
  EXPECT_EQ(field(field(back, "you"), "id"), Json(anna.id)) << "the same place";
  EXPECT_TRUE(field(back, "returns").as_array().empty());
  EXPECT_EQ(m.refused(fenna, command("admit_return", {{"request", 1}})), "unknown_request");
}

TEST(Returns, ADeclinedRequestNeverOpensThePlace) {
  ServerProcess server;
  LiveMeeting m(server.port(), "incident", {"Fenna", "Pieter", "Anna"});
  m.connect_all();
  const HttpResponse asked = ask_to_return(m, m.named("Anna").id);
  ASSERT_EQ(asked.status, 202u) << asked.body;
  const std::string token(field(asked.json(), "token").as_string());
  m.ok(m.named("Fenna"), command("decline_return", {{"request", 1}}));
  EXPECT_EQ(field(status_of(m, asked.json(), token).json(), "status"), Json("declined"));
  EXPECT_EQ(upgrade_status(m, token), 401u);
  EXPECT_EQ(upgrade_status(m, m.named("Anna").token), 101u) << "Anna's own phone goes on";
}

TEST(Returns, AnyoneInTheGroupVouchesForTheFacilitator) {
  ServerProcess server;
  LiveMeeting m(server.port(), "incident", {"Fenna", "Pieter", "Anna"});
  m.connect_all();
  Member& fenna = m.named("Fenna");
  const HttpResponse asked = ask_to_return(m, fenna.id);
  ASSERT_EQ(asked.status, 202u) << asked.body;
  EXPECT_EQ(m.refused(fenna, command("admit_return", {{"request", 1}})), "not_allowed_for_role");
  m.ok(m.named("Anna"), command("admit_return", {{"request", 1}}));
  expect_seat_moved(fenna);
  const Json back = state_with(m, std::string(field(asked.json(), "token").as_string()));
  EXPECT_EQ(field(back, "facilitator"), Json(fenna.id));
}

TEST(Returns, BadRequestsAreRefusedAndChangeNothing) {
  ServerProcess server;
  LiveMeeting m(server.port(), "incident", {"Fenna", "Pieter", "Anna"});
  const std::string path = "/api/sessions/" + m.session_id + "/returns";
  EXPECT_EQ(code_of(http_post(m.port, path, "[1]")), "bad_message");
  EXPECT_EQ(code_of(ask_to_return(m, {{"join_token", m.join_token}})), "missing_field");
  EXPECT_EQ(code_of(ask_to_return(m, {{"join_token", m.join_token}, {"participant", "3"}})),
            "wrong_type");
  EXPECT_EQ(code_of(ask_to_return(m, {{"join_token", m.join_token}, {"participant", 0}})),
            "bad_value");
  EXPECT_EQ(
      code_of(ask_to_return(m, {{"join_token", m.join_token}, {"participant", 3}, {"who", 1}})),
      "unknown_field");
  const HttpResponse wrong = ask_to_return(m, {{"join_token", "fout"}, {"participant", 3}});
  EXPECT_EQ(wrong.status, 401u);
  EXPECT_EQ(code_of(wrong), "unauthorized");
  EXPECT_EQ(http_post(m.port, "/api/sessions/onbekend/returns",
                      boost::json::serialize(
                          boost::json::object{{"join_token", m.join_token}, {"participant", 3}}))
                .status,
            401u);
  const HttpResponse nobody = ask_to_return(m, 9);
  EXPECT_EQ(nobody.status, 422u);
  EXPECT_EQ(code_of(nobody), "unknown_participant");
  const HttpResponse unknown_request =
      http_request(m.port, "GET", path + "/7", {}, {{"Authorization", "Bearer 3.x"}});
  EXPECT_EQ(unknown_request.status, 401u);
  EXPECT_EQ(http_request(m.port, "GET", path + "/nul", {}, {}).status, 401u);
  EXPECT_TRUE(field(m.state(m.facilitator()), "returns").as_array().empty());
  // Ten a minute from one address; every request counts.
  for (int i = 0; i < 2; ++i)
    EXPECT_EQ(ask_to_return(m, 3).status, 202u);
  const HttpResponse limited = ask_to_return(m, 3);
  EXPECT_EQ(limited.status, 429u);
  EXPECT_EQ(code_of(limited), "rate_limited");
}

TEST(Returns, SayingThatIsMeAsksForThePlaceWithoutADevice) {
  ServerProcess server;
  LiveMeeting m(server.port(), "incident", {"Fenna", "Pieter", "Anna"});
  m.connect_all();
  Member& fenna = m.named("Fenna");
  m.ok(fenna, command("add_participant", {{"name", "Bram"}}));
  const auto join = [&](const std::string& name, bool claim) {
    return http_post(m.port, "/api/sessions/" + m.session_id + "/participants",
                     boost::json::serialize(boost::json::object{
                         {"join_token", m.join_token}, {"name", name}, {"claim", claim}}));
  };
  const HttpResponse plain = join("bram", false);
  EXPECT_EQ(plain.status, 409u);
  EXPECT_EQ(code_of(plain), "place_without_device");
  const HttpResponse claimed = join("Bram", true);
  ASSERT_EQ(claimed.status, 202u) << claimed.body;
  EXPECT_EQ(field(claimed.json(), "status"), Json("waiting"));
  const std::string token(field(claimed.json(), "token").as_string());
  EXPECT_EQ(upgrade_status(m, token), 401u) << "typing a name is not enough";
  m.ok(fenna, command("admit_return", {{"request", 1}}));
  const Json back = state_with(m, token);
  EXPECT_EQ(field(field(back, "you"), "id"), field(claimed.json(), "participant_id"));
  const HttpResponse again = join("Bram", false);
  EXPECT_EQ(code_of(again), "name_taken");
  EXPECT_NE(field(again.json(), "message").as_string().find("come back"), std::string::npos)
      << again.body;
  EXPECT_EQ(code_of(join("Bram", true)), "no_place_to_claim");
}

TEST(Returns, ATicketSurvivesARestart) {
  ServerProcess server;
  LiveMeeting m(server.port(), "incident", {"Fenna", "Pieter", "Anna"});
  const HttpResponse asked = ask_to_return(m, m.named("Anna").id);
  ASSERT_EQ(asked.status, 202u) << asked.body;
  const std::string token(field(asked.json(), "token").as_string());
  server.kill();
  server.restart();
  m.port = server.port();
  EXPECT_EQ(field(status_of(m, asked.json(), token).json(), "status"), Json("waiting"));
  m.connect(m.named("Fenna"));
  m.ok(m.named("Fenna"), command("admit_return", {{"request", 1}}));
  server.kill();
  server.restart();
  m.port = server.port();
  EXPECT_EQ(upgrade_status(m, token), 101u) << "the moved seat is durable";
  expect_told_it_moved(m, m.named("Anna").token);
  EXPECT_EQ(upgrade_status(m, "2.xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"), 401u)
      << "a token that never was is refused as before";
}

TEST(Returns, ARequestComesOverHttpNotOverTheLiveConnection) {
  ServerProcess server;
  LiveMeeting m(server.port(), "incident", {"Fenna", "Pieter"});
  m.connect_all();
  EXPECT_EQ(m.refused(m.named("Pieter"), command("request_return", {{"participant", 2}})),
            "join_over_http");
}

} // namespace
} // namespace intervisie::server::testing
