// SPDX-License-Identifier: EUPL-1.2
// A group's life over the API, as its members live it: a group is made and people are invited,
// they accept the ground rules, never more than eight; meetings are planned, signed up for and
// cancelled, and the second to cancel arranges the new date; calendars follow every change;
// cases are treated in live sessions and only their presenter reads what was said.
#include "support/account_client.hpp"
#include "support/live_meeting.hpp"
#include "support/server_process.hpp"

#include <boost/json.hpp>
#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <iterator>

namespace intervisie::server::testing {
namespace {

namespace json = boost::json;
constexpr const char* password = "onze groep op dinsdagmiddag";

std::string code_of(const HttpResponse& response) {
  return std::string(response.json().at("code").as_string());
}

std::int64_t now_ms() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}
constexpr std::int64_t day_ms = 24LL * 60 * 60 * 1000;

// A group of people, each with an account; the first made the group, the others were invited
// and accepted the ground rules.
struct Group {
  std::string id;
  std::vector<AccountClient> members;
  AccountClient& named(std::size_t i) { return members.at(i); }
};

AccountClient person(const ServerProcess& server, const std::string& name) {
  AccountClient client{server.port()};
  const auto created = client.sign_up(unique_email(name), password, name);
  if (created.status != 201)
    throw std::runtime_error("sign up " + name + ": " + created.body);
  return client;
}

std::string invite(const AccountClient& member, const std::string& group_id) {
  const auto made = member.post("/api/groups/" + group_id + "/invitations");
  if (made.status != 201)
    throw std::runtime_error("invitation: " + made.body);
  return std::string(made.json().at("token").as_string());
}

Group make_group(const ServerProcess& server, const std::vector<std::string>& names) {
  Group group;
  group.members.push_back(person(server, names.front()));
  const auto created = group.members.front().post("/api/groups", {{"name", "Dinsdaggroep"}});
  if (created.status != 201)
    throw std::runtime_error("new group: " + created.body);
  group.id = std::string(created.json().at("id").as_string());
  for (std::size_t i = 1; i < names.size(); ++i) {
    AccountClient member = person(server, names[i]);
    const auto accepted =
        member.post("/api/invitations/" + invite(group.members.front(), group.id) + "/accept",
                    {{"accept_ground_rules", true}});
    if (accepted.status != 200)
      throw std::runtime_error("accept: " + accepted.body);
    group.members.push_back(std::move(member));
  }
  return group;
}

std::string schedule(const AccountClient& member, const std::string& group_id,
                     std::int64_t starts_at) {
  const auto made =
      member.post("/api/groups/" + group_id + "/meetings",
                  {{"starts_at", starts_at}, {"minutes", 120}, {"place", "Lokaal 12"}});
  if (made.status != 201)
    throw std::runtime_error("schedule: " + made.body);
  return std::string(made.json().at("id").as_string());
}

// The meeting's first member starts a case (incident unless said otherwise) at `meeting` (a
// path); every other member takes their place in it with their account; everyone is connected.
LiveMeeting case_with_everyone(const ServerProcess& server, const Group& group,
                               const std::string& meeting, const std::string& method = "incident") {
  const auto started = group.members.front().post(meeting + "/cases", {{"method", method}});
  if (started.status != 201)
    throw std::runtime_error("start a case: " + started.body);
  const std::string session(started.json().at("session_id").as_string());
  EXPECT_EQ(started.json().at("join_code").as_string().size(), 6u) << "a code to join by typing";
  std::vector<Member> places;
  places.push_back(Member{group.members.front().display_name(),
                          id_of(started.json().at("participant_id")),
                          std::string(started.json().at("token").as_string()), nullptr});
  for (std::size_t i = 1; i < group.members.size(); ++i) {
    const auto joined = group.members[i].post(meeting + "/cases/" + session + "/participants");
    if (joined.status != 201)
      throw std::runtime_error("take a place: " + joined.body);
    places.push_back(Member{group.members[i].display_name(),
                            id_of(joined.json().at("participant_id")),
                            std::string(joined.json().at("token").as_string()), nullptr});
  }
  LiveMeeting live{LiveMeeting::MadeElsewhere{}, server.port(), session, std::move(places)};
  live.connect_all();
  return live;
}

TEST(Groups, JoiningIsVoluntaryAndTheGroundRulesAreAcceptedExplicitly) {
  ServerProcess server;
  Group group = make_group(server, {"Fenna"});
  const std::string token = invite(group.named(0), group.id);

  const auto preview = http_get(server.port(), "/api/invitations/" + token);
  ASSERT_EQ(preview.status, 200u) << preview.body;
  EXPECT_EQ(preview.json().at("group").at("name"), "Dinsdaggroep");
  EXPECT_EQ(preview.json().at("ground_rules").at("keys").as_array().size(), 9u);
  EXPECT_EQ(preview.json().at("conditions").as_array().size(), 6u);
  EXPECT_EQ(preview.json().at("invited_by"), "Fenna");

  AccountClient pieter = person(server, "Pieter");
  const auto without =
      pieter.post("/api/invitations/" + token + "/accept", {{"accept_ground_rules", false}});
  EXPECT_EQ(without.status, 422u);
  EXPECT_EQ(code_of(without), "ground_rules_not_accepted");
  EXPECT_EQ(pieter.get("/api/groups/" + group.id).status, 404u);

  const auto accepted =
      pieter.post("/api/invitations/" + token + "/accept", {{"accept_ground_rules", true}});
  ASSERT_EQ(accepted.status, 200u) << accepted.body;
  const auto members = accepted.json().at("members").as_array();
  ASSERT_EQ(members.size(), 2u);
  EXPECT_GE(members.at(1).at("rules_accepted_at").as_int64(), now_ms() - 60'000);

  AccountClient anna = person(server, "Anna");
  const auto again =
      anna.post("/api/invitations/" + token + "/accept", {{"accept_ground_rules", true}});
  EXPECT_EQ(code_of(again), "invitation_used") << "an invitation is single-use";
  EXPECT_EQ(http_get(server.port(), "/api/invitations/" + token).status, 409u);
  EXPECT_EQ(http_get(server.port(), "/api/invitations/geraden").status, 404u);
}

TEST(Groups, ARevokedInvitationCannotBeUsed) {
  ServerProcess server;
  Group group = make_group(server, {"Fenna"});
  const auto made =
      group.named(0).post("/api/groups/" + group.id + "/invitations", {{"expires_in_days", 3}});
  ASSERT_EQ(made.status, 201u);
  const std::string token(made.json().at("token").as_string());
  const std::string id(made.json().at("invitation_id").as_string());
  EXPECT_LE(made.json().at("expires_at").as_int64(), now_ms() + 3 * day_ms + 60'000);
  EXPECT_EQ(group.named(0).del("/api/groups/" + group.id + "/invitations/" + id).status, 200u);
  AccountClient pieter = person(server, "Pieter");
  EXPECT_EQ(code_of(pieter.post("/api/invitations/" + token + "/accept",
                                {{"accept_ground_rules", true}})),
            "invitation_revoked");
  EXPECT_EQ(code_of(group.named(0).post("/api/groups/" + group.id + "/invitations",
                                        {{"expires_in_days", 31}})),
            "bad_value");
}

TEST(Groups, NeverMoreThanEightAndASmallGroupIsToldSo) {
  ServerProcess server;
  Group group = make_group(server, {"Fenna", "Pieter", "Anna", "Bram"});
  EXPECT_EQ(group.named(0).get("/api/groups/" + group.id).json().at("notice"), "small_group");
  const std::string spare = invite(group.named(0), group.id);
  for (const char* name : {"Carla", "Daan", "Eva", "Gijs"}) {
    AccountClient member = person(server, name);
    ASSERT_EQ(member
                  .post("/api/invitations/" + invite(group.named(0), group.id) + "/accept",
                        {{"accept_ground_rules", true}})
                  .status,
              200u);
    group.members.push_back(std::move(member));
  }
  const auto full = group.named(0).get("/api/groups/" + group.id).json();
  EXPECT_EQ(full.at("member_count"), 8);
  EXPECT_TRUE(full.at("notice").is_null());
  const auto ninth = group.named(1).post("/api/groups/" + group.id + "/invitations");
  EXPECT_EQ(ninth.status, 409u);
  EXPECT_EQ(code_of(ninth), "group_full");
  AccountClient late = person(server, "Hanna");
  const auto refused =
      late.post("/api/invitations/" + spare + "/accept", {{"accept_ground_rules", true}});
  EXPECT_EQ(code_of(refused), "group_full") << "an invitation made before the group filled up";
}

TEST(Groups, MembersMayLeaveAtAnyTime) {
  ServerProcess server;
  Group group = make_group(server, {"Fenna", "Pieter"});
  EXPECT_EQ(group.named(1).post("/api/groups/" + group.id + "/leave").status, 200u);
  EXPECT_EQ(group.named(1).get("/api/groups/" + group.id).status, 404u);
  EXPECT_EQ(group.named(0).get("/api/groups/" + group.id).json().at("member_count"), 1);
  EXPECT_EQ(group.named(1).get("/api/me").json().at("groups").as_array().size(), 0u);
}

TEST(Groups, TheSecondToCancelArrangesTheNewDate) {
  ServerProcess server;
  Group group = make_group(server, {"Fenna", "Pieter", "Anna", "Bram", "Carla"});
  const std::string meeting = schedule(group.named(0), group.id, now_ms() + 14 * day_ms);
  const std::string at = "/api/meetings/" + meeting;
  for (std::size_t i = 1; i < 5; ++i)
    ASSERT_EQ(group.named(i).post(at + "/signup").status, 200u);
  const auto first = group.named(1).post(at + "/cancel", {{"reason", "ouderavond"}});
  ASSERT_EQ(first.status, 200u) << first.body;
  EXPECT_EQ(first.json().at("status"), "scheduled");
  const std::uint64_t sequence_before = first.json().at("sequence").as_int64();

  const auto second = group.named(2).post(at + "/cancel");
  ASSERT_EQ(second.status, 200u);
  EXPECT_EQ(second.json().at("status"), "needs_new_date");
  EXPECT_EQ(second.json().at("rescheduler").at("display_name"), "Anna");
  EXPECT_TRUE(second.json().at("you_arrange_new_date").as_bool());

  const std::vector<std::int64_t> dates{now_ms() + 21 * day_ms, now_ms() + 22 * day_ms};
  const auto not_hers =
      group.named(3).post(at + "/proposals", {{"dates", json::value_from(dates)}});
  EXPECT_EQ(not_hers.status, 403u);
  EXPECT_EQ(code_of(not_hers), "not_rescheduler");
  ASSERT_EQ(group.named(2).post(at + "/proposals", {{"dates", json::value_from(dates)}}).status,
            200u);
  for (std::size_t i : {0u, 1u, 3u})
    ASSERT_EQ(group.named(i).post(at + "/answers", {{"suits", json::array{false, true}}}).status,
              200u);
  EXPECT_EQ(code_of(group.named(4).post(at + "/answers", {{"suits", json::array{true}}})),
            "bad_answers");
  const auto proposal = group.named(2).get(at).json().at("proposal");
  EXPECT_EQ(proposal.at("dates").at(1).at("suits").as_array().size(), 3u);

  const auto chosen = group.named(2).post(at + "/choice", {{"index", 1}});
  ASSERT_EQ(chosen.status, 200u) << chosen.body;
  EXPECT_EQ(chosen.json().at("status"), "scheduled");
  EXPECT_EQ(chosen.json().at("starts_at"), dates[1]);
  EXPECT_EQ(chosen.json().at("cancellations").as_array().size(), 0u);
  EXPECT_EQ(chosen.json().at("signed_up").as_array().size(), 3u)
      << "those for whom the chosen date suits are signed up";
  EXPECT_GT(chosen.json().at("sequence").as_int64(), static_cast<std::int64_t>(sequence_before));

  const auto ics = group.named(1).get(at + "/calendar.ics");
  ASSERT_EQ(ics.status, 200u);
  EXPECT_NE(ics.header("Content-Type").find("text/calendar"), std::string::npos);
  EXPECT_NE(ics.body.find("UID:meeting-" + meeting + "@intervisie"), std::string::npos);
  EXPECT_NE(ics.body.find("SEQUENCE:" + std::to_string(chosen.json().at("sequence").as_int64())),
            std::string::npos)
      << ics.body;
}

TEST(Groups, WithdrawingTheSecondCancellationKeepsTheDate) {
  ServerProcess server;
  Group group = make_group(server, {"Fenna", "Pieter", "Anna"});
  const std::string at =
      "/api/meetings/" + schedule(group.named(0), group.id, now_ms() + 7 * day_ms);
  ASSERT_EQ(group.named(1).post(at + "/cancel").status, 200u);
  ASSERT_EQ(group.named(2).post(at + "/cancel").json().at("status"), "needs_new_date");
  const auto back = group.named(2).post(at + "/signup");
  ASSERT_EQ(back.status, 200u) << back.body;
  EXPECT_EQ(back.json().at("status"), "scheduled");
  EXPECT_TRUE(back.json().at("rescheduler").is_null());
  EXPECT_EQ(back.json().at("yours"), "signed_up");
}

TEST(Groups, BadInputIsRefusedAndChangesNothing) {
  ServerProcess server;
  Group group = make_group(server, {"Fenna", "Pieter"});
  const std::string meetings = "/api/groups/" + group.id + "/meetings";
  EXPECT_EQ(
      code_of(group.named(0).post(
          meetings, {{"starts_at", now_ms() - day_ms}, {"minutes", 90}, {"place", "Lokaal 12"}})),
      "in_the_past");
  EXPECT_EQ(
      code_of(group.named(0).post(meetings, {{"starts_at", now_ms() + day_ms}, {"minutes", 90}})),
      "no_place");
  EXPECT_EQ(code_of(group.named(0).post(meetings, {{"starts_at", now_ms() + day_ms},
                                                   {"minutes", 90},
                                                   {"video_link", "javascript:alert(1)"}})),
            "bad_link");
  EXPECT_EQ(code_of(group.named(0).post(meetings, {{"starts_at", "morgen"}, {"minutes", 90}})),
            "wrong_type");
  EXPECT_EQ(
      code_of(group.named(0).post(
          meetings,
          {{"starts_at", now_ms() + day_ms}, {"minutes", 90}, {"place", "x"}, {"plaats", "y"}})),
      "unknown_field");
  EXPECT_EQ(group.named(0).get("/api/groups/" + group.id).json().at("meetings").as_array().size(),
            0u);
  EXPECT_EQ(code_of(group.named(0).post("/api/groups", {{"name", ""}})), "empty_text");
  // Routes that take no fields refuse any, and do nothing.
  const std::string meeting = schedule(group.named(0), group.id, now_ms() + 7 * day_ms);
  EXPECT_EQ(code_of(group.named(1).post("/api/groups/" + group.id + "/leave", {{"x", 1}})),
            "unknown_field");
  EXPECT_EQ(code_of(group.named(1).post("/api/meetings/" + meeting + "/signup", {{"x", 1}})),
            "unknown_field");
  EXPECT_EQ(code_of(group.named(1).post("/api/meetings/" + meeting + "/call-off", {{"x", 1}})),
            "unknown_field");
  const auto still = group.named(1).get("/api/meetings/" + meeting);
  ASSERT_EQ(still.status, 200u) << "Pieter is still a member";
  EXPECT_EQ(still.json().at("status"), "scheduled");
  EXPECT_EQ(still.json().at("yours"), "none");
}

// Calling a meeting off is for whoever scheduled it or facilitates it; the others are refused.
// The view tells each member whether it is theirs, so the app offers it only then.
TEST(Groups, OnlyTheSchedulerOrFacilitatorCallsAMeetingOff) {
  ServerProcess server;
  Group group = make_group(server, {"Fenna", "Pieter", "Anna"});
  const std::string m =
      "/api/meetings/" + schedule(group.named(0), group.id, now_ms() + 7 * day_ms);
  EXPECT_TRUE(group.named(0).get(m).json().at("you_may_call_off").as_bool());
  EXPECT_FALSE(group.named(1).get(m).json().at("you_may_call_off").as_bool());

  const auto refused = group.named(1).post(m + "/call-off");
  EXPECT_EQ(refused.status, 403u) << refused.body;
  EXPECT_EQ(code_of(refused), "not_scheduler_or_facilitator");
  EXPECT_FALSE(refused.json().at("message_nl").as_string().empty());
  EXPECT_EQ(group.named(1).get(m).json().at("status"), "scheduled") << "a refusal changes nothing";

  ASSERT_EQ(
      group.named(1).post(m + "/facilitator", {{"member", group.named(2).account_id()}}).status,
      200u);
  EXPECT_TRUE(group.named(2).get(m).json().at("you_may_call_off").as_bool());
  EXPECT_EQ(code_of(group.named(1).post(m + "/call-off")), "not_scheduler_or_facilitator");
  const auto called_off = group.named(2).post(m + "/call-off");
  ASSERT_EQ(called_off.status, 200u) << called_off.body;
  EXPECT_EQ(called_off.json().at("status"), "called_off");
}

TEST(Groups, TheCalendarFeedFollowsEveryMeetingOfYourGroups) {
  ServerProcess server;
  Group group = make_group(server, {"Fenna", "Pieter"});
  const std::string meeting = schedule(group.named(0), group.id, now_ms() + 7 * day_ms);
  const std::string url(group.named(1).get("/api/me").json().at("calendar_feed_url").as_string());
  const std::string path = url.substr(url.find("/api/calendar/"));
  const auto feed = http_get(server.port(), path);
  ASSERT_EQ(feed.status, 200u) << path;
  EXPECT_NE(feed.body.find("UID:meeting-" + meeting + "@intervisie"), std::string::npos);
  ASSERT_EQ(group.named(0).post("/api/meetings/" + meeting + "/call-off").status, 200u);
  const auto after = http_get(server.port(), path);
  EXPECT_NE(after.body.find("STATUS:CANCELLED"), std::string::npos) << after.body;
  std::string forged = path;
  forged[forged.size() - 5] = forged[forged.size() - 5] == 'a' ? 'b' : 'a';
  EXPECT_EQ(http_get(server.port(), forged).status, 404u);
}

// A feed link that leaked (it carries the video-call links) can be made useless: by hand, and by
// logging out everywhere.
TEST(Groups, TheCalendarFeedLinkIsRenewedByHandAndByLoggingOutEverywhere) {
  ServerProcess server;
  Group group = make_group(server, {"Fenna", "Pieter"});
  schedule(group.named(0), group.id, now_ms() + 7 * day_ms);
  auto path_of = [](const std::string& url) { return url.substr(url.find("/api/calendar/")); };
  const std::string first = path_of(
      std::string(group.named(1).get("/api/me").json().at("calendar_feed_url").as_string()));
  ASSERT_EQ(http_get(server.port(), first).status, 200u);

  const auto renewed = group.named(1).post("/api/me/calendar-feed");
  ASSERT_EQ(renewed.status, 200u) << renewed.body;
  const std::string second =
      path_of(std::string(renewed.json().at("calendar_feed_url").as_string()));
  EXPECT_NE(second, first);
  EXPECT_EQ(http_get(server.port(), first).status, 404u) << "the old link no longer works";
  EXPECT_EQ(http_get(server.port(), second).status, 200u);
  EXPECT_EQ(path_of(std::string(
                group.named(1).get("/api/me").json().at("calendar_feed_url").as_string())),
            second);

  ASSERT_EQ(group.named(1).post("/api/logout", {{"everywhere", true}}).status, 200u);
  EXPECT_EQ(http_get(server.port(), second).status, 404u) << "everywhere includes the feed";
}

// Deleting an account ends the places it held in live sessions: its tokens open nothing any more
// (also after a restart), and the screen that was open is told so.
TEST(Groups, ADeletedAccountsPlacesInLiveSessionsEnd) {
  ServerProcess server;
  Group group = make_group(server, {"Fenna", "Pieter", "Anna"});
  const std::string meeting = schedule(group.named(0), group.id, now_ms() + 10 * 60 * 1000);
  LiveMeeting live = case_with_everyone(server, group, "/api/meetings/" + meeting);
  Member& anna = live.named("Anna");
  const std::string report = "/api/sessions/" + live.session_id + "/report";
  auto report_status = [&](const std::string& token) {
    return http_request(server.port(), "GET", report, {}, {{"Authorization", "Bearer " + token}})
        .status;
  };
  ASSERT_EQ(report_status(anna.token), 403u) << "her token is known (the record is not hers)";

  const auto deleted = group.named(2).del("/api/me", {{"password", password}});
  ASSERT_EQ(deleted.status, 200u) << deleted.body;
  const Json ended = anna.ws->wait_for(
      [](const Json& message) { return field(message, "code") == Json("place_ended"); },
      "place_ended on her open screen");
  EXPECT_TRUE(field(ended, "id").is_null());
  EXPECT_TRUE(anna.ws->wait_closed().has_value());
  EXPECT_EQ(report_status(anna.token), 401u);
  EXPECT_EQ(WsClient::open(server.port(), live_target(live.session_id, anna.token)).error().status,
            401u);
  EXPECT_EQ(report_status(live.named("Pieter").token), 403u) << "the others' places stay";

  server.kill();
  server.restart();
  EXPECT_EQ(report_status(anna.token), 401u) << "also after a restart";
}

TEST(Groups, GroupsSurviveAKill) {
  ServerProcess server;
  Group group = make_group(server, {"Fenna", "Pieter"});
  const std::string meeting = schedule(group.named(0), group.id, now_ms() + 7 * day_ms);
  ASSERT_EQ(
      group.named(1).post("/api/meetings/" + meeting + "/cancel", {{"reason", "ziek"}}).status,
      200u);
  server.kill(9);
  server.restart();
  for (AccountClient& member : group.members)
    member.set_port(server.port());
  const auto view = group.named(0).get("/api/meetings/" + meeting);
  ASSERT_EQ(view.status, 200u) << view.body;
  EXPECT_EQ(view.json().at("cancellations").at(0).at("reason"), "ziek");
}

// Every route × (a member, a member of another group, someone logged out): exactly the right
// answer, and nothing of the group in the body of a refusal.
TEST(Groups, OnlyMembersSeeAnythingOfAGroup) {
  ServerProcess server;
  Group group = make_group(server, {"Fenna", "Pieter"});
  Group other = make_group(server, {"Olga"});
  const std::string meeting = schedule(group.named(0), group.id, now_ms() + 7 * day_ms);
  AccountClient logged_out{server.port()};
  const std::string g = "/api/groups/" + group.id;
  const std::string m = "/api/meetings/" + meeting;
  struct Route {
    std::string method;
    std::string target;
    json::object body;
    unsigned member; // what a member gets
  };
  const std::vector<Route> routes{
      {"GET", g, {}, 200},
      {"POST", g + "/invitations", {}, 201},
      {"POST",
       g + "/meetings",
       {{"starts_at", now_ms() + 9 * day_ms}, {"minutes", 60}, {"place", "Kamer 3"}},
       201},
      {"GET", g + "/cases/onbekend/report", {}, 404},
      {"GET", m, {}, 200},
      {"GET", m + "/calendar.ics", {}, 200},
      {"POST", m + "/signup", {}, 200},
      {"POST", m + "/cancel", {{"reason", "druk"}}, 200},
      {"POST", m + "/proposals", {{"dates", json::array{now_ms() + 10 * day_ms}}}, 409},
      {"POST", m + "/answers", {{"suits", json::array{true}}}, 409},
      {"POST", m + "/choice", {{"index", 0}}, 409},
      {"POST", m + "/facilitator", {{"member", group.named(1).account_id()}}, 200},
      {"POST", m + "/cases", {{"method", "incident"}}, 409},
      {"POST", m + "/follow-ups", {{"session_id", "onbekend"}}, 404},
      {"POST", m + "/cases/onbekend/participants", {}, 404},
      {"POST", m + "/call-off", {}, 200}, // Pieter facilitates it now
      {"DELETE", g + "/invitations/onbekend", {}, 404},
      {"POST", g + "/leave", {}, 200},
  };
  for (const Route& route : routes) {
    const std::string what = route.method + " " + route.target;
    const std::string body = route.method == "GET" ? "" : json::serialize(route.body);
    const auto stranger = other.named(0).send(route.method, route.target, body,
                                              {{"X-CSRF-Token", other.named(0).csrf_token()}});
    EXPECT_EQ(stranger.status, 404u) << what << ": " << stranger.body;
    EXPECT_EQ(stranger.body.find("Dinsdaggroep"), std::string::npos) << what;
    const auto nobody = logged_out.send(route.method, route.target, body, {});
    EXPECT_EQ(nobody.status, 401u) << what << ": " << nobody.body;
    // Pieter is the member who acts; Fenna stays, so the group lives on after "leave".
    const auto member = group.named(1).send(route.method, route.target, body,
                                            {{"X-CSRF-Token", group.named(1).csrf_token()}});
    EXPECT_EQ(member.status, route.member) << what << ": " << member.body;
  }
}

// A member joins the case's live session with their account; once Pieter's issue is chosen,
// the group knows he presented; only he may read the case, the others see that it was treated.
TEST(Groups, OnlyThePresenterReadsTheirCase) {
  ServerProcess server;
  Group group = make_group(server, {"Fenna", "Pieter", "Anna"});
  const std::string meeting = schedule(group.named(0), group.id, now_ms() + 10 * 60 * 1000);
  const std::string m = "/api/meetings/" + meeting;
  LiveMeeting live = case_with_everyone(server, group, m);
  const std::string& session = live.session_id;
  incident_until_question_rounds(live);

  const auto seen_by_anna = group.named(2).get("/api/groups/" + group.id).json();
  const auto& treated = seen_by_anna.at("cases").at(0);
  EXPECT_EQ(treated.at("presenter").at("display_name"), "Pieter");
  EXPECT_EQ(treated.at("method"), "incident");
  EXPECT_FALSE(treated.at("mine").as_bool());
  EXPECT_EQ(json::serialize(seen_by_anna).find("nee zeggen"), std::string::npos)
      << "the case's content reached someone else";
  const std::string report = "/api/groups/" + group.id + "/cases/" + session + "/report";
  EXPECT_EQ(code_of(group.named(2).get(report)), "not_presenter");
  EXPECT_EQ(code_of(group.named(0).get(report)), "not_presenter");
  const auto own = group.named(1).get(report);
  EXPECT_EQ(own.status, 409u) << own.body; // his: ready once the session has ended
  EXPECT_EQ(code_of(own), "session_not_finished");
  EXPECT_EQ(group.named(1).get("/api/groups/" + group.id).json().at("cases").at(0).at("mine"),
            true);
  const auto share = group.named(1).get("/api/groups/" + group.id).json().at("participation");
  EXPECT_EQ(share.as_array().size(), 3u);
}

// Whether a case is live: the meeting and group views say so while its session runs, so the
// pages can offer members their place; once the session has finished, no longer.
TEST(Groups, ACaseIsLiveUntilItsSessionHasFinished) {
  ServerProcess server;
  Group group = make_group(server, {"Fenna", "Pieter", "Anna", "Bram", "Carla"});
  const std::string meeting =
      "/api/meetings/" + schedule(group.named(0), group.id, now_ms() + 10 * 60 * 1000);
  EXPECT_TRUE(group.named(2).get(meeting).json().at("cases").as_array().empty());
  LiveMeeting m = case_with_everyone(server, group, meeting, "fresh-questioning");
  auto is_live = [&](const std::string& path) {
    return group.named(2).get(path).json().at("cases").at(0).at("live").as_bool();
  };
  EXPECT_TRUE(is_live(meeting)) << "in the lobby, members can still take their place";
  EXPECT_TRUE(is_live("/api/groups/" + group.id));

  Member& fenna = m.named("Fenna");
  Member& pieter = m.named("Pieter");
  m.ok(fenna, command("assign_presenter", {{"participant", pieter.id}}));
  m.ok(fenna, command("assign_scribe", {{"participant", m.named("Anna").id}}));
  m.ok(fenna, command("start"));
  EXPECT_TRUE(is_live(meeting));
  m.ok(pieter, command("set_statement", {{"text", "Ik heb er last van dat ik altijd ja zeg."}}));
  m.ok(fenna, command("next_step"));
  const std::vector<std::uint32_t> order = turn_order(m);
  for (const std::uint32_t asker : order) {
    m.ok(m.by_id(asker), command("ask_question", {{"text", "Wat gebeurt er als je nee zegt?"}}));
    m.ok(pieter, command("rate_question", {{"rating", "warm"}}));
  }
  for (const std::uint32_t adviser : order)
    m.ok(m.by_id(adviser), command("pass"));
  m.ok(fenna, command("next_step"));
  m.ok(m.named("Bram"), command("add_observation", {{"text", "Veel vragen over zijn team."}}));
  m.ok(fenna, command("next_step", {{"confirm", true}}));
  m.ok(pieter, command("reflect", {{"text", "Het gaat over mijn team."}}));
  m.wait_everyone_has(m.ok(fenna, command("next_step")));
  ASSERT_EQ(field(m.state(fenna), "finished"), Json(true));

  EXPECT_FALSE(is_live(meeting));
  EXPECT_FALSE(is_live("/api/groups/" + group.id));
}

// A Fresh Questioning case with Pieter presenting, from its lobby to its end; the texts carry
// `tag`, so a test can look for them afterwards.
void fresh_questioning_case(LiveMeeting& m, const std::string& tag) {
  Member& fenna = m.named("Fenna");
  Member& pieter = m.named("Pieter");
  m.ok(fenna, command("assign_presenter", {{"participant", pieter.id}}));
  m.ok(fenna, command("assign_scribe", {{"participant", m.named("Anna").id}}));
  m.ok(fenna, command("start"));
  m.ok(pieter, command("set_statement", {{"text", "Ik zeg altijd ja " + tag}}));
  m.ok(fenna, command("next_step"));
  const std::vector<std::uint32_t> order = turn_order(m);
  for (const std::uint32_t asker : order) {
    m.ok(m.by_id(asker), command("ask_question", {{"text", "Wat gebeurt er " + tag + "?"}}));
    m.ok(pieter, command("rate_question", {{"rating", "warm"}}));
  }
  for (const std::uint32_t adviser : order)
    m.ok(m.by_id(adviser), command("pass"));
  m.ok(fenna, command("next_step"));
  m.ok(m.named("Bram"), command("add_observation", {{"text", "Veel vragen " + tag}}));
  m.ok(fenna, command("next_step", {{"confirm", true}}));
  m.ok(pieter, command("reflect", {{"text", "Het gaat over mijn team " + tag}}));
  m.wait_everyone_has(m.ok(fenna, command("next_step")));
}

TEST(Groups, AMemberChoosesHowLongTheGroupKeepsItsCases) {
  ServerProcess server{{"--retention-days", "45"}};
  Group group = make_group(server, {"Fenna", "Pieter"});
  const std::string path = "/api/groups/" + group.id;
  const auto before = group.named(1).get(path).json();
  EXPECT_EQ(before.at("retention_days"), 45);
  EXPECT_EQ(before.at("retention_is_default"), true);

  const auto chosen = group.named(1).post(path + "/retention", {{"days", 14}});
  ASSERT_EQ(chosen.status, 200u) << chosen.body;
  EXPECT_EQ(chosen.json().at("retention_days"), 14);
  EXPECT_EQ(chosen.json().at("retention_is_default"), false);
  for (const auto& [days, code] : std::vector<std::pair<json::value, std::string>>{
           {0, "bad_value"}, {366, "bad_value"}, {"14", "wrong_type"}, {2.5, "wrong_type"}}) {
    const auto refused = group.named(0).post(path + "/retention", {{"days", days}});
    EXPECT_EQ(refused.status, 400u) << json::serialize(days);
    EXPECT_EQ(code_of(refused), code) << refused.body;
  }
  EXPECT_EQ(group.named(0).get(path).json().at("retention_days"), 14) << "refusals change nothing";

  const auto back = group.named(0).post(path + "/retention", {{"days", nullptr}});
  ASSERT_EQ(back.status, 200u) << back.body;
  EXPECT_EQ(back.json().at("retention_days"), 45);
  EXPECT_EQ(back.json().at("retention_is_default"), true);

  AccountClient outsider = person(server, "Olga");
  EXPECT_EQ(outsider.post(path + "/retention", {{"days", 7}}).status, 404u);
}

TEST(Groups, ThePresenterForgetsTheirCaseAndOnlyTheFactsStay) {
  ServerProcess server;
  Group group = make_group(server, {"Fenna", "Pieter", "Anna", "Bram", "Carla"});
  const std::string meeting =
      "/api/meetings/" + schedule(group.named(0), group.id, now_ms() + 10 * 60 * 1000);
  LiveMeeting m = case_with_everyone(server, group, meeting, "fresh-questioning");
  fresh_questioning_case(m, "KANARIE-groep");
  const std::string session = m.session_id;
  const std::string report = "/api/groups/" + group.id + "/cases/" + session + "/report";
  const std::string content = "/api/groups/" + group.id + "/cases/" + session + "/content";
  const auto record = group.named(1).get(report);
  ASSERT_EQ(record.status, 200u) << record.body;
  EXPECT_GT(record.json().at("kept_until").as_int64(), record.json().at("finished_at").as_int64());

  EXPECT_EQ(code_of(group.named(2).del(content)), "not_presenter");
  const auto forgotten = group.named(1).del(content);
  ASSERT_EQ(forgotten.status, 200u) << forgotten.body;
  EXPECT_EQ(forgotten.json().at("erased"), true);
  const auto gone = group.named(1).get(report);
  EXPECT_EQ(gone.status, 410u) << gone.body;
  EXPECT_EQ(code_of(gone), "case_erased");

  const auto view = group.named(2).get("/api/groups/" + group.id).json();
  const auto& treated = view.at("cases").at(0);
  EXPECT_EQ(treated.at("erased"), true);
  EXPECT_EQ(treated.at("method"), "fresh-questioning") << "the facts stay";
  EXPECT_EQ(treated.at("presenter").at("display_name"), "Pieter");
  server.kill();
  server.restart();
  group.named(1).set_port(server.port());
  EXPECT_EQ(group.named(1).get(report).status, 410u) << "also after a restart";
}

TEST(Groups, DeletingAnAccountErasesTheCaseItPresentedWhole) {
  ServerProcess server;
  Group group = make_group(server, {"Fenna", "Pieter", "Anna", "Bram", "Carla"});
  const std::string meeting =
      "/api/meetings/" + schedule(group.named(0), group.id, now_ms() + 10 * 60 * 1000);
  LiveMeeting m = case_with_everyone(server, group, meeting, "fresh-questioning");
  fresh_questioning_case(m, "van Pieter");
  const std::string report = "/api/sessions/" + m.session_id + "/report";
  const std::string pieter_token = m.named("Pieter").token;
  ASSERT_EQ(
      http_request(server.port(), "GET", report, {}, {{"Authorization", "Bearer " + pieter_token}})
          .status,
      200u);

  ASSERT_EQ(group.named(1).del("/api/me", {{"password", password}}).status, 200u);
  EXPECT_EQ(
      http_request(server.port(), "GET", report, {}, {{"Authorization", "Bearer " + pieter_token}})
          .status,
      410u);
  const auto view = group.named(0).get("/api/groups/" + group.id).json();
  EXPECT_EQ(view.at("cases").at(0).at("erased"), true);
  EXPECT_EQ(json::serialize(view).find("van Pieter"), std::string::npos);
}

TEST(Groups, DeletingAnAccountTakesItsNameAndWordsOutOfOthersCases) {
  ServerProcess server;
  Group group = make_group(server, {"Fenna", "Pieter", "Anna", "Bram"});
  const std::string meeting = schedule(group.named(0), group.id, now_ms() + 10 * 60 * 1000);
  LiveMeeting live = case_with_everyone(server, group, "/api/meetings/" + meeting);
  Member& pieter = live.named("Pieter");
  incident_until_question_rounds(live);
  for (const std::uint32_t asker : turn_order(live)) {
    Member& who = live.by_id(asker);
    live.ok(who, command("ask_question", {{"text", "Wat doe jij dan? KANARIE-" + who.name}}));
    live.ok(pieter, command("answer_question"));
  }
  const std::string before = json::serialize(live.state(pieter));
  ASSERT_NE(before.find("KANARIE-Anna"), std::string::npos);

  ASSERT_EQ(group.named(2).del("/api/me", {{"password", password}}).status, 200u);
  EXPECT_TRUE(pieter.ws->wait_closed().has_value()) << "the others' screens reload";
  auto check = [&](const std::string& when) {
    const Json state = live.state(pieter);
    const std::string seen = json::serialize(state);
    EXPECT_EQ(seen.find("KANARIE-Anna"), std::string::npos) << when << ": her words are gone";
    EXPECT_NE(seen.find("KANARIE-Bram"), std::string::npos) << when << ": the others' stay";
    EXPECT_EQ(seen.find("\"Anna\""), std::string::npos) << when << ": her name is gone";
    EXPECT_NE(seen.find("oud-lid"), std::string::npos) << when;
  };
  check("at once");
  for (const char* name : {"Fenna", "Pieter", "Bram"})
    live.connect(live.named(name));
  live.ok(live.named("Fenna"), command("next_step", {{"confirm", true}}));
  check("as the meeting goes on");

  server.kill();
  server.restart();
  live.port = server.port();
  check("after a restart");
}

TEST(Groups, NoPersonalTextOfAGroupReachesAFileInClear) {
  ServerProcess server;
  AccountClient fenna = person(server, "Fenna");
  const auto created = fenna.post(
      "/api/groups", {{"name", "KANARIE-groepsnaam"}, {"own_rules", {"KANARIE-eigen-regel"}}});
  ASSERT_EQ(created.status, 201u) << created.body;
  Group group{std::string(created.json().at("id").as_string()), {}};
  group.members.push_back(std::move(fenna));
  for (const char* name : {"Pieter", "Anna"}) {
    AccountClient member = person(server, name);
    ASSERT_EQ(member
                  .post("/api/invitations/" + invite(group.named(0), group.id) + "/accept",
                        {{"accept_ground_rules", true}})
                  .status,
              200u);
    group.members.push_back(std::move(member));
  }
  const auto made = group.named(0).post("/api/groups/" + group.id + "/meetings",
                                        {{"starts_at", now_ms() + 10 * 60 * 1000},
                                         {"minutes", 120},
                                         {"place", "KANARIE-plaats"},
                                         {"video_link", "https://meet.example/KANARIE-videolink"}});
  ASSERT_EQ(made.status, 201u) << made.body;
  const std::string first = "/api/meetings/" + std::string(made.json().at("id").as_string());
  const std::string next =
      "/api/meetings/" + schedule(group.named(0), group.id, now_ms() + 14 * day_ms);
  ASSERT_EQ(group.named(1).post(next + "/cancel", {{"reason", "KANARIE-reden"}}).status, 200u);
  LiveMeeting live = case_with_everyone(server, group, first);
  incident_until_question_rounds(live);
  ASSERT_EQ(group.named(2).get(next).json().at("follow_ups_due").as_array().size(), 1u);
  ASSERT_EQ(
      group.named(2).post(next + "/facilitator", {{"member", group.named(2).account_id()}}).status,
      200u);
  ASSERT_EQ(group.named(2)
                .post(next + "/follow-ups",
                      {{"session_id", live.session_id}, {"note", "KANARIE-terugblik"}})
                .status,
            200u);
  EXPECT_NE(group.named(1).get("/api/groups/" + group.id).body.find("KANARIE-terugblik"),
            std::string::npos)
      << "the presenter reads the note";

  auto look = [&] {
    for (const auto& entry : std::filesystem::recursive_directory_iterator(server.data_dir())) {
      if (!entry.is_regular_file())
        continue;
      std::ifstream in{entry.path(), std::ios::binary};
      const std::string bytes{std::istreambuf_iterator<char>{in}, {}};
      const auto found = bytes.find("KANARIE-");
      EXPECT_EQ(found, std::string::npos) << entry.path() << " holds " << bytes.substr(found, 24);
    }
  };
  look();
  EXPECT_EQ(server.stop(), 0);
  look();
}

// A member whose phone died takes their place again from another device with their account:
// the account is the proof, so nobody has to vouch for it, and the old device is closed.
TEST(Groups, AMemberTakesBackTheirOwnSeatAtOnceOnAnotherDevice) {
  ServerProcess server;
  Group group = make_group(server, {"Fenna", "Pieter", "Anna"});
  const std::string meeting = schedule(group.named(0), group.id, now_ms() + 10 * 60 * 1000);
  const std::string m = "/api/meetings/" + meeting;
  LiveMeeting live = case_with_everyone(server, group, m);
  Member& anna = live.named("Anna");
  const auto again = group.named(2).post(m + "/cases/" + live.session_id + "/participants");
  ASSERT_EQ(again.status, 201u) << again.body;
  EXPECT_EQ(id_of(again.json().at("participant_id")), anna.id) << "the same place";
  const Json moved = anna.ws->wait_for(
      [](const Json& message) { return field(message, "code") == Json("seat_moved"); },
      "seat_moved on the old device");
  EXPECT_TRUE(field(moved, "id").is_null());
  Member phone{"Anna", anna.id, std::string(again.json().at("token").as_string()), nullptr};
  live.connect(phone);
  EXPECT_EQ(live.ok(phone, command("raise_disturbance", {{"text", "Terug."}})) > 0, true);
}

// An outsider with the case's join link can neither take a member's place nor block it: a
// member's name is theirs, and so is the place they sat in.
TEST(Groups, AMembersNameAndPlaceInACaseAreReachedOnlyByLoggingIn) {
  ServerProcess server;
  Group group = make_group(server, {"Fenna", "Pieter", "Anna"});
  const std::string meeting = schedule(group.named(0), group.id, now_ms() + 10 * 60 * 1000);
  const std::string m = "/api/meetings/" + meeting;
  const auto started = group.named(0).post(m + "/cases", {{"method", "incident"}});
  ASSERT_EQ(started.status, 201u) << started.body;
  const std::string session(started.json().at("session_id").as_string());
  const std::string join_token(started.json().at("join_token").as_string());
  auto join = [&](const std::string& name, bool claim = false) {
    return http_post(server.port(), "/api/sessions/" + session + "/participants",
                     boost::json::serialize(boost::json::object{
                         {"join_token", join_token}, {"name", name}, {"claim", claim}}));
  };
  for (const std::string name : {"Anna", "anna", "\xD0\x90nna", "Pieter"}) {
    const auto refused = join(name);
    EXPECT_EQ(refused.status, 409u) << name << ": " << refused.body;
    EXPECT_EQ(field(refused.json(), "code"), Json("member_name")) << name;
  }
  EXPECT_EQ(field(join("Anna", true).json(), "code"), Json("member_name")) << "not by a claim";
  const auto guest = join("Kees");
  ASSERT_EQ(guest.status, 201u) << "a guest of the group joins as ever: " << guest.body;

  const auto anna = group.named(2).post(m + "/cases/" + session + "/participants");
  ASSERT_EQ(anna.status, 201u) << "Anna's own place is hers: " << anna.body;
  auto ask_return = [&](const Json& participant) {
    return http_post(server.port(), "/api/sessions/" + session + "/returns",
                     boost::json::serialize(boost::json::object{{"join_token", join_token},
                                                                {"participant", participant}}));
  };
  const auto for_anna = ask_return(anna.json().at("participant_id"));
  EXPECT_EQ(for_anna.status, 409u) << for_anna.body;
  EXPECT_EQ(field(for_anna.json(), "code"), Json("member_place"));
  EXPECT_EQ(ask_return(guest.json().at("participant_id")).status, 202u)
      << "a guest's place is asked for as ever";
}

TEST(Groups, AnInvitationShowsTheGroundRulesFirstAndIsUsedOnce) {
  ServerProcess server;
  Group group = make_group(server, {"Fenna"});
  const std::string token = invite(group.named(0), group.id);
  AccountClient anyone{server.port()};
  const auto preview = anyone.get("/api/invitations/" + token);
  ASSERT_EQ(preview.status, 200u) << preview.body;
  EXPECT_EQ(preview.json().at("invited_by"), "Fenna");
  EXPECT_GT(preview.json().at("ground_rules").at("keys").as_array().size(), 5u);
  EXPECT_FALSE(preview.json().at("conditions").as_array().empty());

  AccountClient pieter = person(server, "Pieter");
  EXPECT_EQ(code_of(pieter.post("/api/invitations/" + token + "/accept",
                                {{"accept_ground_rules", false}})),
            "ground_rules_not_accepted");
  EXPECT_EQ(code_of(pieter.post("/api/invitations/" + token + "/accept")), "missing_field");
  ASSERT_EQ(
      pieter.post("/api/invitations/" + token + "/accept", {{"accept_ground_rules", true}}).status,
      200u);
  AccountClient anna = person(server, "Anna");
  const auto again =
      anna.post("/api/invitations/" + token + "/accept", {{"accept_ground_rules", true}});
  EXPECT_EQ(again.status, 409u);
  EXPECT_EQ(code_of(again), "invitation_used");
  EXPECT_EQ(code_of(anyone.get("/api/invitations/" + token)), "invitation_used");
  EXPECT_EQ(code_of(anyone.get("/api/invitations/niet-bestaand")), "invitation_unknown");
}

TEST(Groups, AfterAMoveTheCountOfCancellationsStartsAgain) {
  ServerProcess server;
  Group group = make_group(server, {"Fenna", "Pieter", "Anna", "Bram"});
  const std::string at =
      "/api/meetings/" + schedule(group.named(0), group.id, now_ms() + 7 * day_ms);
  ASSERT_EQ(group.named(1).post(at + "/cancel").status, 200u);
  ASSERT_EQ(group.named(2).post(at + "/cancel").json().at("status"), "needs_new_date");
  ASSERT_EQ(group.named(2)
                .post(at + "/proposals", {{"dates", json::array{now_ms() + 9 * day_ms}}})
                .status,
            200u);
  ASSERT_EQ(group.named(2).post(at + "/choice", {{"index", 0}}).json().at("status"), "scheduled");

  const auto first_again = group.named(3).post(at + "/cancel");
  EXPECT_EQ(first_again.json().at("status"), "scheduled")
      << "the cancellations of the old date do not count for the new one";
  const auto second_again = group.named(0).post(at + "/cancel", {{"reason", "bruiloft"}});
  EXPECT_EQ(second_again.json().at("status"), "needs_new_date");
  EXPECT_EQ(second_again.json().at("rescheduler").at("display_name"), "Fenna");
}

TEST(Groups, WhenTheReschedulerLeavesTheNextCancellerTakesOver) {
  ServerProcess server;
  Group group = make_group(server, {"Fenna", "Pieter", "Anna", "Bram", "Carla"});
  const std::string at =
      "/api/meetings/" + schedule(group.named(0), group.id, now_ms() + 7 * day_ms);
  for (std::size_t i : {1u, 2u, 3u})
    ASSERT_EQ(group.named(i).post(at + "/cancel").status, 200u);
  ASSERT_EQ(group.named(0).get(at).json().at("rescheduler").at("display_name"), "Anna");
  ASSERT_EQ(group.named(2).post("/api/groups/" + group.id + "/leave").status, 200u);
  const auto after = group.named(3).get(at);
  EXPECT_EQ(after.json().at("status"), "needs_new_date");
  EXPECT_EQ(after.json().at("rescheduler").at("display_name"), "Bram");
  EXPECT_TRUE(after.json().at("you_arrange_new_date").as_bool());

  // Bram withdraws: one cancellation is left, so the date stands again.
  const auto back = group.named(3).post(at + "/signup");
  EXPECT_EQ(back.json().at("status"), "scheduled");
  EXPECT_TRUE(back.json().at("rescheduler").is_null());
}

TEST(Groups, TheRotationSuggestsEveryoneInTurn) {
  ServerProcess server;
  Group group = make_group(server, {"Fenna", "Pieter", "Anna"});
  std::vector<std::string> chosen;
  for (int week = 1; week <= 4; ++week) {
    const std::string at =
        "/api/meetings/" + schedule(group.named(0), group.id, now_ms() + week * 7 * day_ms);
    for (std::size_t i : {1u, 2u})
      ASSERT_EQ(group.named(i).post(at + "/signup").status, 200u);
    const auto view = group.named(1).get(at).json();
    const std::string suggested(view.at("suggested_facilitator").at("id").as_string());
    chosen.emplace_back(view.at("suggested_facilitator").at("display_name").as_string());
    const auto set = group.named(1).post(at + "/facilitator", {{"member", suggested}});
    ASSERT_EQ(set.status, 200u) << set.body;
    EXPECT_EQ(set.json().at("facilitator").at("display_name").as_string(), chosen.back());
  }
  EXPECT_EQ(chosen, (std::vector<std::string>{"Fenna", "Pieter", "Anna", "Fenna"}));
  const auto share = group.named(0).get("/api/groups/" + group.id).json().at("participation");
  EXPECT_EQ(share.at(0).at("meetings_facilitated"), 0)
      << "participation counts meetings held; the rotation also counts those planned";
}

// Pieter presents at one meeting; at the next, its facilitator holds the follow-up round and
// the note reaches Pieter alone.
TEST(Groups, TheNextMeetingOffersTheFollowUpRound) {
  ServerProcess server;
  Group group = make_group(server, {"Fenna", "Pieter", "Anna"});
  const std::string first =
      "/api/meetings/" + schedule(group.named(0), group.id, now_ms() + 10 * 60 * 1000);
  const std::string next =
      "/api/meetings/" + schedule(group.named(0), group.id, now_ms() + 14 * day_ms);
  LiveMeeting live = case_with_everyone(server, group, first);
  const std::string& session = live.session_id;
  incident_until_question_rounds(live);

  const auto due = group.named(2).get(next).json().at("follow_ups_due");
  ASSERT_EQ(due.as_array().size(), 1u) << due;
  EXPECT_EQ(due.at(0).at("presenter").at("display_name"), "Pieter");
  ASSERT_EQ(
      group.named(2).post(next + "/facilitator", {{"member", group.named(2).account_id()}}).status,
      200u);
  EXPECT_EQ(code_of(group.named(0).post(next + "/follow-ups", {{"session_id", session}})),
            "not_facilitator");
  EXPECT_EQ(code_of(group.named(2).post(first + "/follow-ups", {{"session_id", session}})),
            "follow_up_not_due")
      << "the round belongs to the next meeting, not to the case's own";
  const auto done = group.named(2).post(next + "/follow-ups",
                                        {{"session_id", session}, {"note", "Hij zegt vaker nee."}});
  ASSERT_EQ(done.status, 200u) << done.body;
  EXPECT_TRUE(group.named(2).get(next).json().at("follow_ups_due").as_array().empty());
  EXPECT_EQ(code_of(group.named(2).post(next + "/follow-ups", {{"session_id", session}})),
            "follow_up_already_recorded");

  const auto pieters = group.named(1).get("/api/groups/" + group.id).json().at("cases").at(0);
  EXPECT_EQ(pieters.at("follow_up").at("note"), "Hij zegt vaker nee.");
  const auto annas = group.named(2).get("/api/groups/" + group.id).json().at("cases").at(0);
  EXPECT_FALSE(annas.at("follow_up").as_object().contains("note"));
}

// A path that is no route is nobody's: the same 404 for a member, a member of another group
// and someone logged out. (GET /api/groups/{id}/cases once read its path past the end.) Any
// path under /api/calendar is a calendar link, and one that is not valid says so.
TEST(Groups, APathThatIsNoRouteIsNotFoundForEveryone) {
  ServerProcess server;
  Group group = make_group(server, {"Fenna", "Pieter"});
  Group other = make_group(server, {"Olga"});
  AccountClient logged_out{server.port()};
  const std::string g = "/api/groups/" + group.id;
  const std::string m = "/api/meetings/" + schedule(group.named(0), group.id, now_ms() + day_ms);
  struct Path {
    std::string method;
    std::string target;
  };
  for (const Path& path : std::vector<Path>{{"GET", g + "/cases"},
                                            {"GET", g + "/cases/onbekend"},
                                            {"GET", g + "/cases/onbekend/report/meer"},
                                            {"PUT", g},
                                            {"GET", g + "/leave"},
                                            {"GET", "/api/groups"},
                                            {"POST", m + "/onbekend"},
                                            {"POST", m + "/signup/meer"},
                                            {"DELETE", m}}) {
    const std::string what = path.method + " " + path.target;
    for (const AccountClient* who : {&group.named(1), &other.named(0), &logged_out}) {
      const auto answer =
          who->send(path.method, path.target, "{}", {{"X-CSRF-Token", who->csrf_token()}});
      EXPECT_EQ(answer.status, 404u) << what << ": " << answer.body;
      EXPECT_EQ(code_of(answer), "not_found") << what;
    }
  }
  for (const std::string target : {"/api/calendar/x", "/api/calendar/x/y.txt", "/api/calendar"}) {
    const auto answer = logged_out.get(target);
    EXPECT_EQ(answer.status, 404u) << target;
    EXPECT_EQ(code_of(answer), "feed_unknown") << target;
  }
}

// A group's case is refused as POST /api/sessions refuses it: a title the engine does not
// take is 422 title_too_long, not a 503 as if the store had failed; and nothing is started.
TEST(Groups, ACaseTheEngineRefusesIsRefusedWithTheEnginesReason) {
  ServerProcess server;
  Group group = make_group(server, {"Fenna", "Pieter"});
  const std::string m =
      "/api/meetings/" + schedule(group.named(0), group.id, now_ms() + 10 * 60 * 1000);
  const auto refused =
      group.named(0).post(m + "/cases", {{"method", "incident"}, {"title", std::string(201, 'x')}});
  EXPECT_EQ(refused.status, 422u) << refused.body;
  EXPECT_EQ(code_of(refused), "title_too_long");
  EXPECT_TRUE(group.named(0).get(m).json().at("cases").as_array().empty());
  const auto unknown = group.named(0).post(m + "/cases", {{"method", "improvisatie"}});
  EXPECT_EQ(unknown.status, 422u);
  EXPECT_EQ(code_of(unknown), "unknown_method");
}

// Someone the facilitator added by name, without a device, is a member: logging in, they take
// that place, not a second one under the same name.
TEST(Groups, AMemberAddedByNameTakesThatPlaceByLoggingIn) {
  ServerProcess server;
  Group group = make_group(server, {"Fenna", "Pieter", "Anna"});
  const std::string m =
      "/api/meetings/" + schedule(group.named(0), group.id, now_ms() + 10 * 60 * 1000);
  const auto started = group.named(0).post(m + "/cases", {{"method", "incident"}});
  ASSERT_EQ(started.status, 201u) << started.body;
  const std::string session(started.json().at("session_id").as_string());
  std::vector<Member> places;
  places.push_back(Member{"Fenna", id_of(started.json().at("participant_id")),
                          std::string(started.json().at("token").as_string()), nullptr});
  LiveMeeting live{LiveMeeting::MadeElsewhere{}, server.port(), session, std::move(places)};
  live.connect_all();
  live.ok(live.facilitator(), command("add_participant", {{"name", "Anna"}}));
  std::uint32_t added = 0;
  const Json before = live.state(live.facilitator());
  for (const Json& participant : field(before, "participants").as_array())
    if (field(participant, "name") == Json("Anna"))
      added = id_of(field(participant, "id"));
  ASSERT_NE(added, 0u);

  const auto anna = group.named(2).post(m + "/cases/" + session + "/participants");
  ASSERT_EQ(anna.status, 201u) << anna.body;
  EXPECT_EQ(id_of(anna.json().at("participant_id")), added) << "the place made for her";
  std::size_t annas = 0;
  const Json after = live.state(live.facilitator());
  for (const Json& participant : field(after, "participants").as_array())
    annas += field(participant, "name") == Json("Anna") ? 1 : 0;
  EXPECT_EQ(annas, 1u);
}

} // namespace
} // namespace intervisie::server::testing
