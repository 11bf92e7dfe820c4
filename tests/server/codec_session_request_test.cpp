// SPDX-License-Identifier: EUPL-1.2
// The session routes' request bodies over HTTP: typed errors whose codes and messages are the
// ones docs/protocol.md 2.4, 2.5 and the coach's route give, checked in the documented order.
#include "server/codec/session_request_json.hpp"

#include <gtest/gtest.h>

namespace intervisie::server {
namespace {

CodecError error_of(const auto& decoded) {
  EXPECT_FALSE(decoded.has_value());
  return decoded ? CodecError{} : decoded.error();
}

TEST(SessionRequests, ANewSessionNeedsMethodTitleAndFacilitatorNameInThatOrder) {
  const auto body =
      new_session_from_json(R"({"method":"incident","title":"Casus","facilitator_name":"Fenna"})");
  ASSERT_TRUE(body);
  EXPECT_EQ(body->method, "incident");
  EXPECT_EQ(body->title, "Casus");
  EXPECT_EQ(body->facilitator_name, "Fenna");
  EXPECT_TRUE(body->facilitator_takes_turns);

  const CodecError missing = error_of(new_session_from_json(R"({"facilitator_name":1})"));
  EXPECT_EQ(missing.code, CodecErrorCode::missing_field);
  EXPECT_EQ(missing.message, "Missing field: method");
  const CodecError wrong =
      error_of(new_session_from_json(R"({"method":"incident","title":5,"facilitator_name":"F"})"));
  EXPECT_EQ(wrong.code, CodecErrorCode::wrong_type);
  EXPECT_EQ(wrong.message, "Field title must be a string.");
  const CodecError turns = error_of(new_session_from_json(
      R"({"method":"i","title":"t","facilitator_name":"F","facilitator_takes_turns":"no"})"));
  EXPECT_EQ(turns.code, CodecErrorCode::wrong_type);
  EXPECT_EQ(turns.message, "Field facilitator_takes_turns must be true or false.");
}

TEST(SessionRequests, TheBodyComesFirstThenAnUnknownField) {
  const CodecError empty = error_of(new_session_from_json(""));
  EXPECT_EQ(empty.code, CodecErrorCode::bad_message);
  EXPECT_EQ(empty.message, "The body must be one JSON object.");
  const CodecError extra = error_of(join_from_json(R"({"x":1})"));
  EXPECT_EQ(extra.code, CodecErrorCode::unknown_field);
  EXPECT_EQ(extra.message, "Unknown field: x");
}

TEST(SessionRequests, AJoinHasATokenAndANameAndMayClaimAPlace) {
  const auto join = join_from_json(R"({"join_token":"t","name":"Anna","claim":true})");
  ASSERT_TRUE(join);
  EXPECT_EQ(join->join_token, "t");
  EXPECT_EQ(join->name, "Anna");
  EXPECT_TRUE(join->claim);
  EXPECT_FALSE(join_from_json(R"({"join_token":"t","name":"Anna"})")->claim);
  EXPECT_EQ(error_of(join_from_json(R"({"join_token":"t","name":"A","claim":1})")).message,
            "Field claim must be true or false.");
  EXPECT_EQ(error_of(join_token_from_json("{}")).message, "Missing field: join_token");
}

TEST(SessionRequests, TheCoachIsAskedAboutAStatementAQuestionOrAdvice) {
  const auto body = coach_request_from_json(R"({"kind":"question","text":"Hoe?"})");
  ASSERT_TRUE(body);
  EXPECT_EQ(body->kind, core::coach::TextKind::question);
  EXPECT_FALSE(body->open_questions.has_value());
  const CodecError kind = error_of(coach_request_from_json(R"({"kind":"poem","text":"x"})"));
  EXPECT_EQ(kind.code, CodecErrorCode::unknown_kind);
  EXPECT_EQ(kind.message, "Field kind must be statement, question or advice.");
  EXPECT_EQ(
      error_of(coach_request_from_json(R"({"kind":"question","text":"x","open_questions":"yes"})"))
          .message,
      "Field open_questions must be true or false.");
}

} // namespace
} // namespace intervisie::server
