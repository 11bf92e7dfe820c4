// SPDX-License-Identifier: EUPL-1.2
// The wording coach over HTTP (hints while typing) and in the live session (the facilitator
// sees which questions were flagged; nobody else does; the group can switch hints off).
#include "support/live_meeting.hpp"
#include "support/server_process.hpp"

#include <boost/json.hpp>
#include <gtest/gtest.h>

namespace intervisie::server::testing {
namespace {

const std::vector<std::string> six = {"Fenna", "Pieter", "Anna", "Bram", "Carla", "Daan"};

Json post_coach(std::uint16_t port, const boost::json::object& body, unsigned expected = 200) {
  const HttpResponse response = http_post(port, "/api/coach", boost::json::serialize(body));
  EXPECT_EQ(response.status, expected) << response.body;
  return boost::json::parse(response.body);
}

TEST(CoachRoute, AClosedQuestionWithHiddenAdviceGetsTwoHints) {
  ServerProcess server;
  const Json verdict =
      post_coach(server.port(), {{"kind", "question"},
                                 {"text", "Heb je al eens geprobeerd om het gewoon te zeggen?"}});
  EXPECT_EQ(field(field(verdict, "checks"), "question_form"), Json("closed"));
  EXPECT_EQ(field(field(verdict, "checks"), "hidden_advice"), Json(true));
  const auto& hints = field(verdict, "hints").as_array();
  ASSERT_EQ(hints.size(), 2u);
  EXPECT_EQ(field(hints[0], "check"), Json("question_form"));
  EXPECT_EQ(field(field(hints[0], "span"), "text"), Json("Heb je"));
  EXPECT_EQ(field(field(hints[0], "span"), "start"), Json(0));
  EXPECT_FALSE(field(field(hints[0], "reason"), "nl").as_string().empty());
  EXPECT_FALSE(field(field(hints[0], "suggestion"), "en").as_string().empty());
  EXPECT_EQ(field(hints[1], "triggers"), boost::json::parse(R"(["al eens geprobeerd","gewoon"])"));
}

TEST(CoachRoute, SpansCountAsABrowserCounts) {
  ServerProcess server;
  // "Één" is three characters but five bytes: the span must start where the browser sees it.
  const Json verdict =
      post_coach(server.port(), {{"kind", "question"}, {"text", "Één vraag: ben je boos?"}});
  const auto& hint = field(verdict, "hints").as_array().at(0);
  EXPECT_EQ(field(field(hint, "span"), "text"), Json("ben je"));
  EXPECT_EQ(field(field(hint, "span"), "start"), Json(11));
  EXPECT_EQ(field(field(hint, "span"), "end"), Json(17));
}

TEST(CoachRoute, TheBalintRoundsDoNotJudgeOpenOrClosed) {
  ServerProcess server;
  const Json verdict = post_coach(
      server.port(), {{"kind", "question"}, {"text", "Ben je boos?"}, {"open_questions", false}});
  EXPECT_FALSE(field(verdict, "checks").as_object().contains("question_form"));
  EXPECT_TRUE(field(verdict, "hints").as_array().empty());
}

TEST(CoachRoute, StatementsAndAdviceHaveTheirOwnChecks) {
  ServerProcess server;
  const Json statement =
      post_coach(server.port(), {{"kind", "statement"}, {"text", "Mijn collega komt te laat."}});
  EXPECT_EQ(field(field(statement, "checks"), "statement"), Json("about_someone_else"));
  const Json advice =
      post_coach(server.port(), {{"kind", "advice"}, {"text", "Ik zou haar bellen."}});
  EXPECT_EQ(field(field(advice, "checks"), "advice_opener"), Json("missing"));
  EXPECT_EQ(field(field(advice, "hints").as_array().at(0), "rewrite"),
            Json("Als ik in jouw schoenen stond, dan zou ik haar bellen."));
}

TEST(CoachRoute, BadInputGetsAClearError) {
  ServerProcess server;
  EXPECT_EQ(field(post_coach(server.port(), {{"kind", "poem"}, {"text", "x"}}, 400), "code"),
            Json("unknown_kind"));
  EXPECT_EQ(field(post_coach(server.port(), {{"text", "x"}}, 400), "code"), Json("missing_field"));
  EXPECT_EQ(field(post_coach(server.port(), {{"kind", "question"}, {"text", "x"}, {"x", 1}}, 400),
                  "code"),
            Json("unknown_field"));
  EXPECT_EQ(field(post_coach(server.port(),
                             {{"kind", "question"}, {"text", "x"}, {"open_questions", "no"}}, 400),
                  "code"),
            Json("wrong_type"));
  EXPECT_EQ(field(post_coach(server.port(),
                             {{"kind", "question"}, {"text", std::string(4001, 'a')}}, 422),
                  "code"),
            Json("text_too_long"));
  const HttpResponse broken =
      http_post(server.port(), "/api/coach", "{\"kind\":\"question\",\"text\":\"\\ud800\"}");
  EXPECT_NE(broken.status, 200u) << "a lone surrogate is no text";
}

// The facilitator's snapshot marks what the coach flags; the asker, the presenter and the
// shared screen see the question plain.
TEST(CoachInTheSession, OnlyTheFacilitatorSeesFlaggedQuestionsAndHintsCanBeSwitchedOff) {
  ServerProcess server;
  LiveMeeting m(server.port(), "incident", six);
  m.connect_all();
  Member& fenna = m.named("Fenna");
  Member& pieter = m.named("Pieter");
  incident_until_question_rounds(m);
  const std::vector<std::uint32_t> order = turn_order(m);
  ASSERT_EQ(order[0], fenna.id) << "the facilitator takes the first turn";
  m.ok(fenna, command("pass"));
  Member& asker = m.by_id(order[1]);
  m.ok(asker, command("ask_question", {{"text", "Waarom zeg je niet gewoon nee?"}}));
  m.ok(pieter, command("answer_question"));
  m.ok(m.by_id(order[2]), command("ask_question", {{"text", "Wat maakt nee zeggen moeilijk?"}}));

  auto questions_of = [&](const Member& who) {
    return field(field(m.state(who), "flip_chart"), "questions").as_array();
  };
  const auto seen_by_fenna = questions_of(fenna);
  ASSERT_EQ(seen_by_fenna.size(), 2u);
  const Json& mark = field(seen_by_fenna[0], "coach");
  EXPECT_EQ(field(field(mark, "checks"), "hidden_advice"), Json(true));
  EXPECT_FALSE(seen_by_fenna[1].as_object().contains("coach")) << "an open, neutral question";
  for (const Member* other : {&pieter, &asker})
    for (const Json& question : questions_of(*other))
      EXPECT_FALSE(question.as_object().contains("coach")) << other->name;
  EXPECT_EQ(field(m.state(fenna), "coach_hints"), Json(true));

  EXPECT_EQ(m.refused(asker, command("set_coach_hints", {{"on", false}})), "not_allowed_for_role");
  m.ok(fenna, command("set_coach_hints", {{"on", false}}));
  EXPECT_EQ(m.refused(fenna, command("set_coach_hints", {{"on", false}})), "setting_unchanged");
  EXPECT_EQ(field(m.state(asker), "coach_hints"), Json(false));
  for (const Json& question : questions_of(fenna))
    EXPECT_FALSE(question.as_object().contains("coach"));
}

} // namespace
} // namespace intervisie::server::testing
