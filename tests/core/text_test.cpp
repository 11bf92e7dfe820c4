// SPDX-License-Identifier: EUPL-1.2
// Texts people type: valid UTF-8, trimmed, at most 4000 characters (code points, not bytes);
// a required text may not be empty. A refused text changes nothing.
#include "session_driver.hpp"

namespace intervisie::core::testing {
namespace {

using D = SessionDriver;

SessionDriver balint_at_statement() {
  SessionDriver s("balint", 4);
  s.ok(D::fenna, command::AssignPresenter{D::pieter});
  s.ok(D::fenna, command::Start{});
  return s;
}

std::string repeated(std::string_view piece, std::size_t times) {
  std::string text;
  for (std::size_t i = 0; i < times; ++i)
    text += piece;
  return text;
}

TEST(Text, AnEmptyTextIsRefused) {
  SessionDriver s = balint_at_statement();
  EXPECT_EQ(s.refused(D::pieter, command::SetStatement{""}), RefusalCode::text_empty);
}

TEST(Text, OnlySpacesCountAsEmpty) {
  SessionDriver s = balint_at_statement();
  EXPECT_EQ(s.refused(D::pieter, command::SetStatement{" \t\r\n  "}), RefusalCode::text_empty);
}

TEST(Text, TextsAreTrimmed) {
  SessionDriver s = balint_at_statement();
  s.ok(D::pieter, command::SetStatement{"  \n Ik wil iets.\t \r\n"});
  EXPECT_EQ(s.state().statement(), "Ik wil iets.");
}

TEST(Text, LinesInsideATextAreKept) {
  SessionDriver s = balint_at_statement();
  s.ok(D::pieter, command::SetStatement{"Ik wil iets.\n\tEn nog iets."});
  EXPECT_EQ(s.state().statement(), "Ik wil iets.\n\tEn nog iets.");
}

TEST(Text, ATextHasAtMost4000Characters) {
  SessionDriver s = balint_at_statement();
  s.ok(D::pieter, command::SetStatement{std::string(4000, 'a')});
  EXPECT_EQ(s.refused(D::pieter, command::SetStatement{std::string(4001, 'a')}),
            RefusalCode::text_too_long);
}

TEST(Text, CharactersAreCountedNotBytes) {
  SessionDriver s = balint_at_statement();
  // 4000 characters of two, three and four bytes each.
  s.ok(D::pieter, command::SetStatement{repeated("é", 4000)});
  s.ok(D::pieter, command::SetStatement{repeated("€", 4000)});
  s.ok(D::pieter, command::SetStatement{repeated("🙂", 4000)});
  EXPECT_EQ(s.state().statement()->size(), 16000u);
  EXPECT_EQ(s.refused(D::pieter, command::SetStatement{repeated("é", 4001)}),
            RefusalCode::text_too_long);
}

TEST(Text, TheLimitAppliesAfterTrimming) {
  SessionDriver s = balint_at_statement();
  s.ok(D::pieter, command::SetStatement{"   " + std::string(4000, 'a') + "\n\n"});
  EXPECT_EQ(s.state().statement()->size(), 4000u);
}

TEST(Text, InvalidUtf8IsRefused) {
  SessionDriver s = balint_at_statement();
  const std::string invalid[] = {
      "Ik wil \xFF iets.",          // a byte that never occurs in UTF-8
      "Ik wil \xC3",                // a sequence cut off at the end
      "Ik wil \xE2\x82 iets.",      // a sequence cut off in the middle
      "\xC0\xAF",                   // an overlong encoding of '/'
      "\xE0\x80\xAF",               // an overlong three-byte encoding
      "\xED\xA0\x80",               // a UTF-16 surrogate
      "\xF4\x90\x80\x80",           // above U+10FFFF
      "\x80 begint met een vervolg" // a continuation byte without a lead
  };
  for (const std::string& text : invalid)
    EXPECT_EQ(s.refused(D::pieter, command::SetStatement{text}), RefusalCode::invalid_text)
        << "text of " << text.size() << " bytes";
}

TEST(Text, ControlCharactersAreRefused) {
  SessionDriver s = balint_at_statement();
  EXPECT_EQ(s.refused(D::pieter, command::SetStatement{std::string("Ik wil\0 iets.", 13)}),
            RefusalCode::invalid_text);
  EXPECT_EQ(s.refused(D::pieter, command::SetStatement{"Ik wil \x1B[31m iets."}),
            RefusalCode::invalid_text);
}

TEST(Text, EveryLanguageIsWelcome) {
  SessionDriver s = balint_at_statement();
  s.ok(D::pieter, command::SetStatement{"Ik wil één ding: rust — 静か 🙂"});
  EXPECT_EQ(s.state().statement(), "Ik wil één ding: rust — 静か 🙂");
}

TEST(Text, SomeTextsMayBeLeftEmpty) {
  SessionDriver s = balint_at_statement();
  s.ok(D::anna, command::RaiseDisturbance{"   "});
  EXPECT_EQ(s.state().disturbance->text, "");
  s.ok(D::fenna, command::ResolveDisturbance{});
  s.ok(D::pieter, command::SetStatement{"Ik wil iets."});
  s.next();
  s.ok(D::fenna, command::AskQuestion{"Wat?"});
  s.ok(D::pieter, command::AnswerQuestion{" "});
  EXPECT_EQ(s.state().questions[0].answer_note, "");
}

TEST(Text, OptionalTextsFollowTheSameLimits) {
  SessionDriver s = balint_at_statement();
  EXPECT_EQ(s.refused(D::anna, command::RaiseDisturbance{std::string(4001, 'x')}),
            RefusalCode::text_too_long);
  EXPECT_EQ(s.refused(D::anna, command::RaiseDisturbance{"\xFF"}), RefusalCode::invalid_text);
}

TEST(Text, ASessionNeedsATitle) {
  const auto method = shipped_method("balint");
  const Instant now = at_minute(0);
  const auto untitled = create_session(method, SessionSettings{"  ", "Fenna"}, now);
  ASSERT_FALSE(untitled.has_value());
  EXPECT_EQ(untitled.error().code, RefusalCode::title_required);
  const auto too_long =
      create_session(method, SessionSettings{std::string(201, 't'), "Fenna"}, now);
  ASSERT_FALSE(too_long.has_value());
  EXPECT_EQ(too_long.error().code, RefusalCode::title_too_long);
  const auto unreadable = create_session(method, SessionSettings{"Groep \xFF", "Fenna"}, now);
  ASSERT_FALSE(unreadable.has_value());
  EXPECT_EQ(unreadable.error().code, RefusalCode::invalid_text);
  const auto titled = create_session(method, SessionSettings{" Dinsdaggroep ", "Fenna"}, now);
  ASSERT_TRUE(titled.has_value());
  EXPECT_EQ(replay(*titled).title, "Dinsdaggroep");
}

TEST(Text, TheFacilitatorNeedsAName) {
  const auto method = shipped_method("balint");
  const auto nameless = create_session(method, SessionSettings{"Groep", ""}, at_minute(0));
  ASSERT_FALSE(nameless.has_value());
  EXPECT_EQ(nameless.error().code, RefusalCode::text_empty);
  const auto long_name =
      create_session(method, SessionSettings{"Groep", std::string(61, 'f')}, at_minute(0));
  ASSERT_FALSE(long_name.has_value());
  EXPECT_EQ(long_name.error().code, RefusalCode::name_too_long);
}

} // namespace
} // namespace intervisie::core::testing
