// SPDX-License-Identifier: EUPL-1.2
// The group routes' request bodies: each decoder gives the core's command or a typed CodecError
// whose code and message are the ones the API has always sent (docs/api.md).
#include "server/codec/group_request_json.hpp"
#include "server/codec/request_body.hpp"

#include <gtest/gtest.h>

#include <string>

namespace intervisie::server {
namespace {

CodecError error_of(const auto& decoded) {
  EXPECT_FALSE(decoded.has_value());
  return decoded ? CodecError{} : decoded.error();
}

TEST(GroupRequests, AnEmptyBodyIsAnEmptyObjectAndAnythingElseMustBeOne) {
  EXPECT_TRUE(no_fields_from_json("", "leave"));
  EXPECT_TRUE(no_fields_from_json("{}", "leave"));
  const CodecError list = error_of(no_fields_from_json("[1]", "leave"));
  EXPECT_EQ(list.code, CodecErrorCode::bad_message);
  EXPECT_EQ(list.message, "The body must be one JSON object.");
  EXPECT_EQ(error_of(body_object("{\"a\":")).code, CodecErrorCode::bad_message);
}

TEST(GroupRequests, ARouteWithoutFieldsNamesTheFirstOneItWasSent) {
  const CodecError error = error_of(no_fields_from_json(R"({"x":1})", "signup"));
  EXPECT_EQ(error.code, CodecErrorCode::unknown_field);
  EXPECT_EQ(error.field, "x");
  EXPECT_EQ(error.message, R"(signup: "x" is not a field here; there are none)");
}

TEST(GroupRequests, ANewGroupHasANameAndMayHaveOwnRulesAndADisplayName) {
  const auto group =
      new_group_from_json(R"({"name":"Dinsdaggroep","own_rules":["Op tijd."],"display_name":"A"})");
  ASSERT_TRUE(group);
  EXPECT_EQ(group->name, "Dinsdaggroep");
  EXPECT_EQ(group->own_rules, std::vector<std::string>{"Op tijd."});
  EXPECT_EQ(group->display_name, "A");
  const CodecError missing = error_of(new_group_from_json("{}"));
  EXPECT_EQ(missing.code, CodecErrorCode::missing_field);
  EXPECT_EQ(missing.message, R"(new group: "name" is missing)");
  const CodecError rule = error_of(new_group_from_json(R"({"name":"G","own_rules":[1]})"));
  EXPECT_EQ(rule.code, CodecErrorCode::wrong_type);
  EXPECT_EQ(rule.message, R"(new group: "own_rules" every rule must be a string)");
}

TEST(GroupRequests, RetentionIsOneToThreeHundredSixtyFiveDaysOrNullForTheDefault) {
  EXPECT_EQ(retention_from_json(R"({"days":14})")->days, 14);
  EXPECT_EQ(retention_from_json(R"({"days":null})")->days, 0);
  const CodecError zero = error_of(retention_from_json(R"({"days":0})"));
  EXPECT_EQ(zero.code, CodecErrorCode::bad_value);
  EXPECT_EQ(zero.message, R"(retention: "days" must be an integer from 1 to 365, not 0)");
  EXPECT_EQ(error_of(retention_from_json(R"({"days":"14"})")).code, CodecErrorCode::wrong_type);
  EXPECT_EQ(error_of(retention_from_json("{}")).code, CodecErrorCode::missing_field);
  EXPECT_EQ(error_of(retention_from_json(R"({"days":null,"x":1})")).code,
            CodecErrorCode::unknown_field);
}

TEST(GroupRequests, AnInvitationLastsOneToThirtyDaysOrTheDefault) {
  EXPECT_EQ(*invitation_days_from_json(""), 0);
  EXPECT_EQ(*invitation_days_from_json(R"({"expires_in_days":30})"), 30);
  EXPECT_EQ(error_of(invitation_days_from_json(R"({"expires_in_days":31})")).message,
            R"(invitation: "expires_in_days" must be an integer from 1 to 30, not 31)");
}

TEST(GroupRequests, AcceptingNeedsTheBoxEitherWayAndMayGiveAName) {
  const auto accepted = acceptance_from_json(R"({"accept_ground_rules":true})", "inv-1");
  ASSERT_TRUE(accepted);
  EXPECT_EQ(accepted->invitation_id, "inv-1");
  EXPECT_TRUE(accepted->accept_ground_rules);
  EXPECT_EQ(accepted->display_name, "");
  EXPECT_FALSE(
      acceptance_from_json(R"({"accept_ground_rules":false})", "inv-1")->accept_ground_rules)
      << "unticked is the rules' refusal, not the codec's";
  EXPECT_EQ(error_of(acceptance_from_json("{}", "inv-1")).message,
            R"(acceptance: "accept_ground_rules" is missing)");
}

TEST(GroupRequests, AMeetingHasAStartAndALengthAndAPlaceOrLink) {
  const auto meeting = new_meeting_from_json(
      R"({"starts_at":1796572800000,"minutes":120,"place":"Lokaal 12","video_link":"https://x"})");
  ASSERT_TRUE(meeting);
  EXPECT_EQ(meeting->meeting_id, "") << "the route gives it its id";
  EXPECT_EQ(meeting->starts_at.time_since_epoch().count(), 1796572800000);
  EXPECT_EQ(meeting->minutes, 120);
  EXPECT_EQ(meeting->place, "Lokaal 12");
  EXPECT_EQ(meeting->video_link, "https://x");
  const CodecError typo =
      error_of(new_meeting_from_json(R"({"starts_at":1,"minutes":90,"plaats":"y"})"));
  EXPECT_EQ(typo.code, CodecErrorCode::unknown_field);
  EXPECT_EQ(typo.message, R"(new meeting: "plaats" is not a field here; the fields are: )"
                          R"(starts_at, minutes, place, video_link)");
  EXPECT_EQ(error_of(new_meeting_from_json(R"({"starts_at":"morgen","minutes":90})")).code,
            CodecErrorCode::wrong_type);
}

TEST(GroupRequests, TheMeetingsChangesCarryTheMeetingOfTheirPath) {
  EXPECT_EQ(cancellation_from_json(R"({"reason":"ouderavond"})", "m1")->reason, "ouderavond");
  EXPECT_EQ(cancellation_from_json("", "m1")->meeting_id, "m1");
  EXPECT_EQ(proposal_from_json(R"({"dates":[1,2]})", "m1")->dates.size(), 2u);
  EXPECT_EQ(error_of(proposal_from_json(R"({"dates":["x"]})", "m1")).message,
            R"(proposals: "dates" every date must be an integer (milliseconds since 1970, UTC))");
  EXPECT_EQ(answers_from_json(R"({"suits":[true,false]})", "m1")->suits,
            (std::vector<bool>{true, false}));
  EXPECT_EQ(error_of(answers_from_json(R"({"suits":[1]})", "m1")).message,
            R"(answers: "suits" every answer must be true or false)");
  EXPECT_EQ(choice_from_json(R"({"index":1})", "m1")->index, 1u);
  EXPECT_EQ(error_of(choice_from_json(R"({"index":101})", "m1")).code, CodecErrorCode::bad_value);
  EXPECT_EQ(facilitator_from_json(R"({"member":"a1"})", "m1")->member, "a1");
  const auto follow_up = follow_up_from_json(R"({"session_id":"s1","note":"Gedaan."})", "m2");
  ASSERT_TRUE(follow_up);
  EXPECT_EQ(follow_up->meeting_id, "m2");
  EXPECT_EQ(follow_up->session_id, "s1");
  EXPECT_EQ(follow_up->note, "Gedaan.");
  EXPECT_EQ(error_of(follow_up_from_json(R"({"note":1})", "m2")).message,
            R"(follow-ups: "session_id" is missing)")
      << "the session first";
}

TEST(GroupRequests, ACaseNamesItsMethodAndTheFacilitatorTakesTurnsUnlessSaidOtherwise) {
  EXPECT_EQ(*new_case_from_json(R"({"method":"incident"})"), (NewCase{"incident", "", true}));
  EXPECT_EQ(
      *new_case_from_json(R"({"method":"balint","title":"T","facilitator_takes_turns":false})"),
      (NewCase{"balint", "T", false}));
  EXPECT_FALSE(new_case_from_json(R"({"method":"incident","facilitator_takes_turns":null})")
                   ->facilitator_takes_turns)
      << "null reads as no, as it always did";
  EXPECT_EQ(error_of(new_case_from_json(R"({"title":"T"})")).message,
            R"(new case: "method" is missing)");
}

} // namespace
} // namespace intervisie::server
