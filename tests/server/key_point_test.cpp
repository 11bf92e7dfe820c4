// SPDX-License-Identifier: EUPL-1.2
// Key points over the wire, and the presenter's record that names every contribution's author.
#include "support/live_meeting.hpp"
#include "support/server_process.hpp"

#include <boost/json.hpp>
#include <gtest/gtest.h>

namespace intervisie::server::testing {
namespace {

HttpResponse report_for(const LiveMeeting& m, const std::string& token) {
  return http_request(m.port, "GET", "/api/sessions/" + m.session_id + "/report", {},
                      {{"Authorization", "Bearer " + token}});
}

TEST(KeyPoints, ASpokenQuestionAndAdviceGetTheirCoreAndTheRecordNamesEveryone) {
  ServerProcess server;
  LiveMeeting m(server.port(), "incident", {"Fenna", "Pieter", "Anna"});
  m.connect_all();
  Member& fenna = m.named("Fenna");
  Member& pieter = m.named("Pieter");
  Member& anna = m.named("Anna");
  incident_until_question_rounds(m);
  m.ok(fenna, command("ask_question", {{"text", ""}}));
  m.ok(pieter, command("answer_question"));
  m.ok(fenna, command("note_key_point", {{"question", 1}, {"text", "Wat ja zeggen je kost."}}));
  m.ok(anna, command("ask_question", {{"text", "Wanneer zeg je ja?"}}));
  m.ok(pieter, command("answer_question"));
  EXPECT_EQ(m.refused(anna, command("note_key_point", {{"question", 2}, {"text", "Wanneer."}})),
            "already_written");
  EXPECT_EQ(m.refused(anna, command("note_key_point", {{"text", "Niets."}})), "wrong_target");
  EXPECT_EQ(
      m.refused(anna, command("note_key_point", {{"question", 1}, {"advice", 1}, {"text", "x"}})),
      "wrong_target");
  const Json question = field(field(m.state(anna), "flip_chart"), "questions").as_array().front();
  EXPECT_EQ(field(question, "key_point"), Json("Wat ja zeggen je kost."));
  EXPECT_TRUE(field(question, "key_point_by").is_null());

  m.ok(fenna, command("next_step", {{"confirm", true}})); // gossip
  m.ok(anna, command("add_observation", {{"text", "Het werd stil bij thuis."}}));
  m.ok(fenna, command("next_step", {{"confirm", true}})); // reframe
  m.ok(pieter, command("keep_statement"));
  m.ok(fenna, command("next_step")); // advice
  m.ok(fenna, command("end_preparation"));
  m.ok(fenna, command("give_advice", {{"text", ""}}));
  m.ok(anna, command("give_advice", {{"text", ""}}));
  m.ok(pieter, command("note_key_point", {{"advice", 2}, {"text", "Bel haar morgen."}}));
  const Json advice = field(field(m.state(fenna), "flip_chart"), "advice").as_array().back();
  EXPECT_EQ(field(advice, "id"), Json(2));
  EXPECT_EQ(field(advice, "key_point"), Json("Bel haar morgen."));
  EXPECT_EQ(field(advice, "key_point_by"), Json(pieter.id));
  while (field(m.state(fenna), "phase") != Json("finished"))
    m.ok(fenna, command("next_step", {{"confirm", true}}));

  const HttpResponse report = report_for(m, pieter.token);
  ASSERT_EQ(report.status, 200u) << report.body;
  const Json record = report.json();
  const auto& questions = field(record, "questions").as_array();
  ASSERT_EQ(questions.size(), 2u);
  EXPECT_EQ(field(questions[0], "by"), Json("Fenna"));
  EXPECT_EQ(field(questions[0], "spoken"), Json(true));
  EXPECT_EQ(field(questions[0], "key_point"), Json("Wat ja zeggen je kost."));
  EXPECT_EQ(field(questions[1], "by"), Json("Anna"));
  EXPECT_EQ(field(questions[1], "spoken"), Json(false));
  EXPECT_TRUE(field(questions[1], "key_point").is_null());
  EXPECT_EQ(field(field(record, "observations").as_array().front(), "by"), Json("Anna"));
  const auto& given = field(record, "advice").as_array();
  ASSERT_EQ(given.size(), 2u);
  EXPECT_TRUE(field(given[0], "key_point").is_null());
  EXPECT_EQ(field(given[1], "key_point"), Json("Bel haar morgen."));
  const std::string markdown(field(record, "markdown").as_string());
  EXPECT_NE(markdown.find("Fenna (hardop): Wat ja zeggen je kost."), std::string::npos) << markdown;
  EXPECT_NE(markdown.find("Anna: Wanneer zeg je ja?"), std::string::npos) << markdown;
  EXPECT_NE(markdown.find("- Anna (hardop): Bel haar morgen."), std::string::npos) << markdown;
  EXPECT_NE(markdown.find("Ook hardop gegeven, zonder kern: Fenna"), std::string::npos) << markdown;
}

} // namespace
} // namespace intervisie::server::testing
