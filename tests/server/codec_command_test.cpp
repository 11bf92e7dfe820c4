// SPDX-License-Identifier: EUPL-1.2
// Commands from JSON: every kind, and every way a command can be wrong.
#include "server/codec/command_json.hpp"

#include <gtest/gtest.h>

#include <set>
#include <string>
#include <vector>

namespace intervisie::server {
namespace {

namespace cmd = core::command;
using core::CandidateId;
using core::ParticipantId;
using core::QuestionId;

std::expected<core::CommandBody, CodecError> read(std::string_view text) {
  return command_from_json(boost::json::parse(text));
}

CodecError error_of(std::string_view text) {
  const auto command = read(text);
  EXPECT_FALSE(command.has_value()) << text << " was accepted";
  return command ? CodecError{} : command.error();
}

std::string repeated(std::string_view piece, std::size_t times) {
  std::string text;
  for (std::size_t i = 0; i < times; ++i)
    text += piece;
  return text;
}

// One command of every kind, with its optional fields both filled and empty.
std::vector<core::CommandBody> every_command() {
  return {
      cmd::Join{"Anna"},
      cmd::AssignPresenter{ParticipantId{2}},
      cmd::AssignScribe{ParticipantId{3}},
      cmd::HandOverFacilitator{ParticipantId{4}},
      cmd::Start{},
      cmd::NextStep{},
      cmd::NextStep{true},
      cmd::AdjustTime{120},
      cmd::AdjustTime{-60},
      cmd::RaiseDisturbance{"De brandweer staat voor de deur."},
      cmd::RaiseDisturbance{},
      cmd::RaiseDisturbance{"Ik voel me niet veilig.", true},
      cmd::ResolveDisturbance{},
      cmd::Pause{},
      cmd::Resume{},
      cmd::ProposeIssue{"Ik wil minder overwerken."},
      cmd::WithdrawIssue{CandidateId{1}},
      cmd::Vote{CandidateId{2}},
      cmd::ChooseIssue{},
      cmd::ChooseIssue{CandidateId{2}},
      cmd::SetStatement{"Ik weet niet hoe ik het zeg."},
      cmd::StartPreparation{},
      cmd::EndPreparation{},
      cmd::AskQuestion{"Wat maakt het lastig?", std::nullopt},
      cmd::AskQuestion{"Wie merkt het als eerste?", ParticipantId{5}},
      cmd::Pass{},
      cmd::Pass{ParticipantId{5}},
      cmd::AnswerQuestion{},
      cmd::AnswerQuestion{"Hier wil ik nog over nadenken."},
      cmd::DeclineQuestion{},
      cmd::RateQuestion{std::nullopt, core::Rating::warm},
      cmd::RateQuestion{QuestionId{3}, core::Rating::lukewarm},
      cmd::RateQuestion{QuestionId{4}, core::Rating::cold},
      cmd::CloseRounds{},
      cmd::AddObservation{"Het bleef stil bij de teamleider."},
      cmd::CloseGossip{},
      cmd::Reflect{},
      cmd::Reflect{"Dat klopt."},
      cmd::Reframe{"Ik wil grenzen stellen."},
      cmd::KeepStatement{},
      cmd::GiveAdvice{"zou ik het gesprek aangaan."},
      cmd::WriteDraft{"Samen sta je sterker."},
      cmd::ShareAdvice{},
      cmd::ShareAdvice{"Vraag hulp."},
      cmd::React{},
      cmd::React{"Morgen bel ik haar.", "Hoe ik dat volhoud."},
      cmd::ClosingRemark{},
      cmd::ClosingRemark{"Fijn gedaan."},
      cmd::WritePrivateNote{"Niet vergeten: Anna's vraag."},
      cmd::SetCoachHints{false},
      cmd::SetCoachHints{true},
      cmd::AddParticipant{"Bram"},
      cmd::AddNote{"Patroon: vrijdagmiddag."},
      cmd::SetContributions{core::Contributions::written},
      cmd::SetContributions{std::nullopt},
      cmd::ProposeIssue{"Ik twijfel.", ParticipantId{4}},
      cmd::AddObservation{"Stil bij thuis.", ParticipantId{4}},
      cmd::GiveAdvice{"", ParticipantId{4}},
      cmd::ClosingRemark{"Fijn.", ParticipantId{4}},
      cmd::NoteKeyPoint{QuestionId{3}, std::nullopt, "Wat ja zeggen kost."},
      cmd::NoteKeyPoint{std::nullopt, core::AdviceId{2}, "Bel haar morgen."},
      cmd::RequestReturn{ParticipantId{3}},
      cmd::RequestReturn{ParticipantId{3}, true},
      cmd::AdmitReturn{core::ReturnId{1}},
      cmd::DeclineReturn{core::ReturnId{2}},
  };
}

TEST(CodecCommand, EveryKindHasASnakeCaseName) {
  const auto names = core::command_kind_names();
  ASSERT_EQ(names.size(), std::variant_size_v<core::CommandBody>);
  EXPECT_EQ(names[0], "join");
  EXPECT_EQ(names[5], "next_step");
  EXPECT_EQ(names[18], "ask_question");
  EXPECT_EQ(names[38], "set_contributions");
  EXPECT_EQ(names[39], "note_key_point");
  EXPECT_EQ(names.back(), "decline_return");
  EXPECT_EQ(std::set<std::string_view>(names.begin(), names.end()).size(), names.size());
}

TEST(CodecCommand, EveryKindRoundTrips) {
  std::set<std::size_t> kinds;
  for (const core::CommandBody& command : every_command()) {
    kinds.insert(command.index());
    const boost::json::object json = command_to_json(command);
    EXPECT_EQ(json.at("kind").as_string(), core::kind_name(command));
    // Through text, as a client would send it.
    const auto back = command_from_json(boost::json::parse(boost::json::serialize(json)));
    ASSERT_TRUE(back.has_value()) << boost::json::serialize(json) << ": " << back.error().message;
    EXPECT_EQ(back->index(), command.index());
    EXPECT_EQ(command_to_json(*back), json);
  }
  EXPECT_EQ(kinds.size(), std::variant_size_v<core::CommandBody>) << "a kind has no sample";
}

TEST(CodecCommand, ReadsTheFieldsIntoTheCommand) {
  const auto asked = read(R"({"kind":"ask_question","text":"Wat zie je?","on_behalf_of":3})");
  ASSERT_TRUE(asked.has_value());
  const auto& question = std::get<cmd::AskQuestion>(*asked);
  EXPECT_EQ(question.text, "Wat zie je?");
  EXPECT_EQ(question.on_behalf_of, ParticipantId{3});

  const auto rated = read(R"({"kind":"rate_question","question":7,"rating":"lukewarm"})");
  ASSERT_TRUE(rated.has_value());
  EXPECT_EQ(std::get<cmd::RateQuestion>(*rated).question, QuestionId{7});
  EXPECT_EQ(std::get<cmd::RateQuestion>(*rated).rating, core::Rating::lukewarm);

  const auto adjusted = read(R"({"kind":"adjust_time","seconds":-90})");
  ASSERT_TRUE(adjusted.has_value());
  EXPECT_EQ(std::get<cmd::AdjustTime>(*adjusted).seconds, -90);

  const auto reaction = read(R"({"kind":"react","think_over":"Mijn toon."})");
  ASSERT_TRUE(reaction.has_value());
  EXPECT_EQ(std::get<cmd::React>(*reaction).tomorrow, "");
  EXPECT_EQ(std::get<cmd::React>(*reaction).think_over, "Mijn toon.");
}

TEST(CodecCommand, OptionalFieldsMayBeAbsentOrNull) {
  const auto next = read(R"({"kind":"next_step"})");
  ASSERT_TRUE(next.has_value());
  EXPECT_FALSE(std::get<cmd::NextStep>(*next).confirm);

  const auto chosen = read(R"({"kind":"choose_issue","candidate":null})");
  ASSERT_TRUE(chosen.has_value());
  EXPECT_FALSE(std::get<cmd::ChooseIssue>(*chosen).candidate);

  const auto passed = read(R"({"kind":"pass","on_behalf_of":null})");
  ASSERT_TRUE(passed.has_value());
  EXPECT_FALSE(std::get<cmd::Pass>(*passed).on_behalf_of);

  const auto reflected = read(R"({"kind":"reflect","text":null})");
  ASSERT_TRUE(reflected.has_value());
  EXPECT_EQ(std::get<cmd::Reflect>(*reflected).text, "");
}

TEST(CodecCommand, UnknownKind) {
  const CodecError error = error_of(R"({"kind":"ask"})");
  EXPECT_EQ(error.code, CodecErrorCode::unknown_kind);
  EXPECT_EQ(error.field, "kind");
  EXPECT_EQ(error.message, R"(there is no command kind "ask")");
}

TEST(CodecCommand, KindMissingOrNotAString) {
  EXPECT_EQ(error_of(R"({"text":"Hallo"})").code, CodecErrorCode::missing_field);
  const CodecError error = error_of(R"({"kind":3})");
  EXPECT_EQ(error.code, CodecErrorCode::wrong_type);
  EXPECT_EQ(error.field, "kind");
}

TEST(CodecCommand, ACommandIsAnObject) {
  const auto command = command_from_json(boost::json::value(boost::json::array{1, 2}));
  ASSERT_FALSE(command.has_value());
  EXPECT_EQ(command.error().code, CodecErrorCode::wrong_type);
  EXPECT_EQ(command.error().message, "a command must be a JSON object, not an array");
}

TEST(CodecCommand, MissingFieldIsNamed) {
  const CodecError error = error_of(R"({"kind":"add_observation","on_behalf_of":3})");
  EXPECT_EQ(error.code, CodecErrorCode::missing_field);
  EXPECT_EQ(error.field, "text");
  EXPECT_EQ(error.message, R"(add_observation: "text" is missing)");

  EXPECT_EQ(error_of(R"({"kind":"vote"})").field, "candidate");
  EXPECT_EQ(error_of(R"({"kind":"rate_question"})").field, "rating");
  EXPECT_EQ(error_of(R"({"kind":"adjust_time"})").field, "seconds");
}

TEST(CodecCommand, WrongTypeNamesTheFieldAndTheExpectedType) {
  const CodecError id_as_text = error_of(R"({"kind":"vote","candidate":"1"})");
  EXPECT_EQ(id_as_text.code, CodecErrorCode::wrong_type);
  EXPECT_EQ(id_as_text.field, "candidate");
  EXPECT_EQ(id_as_text.message, R"(vote: "candidate" must be an id (an integer), not a string)");

  const CodecError fraction = error_of(R"({"kind":"vote","candidate":1.0})");
  EXPECT_EQ(fraction.code, CodecErrorCode::wrong_type);

  const CodecError text_as_number = error_of(R"({"kind":"set_statement","text":12})");
  EXPECT_EQ(text_as_number.code, CodecErrorCode::wrong_type);
  EXPECT_EQ(text_as_number.message, R"(set_statement: "text" must be a string, not an integer)");

  const CodecError confirm = error_of(R"({"kind":"next_step","confirm":"yes"})");
  EXPECT_EQ(confirm.code, CodecErrorCode::wrong_type);
  EXPECT_EQ(confirm.message, R"(next_step: "confirm" must be true or false, not a string)");

  const CodecError required_null = error_of(R"({"kind":"propose_issue","text":null})");
  EXPECT_EQ(required_null.code, CodecErrorCode::wrong_type);
  EXPECT_EQ(required_null.message, R"(propose_issue: "text" may not be null)");
}

TEST(CodecCommand, BadValues) {
  const CodecError rating = error_of(R"({"kind":"rate_question","rating":"hot"})");
  EXPECT_EQ(rating.code, CodecErrorCode::bad_value);
  EXPECT_EQ(rating.field, "rating");
  EXPECT_EQ(rating.message,
            R"(rate_question: "rating" must be one of warm, lukewarm, cold, not "hot")");

  const CodecError negative = error_of(R"({"kind":"assign_presenter","participant":-3})");
  EXPECT_EQ(negative.code, CodecErrorCode::bad_value);
  EXPECT_EQ(negative.message,
            R"(assign_presenter: "participant" must be an id from 1 to 4294967295, not -3)");

  EXPECT_EQ(error_of(R"({"kind":"vote","candidate":0})").code, CodecErrorCode::bad_value);
  EXPECT_EQ(error_of(R"({"kind":"vote","candidate":4294967296})").code, CodecErrorCode::bad_value);
  EXPECT_EQ(error_of(R"({"kind":"vote","candidate":18446744073709551615})").code,
            CodecErrorCode::bad_value);
  EXPECT_EQ(error_of(R"({"kind":"adjust_time","seconds":9999999999})").code,
            CodecErrorCode::bad_value);

  const auto largest = read(R"({"kind":"vote","candidate":4294967295})");
  ASSERT_TRUE(largest.has_value());
  EXPECT_EQ(std::get<cmd::Vote>(*largest).candidate, CandidateId{4294967295u});
}

TEST(CodecCommand, UnknownFieldsAreRefused) {
  const CodecError typo = error_of(R"({"kind":"ask_question","text":"Wat?","on_behalf":3})");
  EXPECT_EQ(typo.code, CodecErrorCode::unknown_field);
  EXPECT_EQ(typo.field, "on_behalf");
  EXPECT_EQ(typo.message,
            R"(ask_question: "on_behalf" is not a field here; the fields are: text, on_behalf_of)");

  const CodecError none = error_of(R"({"kind":"start","now":true})");
  EXPECT_EQ(none.code, CodecErrorCode::unknown_field);
  EXPECT_EQ(none.message, R"(start: "now" is not a field here; there are none)");
}

TEST(CodecCommand, TheFirstProblemIsReported) {
  // text comes before on_behalf_of; both are wrong.
  const CodecError error = error_of(R"({"kind":"ask_question","text":1,"on_behalf_of":"x"})");
  EXPECT_EQ(error.field, "text");
  // A wrong field is reported before an unknown one.
  EXPECT_EQ(error_of(R"({"kind":"vote","extra":1,"candidate":"x"})").code,
            CodecErrorCode::wrong_type);
}

TEST(CodecCommand, TextsAreLimitedInCodePoints) {
  // 4000 code points of three bytes each: 12,000 bytes, and allowed.
  const std::string longest = repeated("€", 4000);
  const auto allowed = read(R"({"kind":"give_advice","text":")" + longest + R"("})");
  ASSERT_TRUE(allowed.has_value());
  EXPECT_EQ(std::get<cmd::GiveAdvice>(*allowed).text, longest);

  const CodecError error =
      error_of(R"({"kind":"give_advice","text":")" + repeated("é", 5000) + R"("})");
  EXPECT_EQ(error.code, CodecErrorCode::text_too_long);
  EXPECT_EQ(error.field, "text");
  EXPECT_EQ(error.message,
            R"(give_advice: "text" is 5000 characters long; at most 4000 are allowed)");

  EXPECT_EQ(error_of(R"({"kind":"react","think_over":")" + repeated("a", 4001) + R"("})").code,
            CodecErrorCode::text_too_long);
  EXPECT_EQ(error_of(R"({"kind":"join","name":")" + repeated("a", 4001) + R"("})").code,
            CodecErrorCode::text_too_long);
}

TEST(CodecCommand, OptionalFieldsAreWrittenOnlyWhenFilled) {
  EXPECT_EQ(boost::json::serialize(command_to_json(cmd::Pass{})), R"({"kind":"pass"})");
  EXPECT_EQ(boost::json::serialize(command_to_json(cmd::AskQuestion{"Wat?", ParticipantId{3}})),
            R"({"kind":"ask_question","text":"Wat?","on_behalf_of":3})");
  EXPECT_EQ(
      boost::json::serialize(command_to_json(cmd::RateQuestion{std::nullopt, core::Rating::cold})),
      R"({"kind":"rate_question","rating":"cold"})");
}

} // namespace
} // namespace intervisie::server
