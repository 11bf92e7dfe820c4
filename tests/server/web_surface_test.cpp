// SPDX-License-Identifier: EUPL-1.2
// What the web app needs from the server besides the live protocol: the shared screen's
// read-only connection, the presenter's record, the join QR code and the app's own files.
#include "server/http/qr_svg.hpp"
#include "server/http/static_site.hpp"
#include "support/live_meeting.hpp"
#include "support/server_process.hpp"

#include <boost/json.hpp>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

namespace intervisie::server::testing {
namespace {

const std::vector<std::string> six = {"Fenna", "Pieter", "Anna", "Bram", "Carla", "Daan"};

HttpResponse report_for(const LiveMeeting& m, const std::string& token,
                        const std::string& query = "") {
  return http_request(m.port, "GET", "/api/sessions/" + m.session_id + "/report" + query, {},
                      {{"Authorization", "Bearer " + token}});
}

std::string header(const HttpResponse& response, std::string_view name) {
  for (const auto& [key, value] : response.headers)
    if (std::equal(key.begin(), key.end(), name.begin(), name.end(),
                   [](char a, char b) { return std::tolower(a) == std::tolower(b); }))
      return value;
  return {};
}

// A finished incident session with Pieter as the presenter, who declined one question.
void run_short_incident(LiveMeeting& m) {
  Member& fenna = m.named("Fenna");
  Member& pieter = m.named("Pieter");
  m.ok(fenna, command("start"));
  m.ok(pieter, command("propose_issue", {{"text", "Ik zeg te vaak ja."}}));
  m.ok(fenna, command("choose_issue", {{"candidate", 1}}));
  m.ok(fenna, command("next_step"));
  m.ok(pieter, command("set_statement", {{"text", "Hoe zeg ik vaker nee?"}}));
  m.ok(fenna, command("next_step", {{"confirm", true}}));
  const std::vector<std::uint32_t> order = turn_order(m);
  m.ok(m.by_id(order[0]), command("ask_question", {{"text", "Wanneer zeg je ja?"}}));
  m.ok(pieter, command("answer_question", {{"note", "Vooral op vrijdag."}}));
  m.ok(m.by_id(order[1]), command("ask_question", {{"text", "Wat kost het je?"}}));
  m.ok(pieter, command("decline_question"));
  m.ok(fenna, command("next_step", {{"confirm", true}})); // into the gossip round
  m.ok(fenna, command("next_step", {{"confirm", true}})); // into the reframe
  m.ok(pieter, command("keep_statement"));
  m.ok(fenna, command("next_step"));                      // straight to the advice
  m.ok(fenna, command("next_step", {{"confirm", true}})); // into the reaction
  m.ok(pieter, command("react", {{"tomorrow", "Eén keer nee zeggen."},
                                 {"think_over", "Waarom het zo moeilijk is."}}));
  m.ok(fenna, command("next_step")); // into the closing round
  m.ok(fenna, command("next_step", {{"confirm", true}}));
}

TEST(SharedScreen, SeesTheSessionLiveButIsNobodyAndCannotAct) {
  ServerProcess server;
  LiveMeeting m(server.port(), "incident", six);
  m.connect(m.facilitator());
  auto beamer = WsClient::connect(m.port, live_target(m.session_id, m.beamer_token));
  const Json snapshot =
      beamer->wait_for([](const Json& message) { return type_of(message) == "snapshot"; },
                       "the shared screen's snapshot");
  EXPECT_EQ(field(field(field(snapshot, "state"), "you"), "id"), Json(0));
  EXPECT_TRUE(field(field(field(snapshot, "state"), "you"), "roles").as_array().empty());

  const Json refused = beamer->command(command("raise_disturbance", {{"text", "x"}}));
  EXPECT_EQ(field(refused, "code"), Json("read_only"));

  const std::uint64_t started = m.ok(m.facilitator(), command("start"));
  beamer->wait_seq(started);
  // The shared screen is not a person: presence lists participants only.
  EXPECT_EQ(field(m.state(m.facilitator()), "connected"), boost::json::parse("[1]"));
  for (const Json& message : m.facilitator().ws->received())
    if (type_of(message) == "presence") {
      EXPECT_EQ(field(message, "connected"), boost::json::parse("[1]"));
    }
}

// The web app shows the state; it does not fold events. It asks for a snapshot after each change.
TEST(SnapshotStream, EveryChangeBringsAFreshViewBeforeTheAck) {
  ServerProcess server;
  LiveMeeting m(server.port(), "incident", six);
  auto fenna = WsClient::connect(m.port, live_target(m.session_id, m.facilitator().token, 0) +
                                             "&stream=snapshots");
  const Json first = fenna->wait_for(
      [](const Json& message) { return type_of(message) == "snapshot"; }, "the first snapshot");
  EXPECT_EQ(field(field(first, "state"), "phase"), Json("lobby")) << "since is ignored";

  const Json ack = fenna->command(command("start"));
  ASSERT_EQ(type_of(ack), "ack") << boost::json::serialize(ack);
  const std::vector<Json>& received = fenna->received();
  const auto ack_at = std::ranges::find(received, ack);
  ASSERT_NE(ack_at, received.begin());
  const Json& before_ack = *(ack_at - 1);
  EXPECT_EQ(type_of(before_ack), "snapshot");
  EXPECT_EQ(field(before_ack, "seq"), field(ack, "seq"));
  EXPECT_EQ(field(field(before_ack, "state"), "phase"), Json("running"));

  EXPECT_EQ(
      http_get(m.port, live_target(m.session_id, m.facilitator().token) + "&stream=all").status,
      426u)
      << "without an upgrade it is never a live connection";
  const auto refused =
      WsClient::open(m.port, live_target(m.session_id, m.facilitator().token) + "&stream=all");
  ASSERT_FALSE(refused.has_value());
  EXPECT_EQ(refused.error().status, 400u);
}

TEST(SnapshotStream, TheReframeStepSaysWhereEachChoiceLeads) {
  ServerProcess server;
  LiveMeeting m(server.port(), "incident", six);
  m.connect_all();
  Member& fenna = m.named("Fenna");
  m.ok(fenna, command("start"));
  m.ok(m.named("Pieter"), command("propose_issue", {{"text", "Ik zeg te vaak ja."}}));
  m.ok(fenna, command("choose_issue", {{"candidate", 1}}));
  m.ok(fenna, command("next_step"));
  m.ok(m.named("Pieter"), command("set_statement", {{"text", "Hoe zeg ik vaker nee?"}}));
  for (int i = 0; i < 3; ++i)
    m.ok(fenna, command("next_step", {{"confirm", true}}));
  const Json step = field(m.state(fenna), "step");
  EXPECT_EQ(field(step, "kind"), Json("reframe"));
  EXPECT_EQ(field(step, "branches"),
            boost::json::parse(R"({"on_reframe":"new-question-rounds","on_keep":"advice"})"));
}

TEST(PresenterRecord, OnlyThePresenterOpensItAndOnlyWhenTheSessionHasEnded) {
  ServerProcess server;
  LiveMeeting m(server.port(), "incident", six);
  m.connect_all();
  EXPECT_EQ(report_for(m, m.facilitator().token).status, 403u);
  EXPECT_EQ(report_for(m, "1.wrong").status, 401u);

  m.ok(m.facilitator(), command("start"));
  m.ok(m.named("Pieter"), command("propose_issue", {{"text", "Ik zeg te vaak ja."}}));
  m.ok(m.facilitator(), command("choose_issue", {{"candidate", 1}}));
  const HttpResponse early = report_for(m, m.named("Pieter").token);
  EXPECT_EQ(early.status, 409u) << early.body;
  EXPECT_NE(early.body.find("session_not_finished"), std::string::npos);
}

TEST(PresenterRecord, HoldsTheCaseAsThePresenterLivedItInDutchOrEnglish) {
  ServerProcess server;
  LiveMeeting m(server.port(), "incident", six);
  m.connect_all();
  run_short_incident(m);

  const HttpResponse record = report_for(m, m.named("Pieter").token);
  ASSERT_EQ(record.status, 200u) << record.body;
  const Json json = record.json();
  EXPECT_EQ(field(json, "statements"), boost::json::parse(R"(["Hoe zeg ik vaker nee?"])"));
  const auto& questions = field(json, "questions").as_array();
  ASSERT_EQ(questions.size(), 2u);
  EXPECT_EQ(field(questions[0], "answer_note"), Json("Vooral op vrijdag."));
  EXPECT_EQ(field(questions[1], "outcome"), Json("declined"));
  const std::string markdown(field(json, "markdown").as_string());
  EXPECT_NE(markdown.find("# Dinsdaggroep"), std::string::npos) << markdown;
  EXPECT_NE(markdown.find("Hoe zeg ik vaker nee?"), std::string::npos) << markdown;
  EXPECT_NE(markdown.find("Eén keer nee zeggen."), std::string::npos) << markdown;
  EXPECT_NE(markdown.find("grens"), std::string::npos) << markdown;

  const HttpResponse english = report_for(m, m.named("Pieter").token, "?lang=en");
  EXPECT_NE(english.body.find("What you will do tomorrow"), std::string::npos) << english.body;
  // Everyone else, the shared screen included, gets nothing.
  for (const Member& member : m.members)
    if (member.name != "Pieter") {
      EXPECT_EQ(report_for(m, member.token).status, 403u) << member.name;
    }
  EXPECT_EQ(report_for(m, m.beamer_token).status, 403u);
}

TEST(JoinQrCode, IsAnSvgOfTheTextWithAQuietZone) {
  const auto svg = qr_svg("http://192.168.1.20:8080/join/abc#def");
  ASSERT_TRUE(svg.has_value()) << svg.error();
  EXPECT_TRUE(svg->starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 "));
  EXPECT_NE(svg->find("M4 4h7"), std::string::npos) << "the finder pattern starts after 4 modules";
  EXPECT_FALSE(qr_svg("").has_value());
  EXPECT_FALSE(qr_svg(std::string(max_qr_text_bytes + 1, 'a')).has_value());
}

TEST(JoinQrCode, IsServedAsAnImage) {
  ServerProcess server;
  const HttpResponse qr =
      http_get(server.port(), "/api/qr.svg?text=http%3A%2F%2Fexample.org%2Fjoin");
  EXPECT_EQ(qr.status, 200u);
  EXPECT_EQ(header(qr, "Content-Type"), "image/svg+xml");
  EXPECT_EQ(http_get(server.port(), "/api/qr.svg").status, 400u);
}

class WebApp : public ::testing::Test {
protected:
  void SetUp() override {
    root_ = std::filesystem::temp_directory_path() /
            ("intervisie-web-" + std::to_string(::getpid()) + "-" +
             ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::create_directories(root_ / "assets");
    write("index.html", "<!doctype html><title>Intervisie</title>");
    write("assets/app-3f2a.js", "console.log('app')");
    write("assets/app-3f2a.js.gz", "GZ");
  }
  void TearDown() override { std::filesystem::remove_all(root_); }
  void write(const std::string& name, const std::string& text) {
    std::ofstream(root_ / name, std::ios::binary) << text;
  }
  std::filesystem::path root_;
};

TEST_F(WebApp, PagesOfTheAppAreIndexHtmlAndUnknownFilesAreNot) {
  auto site = StaticSite::load(root_);
  ASSERT_TRUE(site.has_value()) << site.error();
  EXPECT_EQ(site->find("/")->content, "<!doctype html><title>Intervisie</title>");
  EXPECT_EQ(site->find("/join/abc")->content, site->find("/")->content);
  EXPECT_EQ(site->find("/assets/app-3f2a.js")->gzipped, "GZ");
  EXPECT_TRUE(site->find("/assets/app-3f2a.js")->immutable);
  EXPECT_EQ(site->find("/assets/missing.js"), nullptr);
  EXPECT_EQ(site->find("/../secret.txt"), nullptr);
  EXPECT_FALSE(StaticSite::load(root_ / "assets").has_value()) << "no index.html there";
}

TEST_F(WebApp, NeverServesDotFilesOrWhatASymbolicLinkPointsTo) {
  write(".env", "SECRET=canary-env");
  std::filesystem::create_directories(root_ / ".git");
  write(".git/config", "canary-git");
  write("assets/.hidden.js", "canary-hidden");
  const auto outside = root_.parent_path() / (root_.filename().string() + "-outside.txt");
  std::ofstream(outside) << "canary-outside";
  std::filesystem::create_symlink(outside, root_ / "linked.txt");
  std::filesystem::create_directory_symlink(root_.parent_path(), root_ / "assets" / "up");
  auto site = StaticSite::load(root_);
  std::filesystem::remove(outside);
  ASSERT_TRUE(site.has_value()) << site.error();
  const std::string index = site->find("/")->content;
  for (const char* path : {"/.env", "/.git/config", "/assets/.hidden.js", "/linked.txt"}) {
    const auto* file = site->find(path);
    EXPECT_TRUE(file == nullptr || file->content == index) << path << " gives the app, not itself";
  }
  EXPECT_EQ(site->find("/assets/up/" + outside.filename().string()), nullptr);
}

TEST_F(WebApp, IsServedWithCachingThatFitsEachFile) {
  ServerProcess server({"--web-dir", root_.string()});
  const HttpResponse page = http_get(server.port(), "/beamer/abc");
  EXPECT_EQ(page.status, 200u);
  EXPECT_EQ(page.body, "<!doctype html><title>Intervisie</title>");
  EXPECT_EQ(header(page, "Cache-Control"), "no-cache");
  EXPECT_NE(header(page, "Content-Security-Policy").find("script-src 'self'"), std::string::npos);

  const HttpResponse asset = http_request(server.port(), "GET", "/assets/app-3f2a.js", {},
                                          {{"Accept-Encoding", "gzip, br"}});
  EXPECT_EQ(asset.body, "GZ");
  EXPECT_EQ(header(asset, "Content-Encoding"), "gzip");
  EXPECT_EQ(header(asset, "Cache-Control"), "public, max-age=31536000, immutable");
  EXPECT_EQ(http_get(server.port(), "/assets/app-3f2a.js").body, "console.log('app')");
  EXPECT_EQ(http_get(server.port(), "/api/nothing").status, 404u);
}

TEST(WebAppDirectory, WhenMissingStopsTheServerWithAReason) {
  EXPECT_THROW(ServerProcess({"--web-dir", "/nonexistent/intervisie-web"}), std::runtime_error);
}

} // namespace
} // namespace intervisie::server::testing
