// SPDX-License-Identifier: EUPL-1.2
#include "core/method/method_parser.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <string_view>

namespace intervisie::core {
namespace {

using ::testing::HasSubstr;

// Method files are written here from parts, so each test shows only what it breaks.

std::string header(std::string_view has_scribe = "false") {
  return "id = \"sample\"\n"
         "has_scribe = " +
         std::string{has_scribe} +
         "\n"
         "name = { nl = \"Voorbeeld\", en = \"Sample\" }\n"
         "purpose = { nl = \"Om mee te testen.\", en = \"To test with.\" }\n";
}

std::string_view default_speakers(std::string_view kind) {
  if (kind == "inventory" || kind == "closing") {
    return R"(["everyone"])";
  }
  if (kind == "question_rounds") {
    return R"(["advisers", "presenter"])";
  }
  if (kind == "statement" || kind == "reframe" || kind == "presenter_reaction" ||
      kind == "presenter_reflection") {
    return R"(["presenter"])";
  }
  return R"(["advisers"])";
}

std::string_view default_listeners(std::string_view kind) {
  if (kind == "inventory" || kind == "closing" || kind == "question_rounds" ||
      kind == "written_advice") {
    return "[]";
  }
  if (kind == "statement" || kind == "reframe" || kind == "presenter_reaction" ||
      kind == "presenter_reflection") {
    return R"(["advisers"])";
  }
  return R"(["presenter"])";
}

std::string_view default_extra(std::string_view kind) {
  if (kind == "question_rounds") {
    return "answer_mode = \"answer\"\n";
  }
  return "";
}

std::string step(std::string_view id, std::string_view kind, std::string_view extra = {}) {
  return "\n[[steps]]\n"
         "id = \"" +
         std::string{id} + "\"\nkind = \"" + std::string{kind} +
         "\"\n"
         "minutes = 10\n"
         "speakers = " +
         std::string{default_speakers(kind)} +
         "\nlisteners = " + std::string{default_listeners(kind)} +
         "\n"
         "title = { nl = \"Titel\", en = \"Title\" }\n"
         "rule = { nl = \"Eén regel.\", en = \"One rule.\" }\n"
         "instruction = { nl = \"Uitleg. Nog meer uitleg.\", en = \"Explanation. More of it.\" "
         "}\n" +
         std::string{extra.empty() ? default_extra(kind) : extra};
}

// The incident method's shape: every kind of check has something to bite on.
std::string sample() {
  return header() + step("inventory", "inventory") + step("statement", "statement") +
         step("questions", "question_rounds") +
         step("gossip", "gossip", "presenter_reflects = true\n") +
         step("reframe", "reframe",
              "branches = { on_reframe = \"more-questions\", on_keep = \"advice\" }\n") +
         step("more-questions", "question_rounds") + step("advice", "advice") +
         step("reaction", "presenter_reaction") + step("closing", "closing");
}

// Position just after `id = "<step_id>"`, where that step's keys begin.
std::size_t step_start(const std::string& text, std::string_view step_id) {
  const std::size_t at = text.find("id = \"" + std::string{step_id} + "\"");
  EXPECT_NE(at, std::string::npos) << "no step " << step_id;
  return at == std::string::npos ? 0 : at;
}

// The text with the first `from` in step `step_id` (or anywhere, if empty) replaced.
std::string with(std::string text, std::string_view step_id, std::string_view from,
                 std::string_view to) {
  const std::size_t start = step_id.empty() ? 0 : step_start(text, step_id);
  const std::size_t at = text.find(from, start);
  EXPECT_NE(at, std::string::npos) << "no '" << from << "' in step " << step_id;
  if (at != std::string::npos) {
    text.replace(at, from.size(), to);
  }
  return text;
}

// 1-based line of the first `needle` in step `step_id` (or anywhere, if empty).
int line_of(const std::string& text, std::string_view step_id, std::string_view needle) {
  const std::size_t start = step_id.empty() ? 0 : step_start(text, step_id);
  const std::size_t at = text.find(needle, start);
  EXPECT_NE(at, std::string::npos) << "no '" << needle << "'";
  return 1 + static_cast<int>(std::count(text.begin(), text.begin() + static_cast<long>(at), '\n'));
}

// 1-based column of the first `needle` in step `step_id`.
int column_of(const std::string& text, std::string_view step_id, std::string_view needle) {
  const std::size_t at = text.find(needle, step_start(text, step_id));
  const std::size_t line_start = text.rfind('\n', at);
  return static_cast<int>(at - (line_start == std::string::npos ? 0 : line_start + 1)) + 1;
}

// The line of the [[steps]] header that opens step `step_id`.
int header_line_of(const std::string& text, std::string_view step_id) {
  const std::size_t at = text.rfind("[[steps]]", step_start(text, step_id));
  return 1 + static_cast<int>(std::count(text.begin(), text.begin() + static_cast<long>(at), '\n'));
}

MethodError refusal(const std::string& text) {
  auto parsed = parse_method(text, "sample.toml");
  EXPECT_FALSE(parsed.has_value()) << "the method was accepted";
  return parsed ? MethodError{} : parsed.error();
}

TEST(MethodParser, AcceptsAWellFormedMethod) {
  auto parsed = parse_method(sample(), "sample.toml");
  ASSERT_TRUE(parsed.has_value()) << parsed.error().describe();
  const Method& method = *parsed;
  EXPECT_EQ(method.id, "sample");
  EXPECT_EQ(method.name.nl, "Voorbeeld");
  EXPECT_EQ(method.purpose.en, "To test with.");
  ASSERT_EQ(method.steps.size(), 9U);
  EXPECT_EQ(method.steps[1].kind, StepKind::statement);
  EXPECT_EQ(method.steps[1].preparation_minutes, 0);
  EXPECT_EQ(method.steps[2].answer_mode, AnswerMode::answer);
  EXPECT_TRUE(method.steps[2].open_questions);
  EXPECT_FALSE(method.steps[2].scribe_records);
  EXPECT_TRUE(method.steps[3].presenter_reflects);
  ASSERT_TRUE(method.steps[4].branches.has_value());
  EXPECT_EQ(method.steps[4].branches->on_reframe, "more-questions");
  EXPECT_EQ(method.steps[4].branches->on_keep, "advice");
  EXPECT_EQ(method.steps[0].speakers, std::vector{Party::everyone});
  EXPECT_EQ(method.steps[3].listeners, std::vector{Party::presenter});
  EXPECT_EQ(method.total_minutes(), 90);
}

TEST(MethodParser, ReportsTheIdPosition) {
  auto parsed = parse_method_source(sample(), "sample.toml");
  ASSERT_TRUE(parsed.has_value());
  EXPECT_EQ(parsed->id_position.line, 1);
  EXPECT_EQ(parsed->id_position.column, 6);
}

TEST(MethodParser, TextIsTrimmed) {
  const std::string text = with(sample(), "gossip", "nl = \"Titel\"", "nl = \"  Titel \"");
  auto parsed = parse_method(text, "sample.toml");
  ASSERT_TRUE(parsed.has_value()) << parsed.error().describe();
  EXPECT_EQ(parsed->steps[3].title.nl, "Titel");
}

TEST(MethodParser, SyntaxErrorNamesTheLineAndColumn) {
  const std::string text = with(sample(), "gossip", "minutes = 10", "minutes = ");
  const MethodError error = refusal(text);
  EXPECT_EQ(error.source, "sample.toml");
  EXPECT_EQ(error.line, line_of(text, "gossip", "minutes = "));
  EXPECT_GT(error.column, 0);
}

TEST(MethodParser, MissingTopLevelKeyNamesTheKey) {
  const MethodError error = refusal(with(sample(), "", "purpose = ", "# purpose = "));
  EXPECT_EQ(error.line, 1);
  EXPECT_THAT(error.message, HasSubstr("'purpose' is missing"));
}

TEST(MethodParser, MissingStepKeyNamesTheStepHeaderLine) {
  const std::string text = with(sample(), "gossip", "rule = ", "# rule = ");
  const MethodError error = refusal(text);
  EXPECT_EQ(error.line, header_line_of(text, "gossip"));
  EXPECT_THAT(error.message, HasSubstr("step 4 ('gossip'): 'rule' is missing"));
}

TEST(MethodParser, MissingListenersSaysHowToWriteNobody) {
  const MethodError error = refusal(with(sample(), "advice", "listeners = ", "# listeners = "));
  EXPECT_THAT(error.message, HasSubstr("write [] when nobody only listens"));
}

TEST(MethodParser, UnknownTopLevelKeyNamesTheLineAndSuggests) {
  const std::string text = with(sample(), "", "has_scribe", "has_scrib");
  const MethodError error = refusal(text);
  EXPECT_EQ(error.line, line_of(text, "", "has_scrib"));
  EXPECT_THAT(error.message, HasSubstr("unknown key 'has_scrib'; did you mean 'has_scribe'?"));
}

TEST(MethodParser, UnknownStepKeyNamesTheLineAndSuggests) {
  const std::string text = with(sample(), "gossip", "presenter_reflects", "presenter_reflect");
  const MethodError error = refusal(text);
  EXPECT_EQ(error.line, line_of(text, "gossip", "presenter_reflect"));
  EXPECT_THAT(error.message, HasSubstr("step 4 ('gossip'): unknown key 'presenter_reflect'; did "
                                       "you mean 'presenter_reflects'?"));
}

TEST(MethodParser, UnknownKeyFarFromAnyListsTheKeys) {
  const std::string text = with(sample(), "advice", "minutes = 10", "minutes = 10\nvolume = 3");
  const MethodError error = refusal(text);
  EXPECT_EQ(error.line, line_of(text, "advice", "volume"));
  EXPECT_THAT(error.message, HasSubstr("unknown key 'volume'; expected one of: id, kind"));
}

TEST(MethodParser, UnknownLanguageNamesTheLine) {
  const std::string text =
      with(sample(), "gossip", "en = \"Title\"", "en = \"Title\", de = \"Titel\"");
  const MethodError error = refusal(text);
  EXPECT_EQ(error.line, line_of(text, "gossip", "de = "));
  EXPECT_THAT(error.message, HasSubstr("unknown key 'title.de'"));
}

TEST(MethodParser, MisspeltLanguageIsReportedOnceWithASuggestion) {
  const std::string text = with(sample(), "gossip", "en = \"One rule.\"", "eng = \"One rule.\"");
  const MethodError error = refusal(text);
  EXPECT_EQ(error.line, line_of(text, "gossip", "rule = "));
  EXPECT_THAT(error.message, HasSubstr("unknown key 'rule.eng'; did you mean 'en'?"));
}

TEST(MethodParser, MissingLanguageNamesTheText) {
  const std::string text = with(sample(), "gossip", ", en = \"One rule.\"", "");
  const MethodError error = refusal(text);
  EXPECT_EQ(error.line, line_of(text, "gossip", "rule = "));
  EXPECT_THAT(error.message, HasSubstr("step 4 ('gossip'): 'rule.en' is missing"));
}

TEST(MethodParser, WrongTypeNamesTheLineAndBothTypes) {
  const std::string text = with(sample(), "gossip", "minutes = 10", "minutes = \"ten\"");
  const MethodError error = refusal(text);
  EXPECT_EQ(error.line, line_of(text, "gossip", "minutes = "));
  EXPECT_THAT(error.message,
              HasSubstr("'minutes' must be a whole number of minutes, not a string"));
}

TEST(MethodParser, WrongTypeOfFlagNamesTheLine) {
  const std::string text = with(sample(), "", "has_scribe = false", "has_scribe = \"no\"");
  const MethodError error = refusal(text);
  EXPECT_EQ(error.line, 2);
  EXPECT_THAT(error.message, HasSubstr("'has_scribe' must be true or false, not a string"));
}

TEST(MethodParser, TextThatIsNotATableIsRefused) {
  const std::string text =
      with(sample(), "", "name = { nl = \"Voorbeeld\", en = \"Sample\" }", "name = \"Sample\"");
  const MethodError error = refusal(text);
  EXPECT_EQ(error.line, 3);
  EXPECT_THAT(error.message, HasSubstr("'name' must be a table with 'nl' and 'en'"));
}

TEST(MethodParser, UnknownStepKindNamesTheLine) {
  const std::string text = with(sample(), "gossip", "kind = \"gossip\"", "kind = \"gosip\"");
  const MethodError error = refusal(text);
  EXPECT_EQ(error.line, line_of(text, "gossip", "kind = "));
  EXPECT_EQ(error.column, 8);
  EXPECT_THAT(error.message, HasSubstr("unknown step kind 'gosip'; did you mean 'gossip'?"));
}

TEST(MethodParser, UnknownStepKindFarFromAnyListsTheKinds) {
  const MethodError error =
      refusal(with(sample(), "gossip", "kind = \"gossip\"", "kind = \"chat\""));
  EXPECT_THAT(error.message, HasSubstr("expected one of: inventory, statement, question_rounds"));
}

TEST(MethodParser, UnknownPartyNamesTheLine) {
  const std::string text =
      with(sample(), "gossip", "speakers = [\"advisers\"]", "speakers = [\n  \"adviser\",\n]");
  const MethodError error = refusal(text);
  EXPECT_EQ(error.line, line_of(text, "gossip", "\"adviser\","));
  EXPECT_THAT(error.message, HasSubstr("unknown party 'adviser' in 'speakers'; did you mean "
                                       "'advisers'?"));
}

TEST(MethodParser, UnknownAnswerModeNamesTheLine) {
  const std::string text = with(sample(), "questions", "\"answer\"", "\"reply\"");
  const MethodError error = refusal(text);
  EXPECT_EQ(error.line, line_of(text, "questions", "answer_mode"));
  EXPECT_THAT(error.message,
              HasSubstr("unknown answer mode 'reply'; expected one of: answer, rate"));
}

TEST(MethodParser, QuestionRoundsWithoutAnswerModeAreRefused) {
  const std::string text = with(sample(), "questions", "answer_mode", "# answer_mode");
  const MethodError error = refusal(text);
  EXPECT_EQ(error.line, header_line_of(text, "questions"));
  EXPECT_THAT(error.message, HasSubstr("'answer_mode' is missing"));
}

TEST(MethodParser, DuplicateStepIdNamesTheSecondLine) {
  const std::string text = with(sample(), "", "id = \"more-questions\"", "id = \"questions\"");
  const MethodError error = refusal(with(text, "reframe", "\"more-questions\"", "\"questions\""));
  // The branch now points back too, but the duplicate is named first.
  const std::size_t second = text.find("id = \"questions\"", step_start(text, "reframe"));
  const int second_line =
      1 +
      static_cast<int>(std::count(text.begin(), text.begin() + static_cast<long>(second), '\n'));
  EXPECT_EQ(error.line, second_line);
  EXPECT_THAT(error.message, HasSubstr("step 6 has the same id 'questions' as step 3"));
}

TEST(MethodParser, EmptyTextNamesTheLine) {
  const std::string text = with(sample(), "gossip", "nl = \"Eén regel.\"", "nl = \"   \"");
  const MethodError error = refusal(text);
  EXPECT_EQ(error.line, line_of(text, "gossip", "rule = "));
  EXPECT_THAT(error.message, HasSubstr("step 4 ('gossip'): 'rule.nl' is empty"));
}

TEST(MethodParser, EmptyPurposeIsRefused) {
  const MethodError error = refusal(with(sample(), "", "en = \"To test with.\"", "en = \"\""));
  EXPECT_EQ(error.line, 4);
  EXPECT_THAT(error.message, HasSubstr("'purpose.en' is empty"));
}

TEST(MethodParser, TitleMustFitOnOneLine) {
  const std::string text = with(sample(), "gossip", "nl = \"Titel\"", "nl = \"Titel\\nmeer\"");
  const MethodError error = refusal(text);
  EXPECT_THAT(error.message, HasSubstr("'title.nl' must fit on one line"));
}

TEST(MethodParser, RuleOfTwoSentencesIsRefused) {
  const std::string text =
      with(sample(), "gossip", "en = \"One rule.\"", "en = \"One rule. And another.\"");
  const MethodError error = refusal(text);
  EXPECT_EQ(error.line, line_of(text, "gossip", "rule = "));
  EXPECT_THAT(error.message, HasSubstr("'rule.en' must be exactly one sentence"));
}

TEST(MethodParser, RuleWithoutFullStopIsRefused) {
  const MethodError error = refusal(with(sample(), "gossip", "\"One rule.\"", "\"One rule\""));
  EXPECT_THAT(error.message, HasSubstr("'rule.en' must be exactly one sentence"));
}

TEST(MethodParser, RuleMayEndInAQuestionOrAQuotedEllipsis) {
  std::string text = with(sample(), "gossip", "\"One rule.\"", "\"What do you take away?\"");
  text = with(text, "advice", "\"One rule.\"", "\"Begin with ‘If I were you…’\"");
  auto parsed = parse_method(text, "sample.toml");
  EXPECT_TRUE(parsed.has_value()) << parsed.error().describe();
}

TEST(MethodParser, MinutesAboveTheLimitAreRefused) {
  const std::string text = with(sample(), "gossip", "minutes = 10", "minutes = 241");
  const MethodError error = refusal(text);
  EXPECT_EQ(error.line, line_of(text, "gossip", "minutes = "));
  EXPECT_THAT(error.message, HasSubstr("'minutes' must be between 0 and 240 minutes, got 241"));
}

TEST(MethodParser, NegativeMinutesAreRefused) {
  const MethodError error = refusal(with(sample(), "gossip", "minutes = 10", "minutes = -1"));
  EXPECT_THAT(error.message, HasSubstr("got -1"));
}

TEST(MethodParser, PreparationMinutesOutOfRangeAreRefused) {
  const std::string text =
      with(sample(), "statement", "minutes = 10", "minutes = 10\npreparation_minutes = 500");
  const MethodError error = refusal(text);
  EXPECT_EQ(error.line, line_of(text, "statement", "preparation_minutes"));
  EXPECT_THAT(error.message, HasSubstr("'preparation_minutes' must be between 0 and 240"));
}

TEST(MethodParser, MinutesAtTheLimitsAreAccepted) {
  std::string text = with(sample(), "gossip", "minutes = 10", "minutes = 0");
  text = with(text, "advice", "minutes = 10", "minutes = 240");
  EXPECT_TRUE(parse_method(text, "sample.toml").has_value());
}

TEST(MethodParser, BranchesOnANonReframeStepAreRefused) {
  const std::string text = with(sample(), "gossip", "presenter_reflects = true",
                                "branches = { on_reframe = \"advice\", on_keep = \"reaction\" }");
  const MethodError error = refusal(text);
  EXPECT_EQ(error.line, line_of(text, "gossip", "branches"));
  EXPECT_THAT(error.message,
              HasSubstr("'branches' belongs to reframe steps, not to a gossip step"));
}

TEST(MethodParser, ReframeStepWithoutBranchesIsRefused) {
  const std::string text = with(sample(), "reframe", "branches", "# branches");
  const MethodError error = refusal(text);
  EXPECT_EQ(error.line, header_line_of(text, "reframe"));
  EXPECT_THAT(error.message, HasSubstr("a reframe step needs [steps.branches]"));
}

TEST(MethodParser, BranchWithoutKeepTargetIsRefused) {
  const MethodError error = refusal(with(sample(), "reframe", ", on_keep = \"advice\"", ""));
  EXPECT_THAT(error.message, HasSubstr("'branches.on_keep' is missing"));
}

TEST(MethodParser, BranchTargetThatDoesNotExistIsRefused) {
  const std::string text =
      with(sample(), "reframe", "on_keep = \"advice\"", "on_keep = \"advise\"");
  const MethodError error = refusal(text);
  EXPECT_EQ(error.line, line_of(text, "reframe", "branches"));
  EXPECT_EQ(error.column, column_of(text, "reframe", "\"advise\""));
  EXPECT_THAT(error.message, HasSubstr("'branches.on_keep' names step 'advise', which does not "
                                       "exist; did you mean 'advice'?"));
}

TEST(MethodParser, BranchPointingBackwardsIsRefused) {
  const std::string text =
      with(sample(), "reframe", "on_reframe = \"more-questions\"", "on_reframe = \"questions\"");
  const MethodError error = refusal(text);
  EXPECT_EQ(error.line, line_of(text, "reframe", "branches"));
  EXPECT_THAT(error.message, HasSubstr("'branches.on_reframe' points back to step 3 ('questions'); "
                                       "a branch may only move forward"));
}

TEST(MethodParser, BranchToItselfIsRefused) {
  const MethodError error =
      refusal(with(sample(), "reframe", "on_keep = \"advice\"", "on_keep = \"reframe\""));
  EXPECT_THAT(error.message, HasSubstr("points back to step 5 ('reframe')"));
}

TEST(MethodParser, BranchesLeadingToTheSameStepAreRefused) {
  const MethodError error = refusal(
      with(sample(), "reframe", "on_reframe = \"more-questions\"", "on_reframe = \"advice\""));
  EXPECT_THAT(error.message, HasSubstr("both branches lead to 'advice'"));
}

TEST(MethodParser, PerKindFieldOnTheWrongKindIsRefused) {
  const std::string text =
      with(sample(), "advice", "minutes = 10", "minutes = 10\nanswer_mode = \"answer\"");
  const MethodError error = refusal(text);
  EXPECT_EQ(error.line, line_of(text, "advice", "answer_mode"));
  EXPECT_THAT(error.message,
              HasSubstr("'answer_mode' belongs to question_rounds steps, not to a advice step"));
}

TEST(MethodParser, PresenterReflectsOnQuestionRoundsIsRefused) {
  const std::string text =
      with(sample(), "questions", "minutes = 10", "minutes = 10\npresenter_reflects = true");
  const MethodError error = refusal(text);
  EXPECT_THAT(error.message, HasSubstr("'presenter_reflects' belongs to gossip steps"));
}

TEST(MethodParser, MissingStepsAreRefused) {
  const MethodError error = refusal(header());
  EXPECT_EQ(error.line, 1);
  EXPECT_THAT(error.message, HasSubstr("'steps' is missing; add at least one [[steps]] table"));
}

TEST(MethodParser, NoStepsIsRefused) {
  const std::string text = header() + "steps = []\n";
  const MethodError error = refusal(text);
  EXPECT_EQ(error.line, 5);
  EXPECT_THAT(error.message, HasSubstr("the method has no steps"));
}

TEST(MethodParser, StepsWrittenAsOneTableAreRefused) {
  const std::string text = header() + "[steps]\nid = \"statement\"\n";
  const MethodError error = refusal(text);
  EXPECT_EQ(error.line, 5);
  EXPECT_THAT(error.message, HasSubstr("'steps' must be an array of tables, written as [[steps]]"));
}

TEST(MethodParser, MethodIdMustBeLowercaseWithHyphens) {
  const std::string text = with(sample(), "", "id = \"sample\"", "id = \"Sample Method\"");
  const MethodError error = refusal(text);
  EXPECT_EQ(error.line, 1);
  EXPECT_THAT(error.message, HasSubstr("'id' must be lowercase words joined by hyphens"));
}

TEST(MethodParser, StepIdMustBeLowercaseWithHyphens) {
  const std::string text = with(sample(), "", "id = \"gossip\"", "id = \"gossip_round\"");
  const MethodError error = refusal(text);
  EXPECT_THAT(error.message, HasSubstr("step 4: 'id' must be lowercase words joined by hyphens"));
}

TEST(MethodParser, EmptySpeakersAreRefused) {
  const MethodError error =
      refusal(with(sample(), "gossip", "speakers = [\"advisers\"]", "speakers = []"));
  EXPECT_THAT(error.message, HasSubstr("'speakers' must name at least one party"));
}

TEST(MethodParser, DuplicatePartyInAListIsRefused) {
  const MethodError error = refusal(with(sample(), "gossip", "speakers = [\"advisers\"]",
                                         "speakers = [\"advisers\", \"advisers\"]"));
  EXPECT_THAT(error.message, HasSubstr("'advisers' appears twice in 'speakers'"));
}

TEST(MethodParser, EveryoneMustStandAlone) {
  const MethodError error = refusal(with(sample(), "closing", "speakers = [\"everyone\"]",
                                         "speakers = [\"everyone\", \"presenter\"]"));
  EXPECT_THAT(error.message, HasSubstr("'everyone' already includes every party"));
}

TEST(MethodParser, PartyThatSpeaksAndListensIsRefused) {
  const std::string text =
      with(sample(), "advice", "listeners = [\"presenter\"]", "listeners = [\"advisers\"]");
  const MethodError error = refusal(text);
  EXPECT_EQ(error.line, line_of(text, "advice", "listeners"));
  EXPECT_THAT(error.message, HasSubstr("a party either speaks or listens"));
}

TEST(MethodParser, EveryoneSpeakingLeavesNobodyToListen) {
  const MethodError error =
      refusal(with(sample(), "closing", "listeners = []", "listeners = [\"facilitator\"]"));
  EXPECT_THAT(error.message, HasSubstr("'facilitator' in 'listeners' also speaks ('everyone'"));
}

TEST(MethodParser, PresenterMustNotSpeakInGossip) {
  const std::string text = with(sample(), "gossip", "speakers = [\"advisers\"]",
                                "speakers = [\"advisers\", \"presenter\"]");
  const MethodError error =
      refusal(with(text, "gossip", "listeners = [\"presenter\"]", "listeners = [\"facilitator\"]"));
  EXPECT_THAT(error.message, HasSubstr("in a gossip step the presenter only listens"));
}

TEST(MethodParser, ScribeRecordingWithoutScribeIsRefused) {
  const std::string text =
      with(sample(), "questions", "minutes = 10", "minutes = 10\nscribe_records = true");
  const MethodError error = refusal(text);
  EXPECT_EQ(error.line, line_of(text, "questions", "scribe_records"));
  EXPECT_THAT(error.message, HasSubstr("step 3 ('questions'): the scribe records here, but the "
                                       "method has no scribe"));
}

TEST(MethodParser, ScribePartyWithoutScribeIsRefused) {
  const std::string text =
      with(sample(), "questions", "listeners = []", "listeners = [\"scribe\"]");
  const MethodError error = refusal(text);
  EXPECT_EQ(error.line, line_of(text, "questions", "listeners"));
  EXPECT_THAT(error.message, HasSubstr("names the 'scribe', but the method has no scribe"));
}

TEST(MethodParser, ScribeWithNothingToDoIsRefused) {
  const std::string text = with(sample(), "", "has_scribe = false", "has_scribe = true");
  const MethodError error = refusal(text);
  EXPECT_EQ(error.line, 2);
  EXPECT_THAT(error.message, HasSubstr("no step gives the scribe anything to do"));
}

TEST(MethodParser, ScribeWhoRecordsIsAccepted) {
  std::string text = with(sample(), "", "has_scribe = false", "has_scribe = true");
  text = with(text, "questions", "\"answer\"", "\"rate\"\nscribe_records = true");
  auto parsed = parse_method(text, "sample.toml");
  ASSERT_TRUE(parsed.has_value()) << parsed.error().describe();
  EXPECT_TRUE(parsed->has_scribe);
  EXPECT_EQ(parsed->steps[2].answer_mode, AnswerMode::rate);
  EXPECT_TRUE(parsed->steps[2].scribe_records);
}

TEST(MethodParser, NoStatementStepIsRefused) {
  const std::string text = header() + step("questions", "question_rounds");
  const MethodError error = refusal(text);
  EXPECT_THAT(error.message, HasSubstr("step 1 ('questions'): comes before the statement step"));
}

TEST(MethodParser, MethodWithoutStatementIsRefused) {
  const std::string text = header() + step("inventory", "inventory");
  const MethodError error = refusal(text);
  EXPECT_EQ(error.line, header_line_of(text, "inventory"));
  EXPECT_THAT(error.message, HasSubstr("the method has no statement step"));
}

TEST(MethodParser, SecondStatementStepIsRefused) {
  const std::string text = header() + step("statement", "statement") +
                           step("questions", "question_rounds") + step("again", "statement");
  const MethodError error = refusal(text);
  EXPECT_EQ(error.line, line_of(text, "again", "kind"));
  EXPECT_THAT(error.message, HasSubstr("step 3 ('again'): a second statement step"));
}

TEST(MethodParser, InventoryAfterTheStatementIsRefused) {
  const std::string text =
      header() + step("statement", "statement") + step("inventory", "inventory");
  const MethodError error = refusal(text);
  EXPECT_THAT(error.message, HasSubstr("the inventory must come before the statement step"));
}

TEST(MethodParser, GossipBeforeAnyQuestionRoundsIsRefused) {
  const std::string text = header() + step("statement", "statement") + step("gossip", "gossip");
  const MethodError error = refusal(text);
  EXPECT_EQ(error.line, line_of(text, "gossip", "kind"));
  EXPECT_THAT(error.message, HasSubstr("a gossip step needs question rounds before it"));
}

TEST(MethodParser, PresenterReactionWithoutAdviceIsRefused) {
  const std::string text = header() + step("statement", "statement") +
                           step("questions", "question_rounds") +
                           step("reaction", "presenter_reaction");
  const MethodError error = refusal(text);
  EXPECT_THAT(error.message, HasSubstr("a presenter_reaction step needs advice before it"));
}

TEST(MethodParser, ClosingMustBeTheLastStep) {
  const std::string text = header() + step("statement", "statement") + step("closing", "closing") +
                           step("questions", "question_rounds");
  const MethodError error = refusal(text);
  EXPECT_EQ(error.line, line_of(text, "closing", "kind"));
  EXPECT_THAT(error.message, HasSubstr("the closing step must be the last step"));
}

TEST(MethodParser, ShareAdviceWithoutWrittenAdviceIsRefused) {
  const std::string text = header() + step("statement", "statement") +
                           step("questions", "question_rounds") + step("share", "share_advice");
  const MethodError error = refusal(text);
  EXPECT_THAT(error.message, HasSubstr("a share_advice step needs a written_advice step"));
}

TEST(MethodParser, WrittenAdviceThatIsNeverSharedIsRefused) {
  const std::string text = header() + step("statement", "statement") +
                           step("questions", "question_rounds") + step("write", "written_advice");
  const MethodError error = refusal(text);
  EXPECT_THAT(error.message, HasSubstr("written advice must reach the presenter"));
}

TEST(MethodParser, TheEarliestProblemInTheFileIsReported) {
  std::string text = with(sample(), "closing", "minutes = 10", "minutes = 999");
  text = with(text, "gossip", "kind = \"gossip\"", "kind = \"gosip\"");
  const MethodError error = refusal(text);
  EXPECT_EQ(error.line, line_of(text, "gossip", "kind"));
}

TEST(MethodError, DescribeGivesFileLineColumnAndMessage) {
  EXPECT_EQ((MethodError{"methods/x.toml", 12, 8, "unknown step kind 'chat'"}).describe(),
            "methods/x.toml:12:8: unknown step kind 'chat'");
  EXPECT_EQ((MethodError{"methods", 0, 0, "cannot read"}).describe(), "methods: cannot read");
  EXPECT_EQ((MethodError{"", 0, 0, "empty"}).describe(), "empty");
}

} // namespace
} // namespace intervisie::core
