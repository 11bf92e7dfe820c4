// SPDX-License-Identifier: EUPL-1.2
// Group events to JSON and back: the store keeps them as this text, so the round trip is exact.
#include "server/codec/group_event_json.hpp"

#include "../core/group_driver.hpp"

#include <gtest/gtest.h>

#include <set>
#include <string>
#include <vector>

namespace intervisie::server {
namespace {

namespace gev = core::group::event;
using core::group::GroupEvent;
using core::group::testing::GroupDriver;
using core::group::testing::moment;
using namespace std::chrono_literals;

GroupEvent event(core::group::GroupEventBody body, core::group::AccountId actor = "account-anna") {
  static int minute = 0;
  return GroupEvent{moment(0, 9, ++minute), std::move(actor), std::move(body)};
}

// One event of every kind, with optional fields and lists both filled and empty.
std::vector<GroupEvent> every_event() {
  return {
      event(gev::GroupCreated{"Dinsdaggroep", {"We beginnen op tijd.", "Telefoons weg."}}),
      event(gev::GroupCreated{"Leeg", {}}),
      event(gev::MemberJoined{"account-anna", "Anna", std::nullopt, moment(0, 9)}),
      event(gev::MemberJoined{"account-bram", "Bram", "invitation-1", moment(1, 10)}),
      event(gev::MemberLeft{"account-bram", {"meeting-1", "meeting-2"}}),
      event(gev::MemberLeft{"account-bram", {}}),
      event(gev::InvitationCreated{"invitation-1", moment(7, 9)}),
      event(gev::InvitationRevoked{"invitation-1"}),
      event(gev::MeetingScheduled{"meeting-1", moment(7, 19), 120, "De Linde", ""}),
      event(gev::MeetingScheduled{"meeting-2", moment(14, 19), 90, "", "https://meet.example/x"}),
      event(gev::MeetingCalledOff{"meeting-2"}),
      event(gev::SignedUp{"meeting-1"}),
      event(gev::Cancelled{"meeting-1", "Ziek."}),
      event(gev::Cancelled{"meeting-1", ""}),
      event(gev::CancellationWithdrawn{"meeting-1"}),
      event(gev::NewDateNeeded{"meeting-1", "account-bram"}),
      event(gev::ReschedulerChanged{"meeting-1", "account-carla"}),
      event(gev::RescheduleDropped{"meeting-1"}),
      event(gev::DatesProposed{"meeting-1", {moment(8, 19), moment(9, 19, 30)}}),
      event(gev::DatesAnswered{"meeting-1", {true, false}}),
      event(gev::MeetingMoved{"meeting-1", moment(9, 19, 30), {"account-anna", "account-bram"}}),
      event(gev::MeetingMoved{"meeting-1", moment(9, 19, 30), {}}),
      event(gev::FacilitatorSet{"meeting-1", "account-anna"}),
      event(gev::CaseStarted{"meeting-1", "session-1", "incident", "account-anna"}),
      event(gev::PresenterRecorded{"session-1", "account-bram"}),
      event(gev::FollowUpRecorded{"session-1", "Het gesprek is gevoerd."}),
      event(gev::FollowUpRecorded{"session-1", ""}),
      event(gev::RetentionSet{14}),
      event(gev::RetentionSet{0}),
  };
}

// Through text, as the store keeps it.
std::expected<GroupEvent, CodecError> through_text(const GroupEvent& event) {
  return group_event_from_json(
      boost::json::parse(boost::json::serialize(group_event_to_json(event))));
}

CodecError error_of(std::string_view text) {
  const auto event = group_event_from_json(boost::json::parse(text));
  EXPECT_FALSE(event.has_value()) << text << " was accepted";
  return event ? CodecError{} : event.error();
}

TEST(CodecGroupEvent, EveryKindRoundTripsExactly) {
  std::set<std::size_t> kinds;
  for (const GroupEvent& original : every_event()) {
    kinds.insert(original.body.index());
    const auto back = through_text(original);
    ASSERT_TRUE(back.has_value()) << core::group::kind_name(original.body) << ": "
                                  << back.error().message;
    EXPECT_EQ(*back, original) << boost::json::serialize(group_event_to_json(original));
  }
  EXPECT_EQ(kinds.size(), std::variant_size_v<core::group::GroupEventBody>)
      << "a kind has no sample";
  EXPECT_EQ(group_event_kind_names().size(), std::variant_size_v<core::group::GroupEventBody>);
}

TEST(CodecGroupEvent, Shape) {
  const GroupEvent cancelled{core::Instant{core::Duration{1767261600000}}, "account-anna",
                             gev::Cancelled{"m-1", "Ziek."}};
  EXPECT_EQ(boost::json::serialize(group_event_to_json(cancelled)),
            R"({"kind":"cancelled","at":1767261600000,"actor":"account-anna","meeting":"m-1",)"
            R"("reason":"Ziek."})");
  const GroupEvent proposed{core::Instant{core::Duration{5}}, "account-bram",
                            gev::DatesProposed{"m-1", {core::Instant{core::Duration{7}}}}};
  EXPECT_EQ(boost::json::serialize(group_event_to_json(proposed)),
            R"({"kind":"dates_proposed","at":5,"actor":"account-bram","meeting":"m-1",)"
            R"("dates":[7]})");
  const GroupEvent joined{
      core::Instant{core::Duration{5}}, "account-fenna",
      gev::MemberJoined{"account-fenna", "Fenna", std::nullopt, core::Instant{core::Duration{5}}}};
  EXPECT_EQ(boost::json::serialize(group_event_to_json(joined)),
            R"({"kind":"member_joined","at":5,"actor":"account-fenna","member":"account-fenna",)"
            R"("display_name":"Fenna","invitation":null,"rules_accepted_at":5})");
}

TEST(CodecGroupEvent, AGroupsWholeHistoryIsRestoredFromItsJson) {
  using D = GroupDriver;
  namespace cmd = core::group::cmd;
  D d(8);
  const core::group::MeetingId id = d.schedule();
  d.everyone_signs_up(id);
  d.ok(D::anna, cmd::Cancel{id, "Ziek."});
  d.ok(D::bram, cmd::Cancel{id, ""});
  d.ok(D::carla, cmd::Cancel{id, "Op reis."});
  d.ok(D::bram, cmd::ProposeDates{id, {d.next_week(), d.next_week() + 24h}});
  d.ok(D::anna, cmd::AnswerDates{id, {true, false}});
  d.ok(D::bram, cmd::Leave{});
  d.ok(D::carla, cmd::ChooseDate{id, 0});
  d.now = d.meeting(id).starts_at;
  d.ok(D::anna, cmd::StartCase{id, "session-1", "incident"});
  d.ok(D::anna, cmd::RecordPresenter{"session-1", D::daan});
  std::vector<GroupEvent> restored;
  for (const GroupEvent& original : d.history()) {
    auto back = through_text(original);
    ASSERT_TRUE(back.has_value()) << back.error().message;
    EXPECT_EQ(*back, original);
    restored.push_back(std::move(*back));
  }
  EXPECT_EQ(core::group::replay(restored), d.state());
}

TEST(CodecGroupEvent, LongTextsAreReadBackAsWritten) {
  const GroupEvent note = event(gev::FollowUpRecorded{"session-1", std::string(5000, 'n')});
  const auto back = through_text(note);
  ASSERT_TRUE(back.has_value());
  EXPECT_EQ(*back, note);
}

TEST(CodecGroupEvent, MalformedRecordsAreRefusedWithATypedError) {
  EXPECT_EQ(error_of(R"({"kind":"meeting_exploded","at":1,"actor":"a"})").code,
            CodecErrorCode::unknown_kind);
  EXPECT_EQ(error_of(R"({"at":1,"actor":"a"})").code, CodecErrorCode::missing_field);
  EXPECT_EQ(error_of(R"({"kind":7,"at":1,"actor":"a"})").code, CodecErrorCode::wrong_type);

  const CodecError no_at = error_of(R"({"kind":"signed_up","actor":"a","meeting":"m"})");
  EXPECT_EQ(no_at.code, CodecErrorCode::missing_field);
  EXPECT_EQ(no_at.message, R"(group event signed_up: "at" is missing)");

  const CodecError no_actor = error_of(R"({"kind":"signed_up","at":1,"meeting":"m"})");
  EXPECT_EQ(no_actor.field, "actor");

  // Every field is written, so a missing one is a damaged record; null is only for the optional.
  EXPECT_EQ(error_of(R"({"kind":"member_joined","at":1,"actor":"a","member":"a",)"
                     R"("display_name":"Anna","rules_accepted_at":1})")
                .field,
            "invitation");
  EXPECT_EQ(error_of(R"({"kind":"cancelled","at":1,"actor":"a","meeting":null,"reason":""})").code,
            CodecErrorCode::wrong_type);

  const CodecError extra =
      error_of(R"({"kind":"signed_up","at":1,"actor":"a","meeting":"m","why":"koffie"})");
  EXPECT_EQ(extra.code, CodecErrorCode::unknown_field);
  EXPECT_EQ(extra.field, "why");

  const CodecError date = error_of(
      R"({"kind":"dates_proposed","at":1,"actor":"a","meeting":"m","dates":[1,"morgen"]})");
  EXPECT_EQ(date.code, CodecErrorCode::wrong_type);
  EXPECT_EQ(date.field, "dates[1]");
  EXPECT_EQ(error_of(R"({"kind":"dates_answered","at":1,"actor":"a","meeting":"m",)"
                     R"("suits":[true,1]})")
                .field,
            "suits[1]");
  EXPECT_EQ(error_of(R"({"kind":"member_left","at":1,"actor":"a","member":"a",)"
                     R"("meetings_left":"m"})")
                .code,
            CodecErrorCode::wrong_type);
  EXPECT_EQ(error_of(R"({"kind":"meeting_scheduled","at":1,"actor":"a","meeting":"m",)"
                     R"("starts_at":2.5,"minutes":90,"place":"","video_link":""})")
                .field,
            "starts_at");
  EXPECT_EQ(error_of(R"({"kind":"signed_up","at":"yesterday","actor":"a","meeting":"m"})").code,
            CodecErrorCode::wrong_type);

  const auto not_an_object = group_event_from_json(boost::json::value(3));
  ASSERT_FALSE(not_an_object.has_value());
  EXPECT_EQ(not_an_object.error().code, CodecErrorCode::wrong_type);
}

TEST(CodecGroupEvent, AStoredRowReadsBackAsTheEventThatWroteIt) {
  for (const GroupEvent& original : every_event()) {
    const store::NewEvent row = stored_group_event(original);
    EXPECT_EQ(row.kind, core::group::kind_name(original.body));
    EXPECT_EQ(row.at_ms, original.at.time_since_epoch().count());
    const auto back = group_event_from_stored(
        store::StoredEvent{.seq = 1, .kind = row.kind, .payload = row.payload, .at_ms = row.at_ms});
    ASSERT_TRUE(back.has_value()) << row.kind << ": " << back.error().message;
    EXPECT_EQ(*back, original);
  }
}

TEST(CodecGroupEvent, AStoredRowThatIsNotJsonIsABadMessage) {
  const auto back =
      group_event_from_stored(store::StoredEvent{.seq = 1, .kind = "cancelled", .payload = "{"});
  ASSERT_FALSE(back.has_value());
  EXPECT_EQ(back.error().code, CodecErrorCode::bad_message);
}

} // namespace
} // namespace intervisie::server
