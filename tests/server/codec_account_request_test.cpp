// SPDX-License-Identifier: EUPL-1.2
// The account, return and join-code routes' request bodies: each decoder gives what its route
// needs, or a typed CodecError whose code and message are the ones the API has always sent
// (docs/api.md). Whether an address, a name or a password is acceptable is the core's rules.
#include "server/codec/account_request_json.hpp"
#include "server/codec/join_code_json.hpp"
#include "server/codec/request_body.hpp"
#include "server/codec/return_request_json.hpp"

#include <gtest/gtest.h>

namespace intervisie::server {
namespace {

CodecError error_of(const auto& decoded) {
  EXPECT_FALSE(decoded.has_value());
  return decoded ? CodecError{} : decoded.error();
}

TEST(AccountRequests, ANewAccountHasAnEmailAPasswordAndADisplayName) {
  const auto account = new_account_from_json(
      R"({"email":"anna@example.nl","password":"lang genoeg wachtwoord","display_name":"Anna"})");
  ASSERT_TRUE(account);
  EXPECT_EQ(*account, (NewAccountBody{"anna@example.nl", "lang genoeg wachtwoord", "Anna"}));
  const CodecError missing =
      error_of(new_account_from_json(R"({"email":"a@b.nl","display_name":"A"})"));
  EXPECT_EQ(missing.code, CodecErrorCode::missing_field);
  EXPECT_EQ(missing.message, R"(new account: "password" is missing)");
}

TEST(AccountRequests, TheFieldsAreReadInOrderAndTheFirstProblemIsTheOneReported) {
  const CodecError first = error_of(new_account_from_json(R"({"email":1,"password":2})"));
  EXPECT_EQ(first.code, CodecErrorCode::wrong_type);
  EXPECT_EQ(first.field, "email");
  EXPECT_EQ(first.message, R"(new account: "email" must be a string, not an integer)");
}

TEST(AccountRequests, AnUnknownFieldIsRefusedAndTheRightOnesAreNamed) {
  const CodecError extra =
      error_of(login_from_json(R"({"email":"a@b.nl","password":"x","remember":true})"));
  EXPECT_EQ(extra.code, CodecErrorCode::unknown_field);
  EXPECT_EQ(extra.field, "remember");
  EXPECT_EQ(extra.message,
            R"(login: "remember" is not a field here; the fields are: email, password)");
}

TEST(AccountRequests, TheBodyMustBeOneObjectAndAnEmptyBodyIsAnEmptyOne) {
  for (const char* body : {"[]", "{\"email\":", "\"x\"", "{} {}"}) {
    const CodecError error = error_of(login_from_json(body));
    EXPECT_EQ(error.code, CodecErrorCode::bad_message) << body;
    EXPECT_EQ(error.message, "The body must be one JSON object.") << body;
  }
  EXPECT_EQ(error_of(login_from_json("")).message, R"(login: "email" is missing)");
}

TEST(AccountRequests, ALoginHasAnEmailAndAPassword) {
  EXPECT_EQ(*login_from_json(R"({"email":"Anna@Example.nl","password":"geheim"})"),
            (LoginBody{"Anna@Example.nl", "geheim"}));
  EXPECT_EQ(error_of(login_from_json(R"({"email":"a@b.nl"})")).message,
            R"(login: "password" is missing)");
}

TEST(AccountRequests, ALogoutIsHereUnlessItSaysEverywhere) {
  EXPECT_EQ(logout_everywhere_from_json(""), false);
  EXPECT_EQ(logout_everywhere_from_json("{}"), false);
  EXPECT_EQ(logout_everywhere_from_json(R"({"everywhere":null})"), false);
  EXPECT_EQ(logout_everywhere_from_json(R"({"everywhere":true})"), true);
  const CodecError wrong = error_of(logout_everywhere_from_json(R"({"everywhere":"yes"})"));
  EXPECT_EQ(wrong.code, CodecErrorCode::wrong_type);
  EXPECT_EQ(wrong.message, R"(logout: "everywhere" must be true or false, not a string)");
}

TEST(AccountRequests, DeletingAnAccountAsksForItsPasswordAgain) {
  EXPECT_EQ(account_deletion_from_json(R"({"password":"geheim"})"), "geheim");
  EXPECT_EQ(error_of(account_deletion_from_json("{}")).message,
            R"(account deletion: "password" is missing)");
}

TEST(AccountRequests, ANewCalendarFeedTakesNoFields) {
  EXPECT_TRUE(no_fields_from_json("", "calendar feed"));
  EXPECT_EQ(error_of(no_fields_from_json(R"({"x":1})", "calendar feed")).message,
            R"(calendar feed: "x" is not a field here; there are none)");
}

TEST(ReturnRequests, AReturnNamesTheJoinTokenAndThePlace) {
  const auto asked = return_from_json(R"({"join_token":"t","participant":3})");
  ASSERT_TRUE(asked);
  EXPECT_EQ(asked->join_token, "t");
  EXPECT_EQ(asked->participant, core::ParticipantId{3});
}

TEST(ReturnRequests, ThePlaceIsAnIdFromOne) {
  const CodecError zero = error_of(return_from_json(R"({"join_token":"t","participant":0})"));
  EXPECT_EQ(zero.code, CodecErrorCode::bad_value);
  EXPECT_EQ(zero.message, R"(return: "participant" must be an id from 1 to 4294967295, not 0)");
  EXPECT_EQ(error_of(return_from_json(R"({"join_token":"t","participant":"3"})")).code,
            CodecErrorCode::wrong_type);
  EXPECT_EQ(error_of(return_from_json(R"({"participant":3})")).code, CodecErrorCode::missing_field);
}

TEST(JoinCodeRequests, ACodeIsReadAsTypedWithoutItsSpaces) {
  EXPECT_EQ(join_code_from_json(R"({"code":"123 456"})"), "123456");
  EXPECT_EQ(join_code_from_json(R"({"code":" 1 2 3 4 5 6 "})"), "123456");
  EXPECT_EQ(join_code_from_json(R"({"code":"12a"})"), "12a"); // the route says what a code is
  EXPECT_EQ(error_of(join_code_from_json(R"({"code":123456})")).message,
            R"(join code: "code" must be a string, not an integer)");
  EXPECT_EQ(error_of(join_code_from_json("{}")).code, CodecErrorCode::missing_field);
}

} // namespace
} // namespace intervisie::server
