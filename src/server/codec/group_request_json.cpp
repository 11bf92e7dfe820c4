// SPDX-License-Identifier: EUPL-1.2
#include "server/codec/group_request_json.hpp"

#include "core/group/limits.hpp"
#include "server/codec/object_reader.hpp"
#include "server/codec/request_body.hpp"

namespace intervisie::server {

namespace group = core::group;
namespace json = boost::json;

std::expected<group::cmd::CreateGroup, CodecError> new_group_from_json(std::string_view body) {
  return read_body(body, "new group", [](ObjectReader& reader, const json::object&) {
    group::cmd::CreateGroup command;
    command.name = reader.text("name");
    if (const json::array* own = reader.array("own_rules", Presence::optional))
      for (const json::value& rule : *own) {
        if (!rule.is_string()) {
          reader.fail(CodecErrorCode::wrong_type, "own_rules", "every rule must be a string");
          break;
        }
        command.own_rules.emplace_back(rule.get_string());
      }
    command.display_name = reader.text("display_name", Presence::optional);
    return command;
  });
}

std::expected<group::cmd::SetRetention, CodecError> retention_from_json(std::string_view body) {
  return read_body(body, "retention", [](ObjectReader& reader, json::object& object) {
    // null: back to the server's default (0 in the group's history).
    const json::value* given = object.if_contains("days");
    if (given != nullptr && given->is_null()) {
      object.erase("days");
      return group::cmd::SetRetention{0};
    }
    return group::cmd::SetRetention{static_cast<int>(
        reader.integer("days", group::min_retention_days, group::max_retention_days))};
  });
}

std::expected<int, CodecError> invitation_days_from_json(std::string_view body) {
  return read_body(body, "invitation", [](ObjectReader& reader, const json::object&) {
    return static_cast<int>(reader.integer("expires_in_days", 1, 30, Presence::optional));
  });
}

std::expected<group::cmd::AcceptInvitation, CodecError>
acceptance_from_json(std::string_view body, const group::InvitationId& invitation_id) {
  return read_body(body, "acceptance", [&](ObjectReader& reader, const json::object&) {
    group::cmd::AcceptInvitation accept{invitation_id, {}, false};
    accept.display_name = reader.text("display_name", Presence::optional);
    accept.accept_ground_rules = reader.boolean("accept_ground_rules");
    return accept;
  });
}

std::expected<group::cmd::ScheduleMeeting, CodecError>
new_meeting_from_json(std::string_view body) {
  return read_body(body, "new meeting", [](ObjectReader& reader, const json::object&) {
    group::cmd::ScheduleMeeting command;
    command.starts_at =
        core::Instant{core::Duration{reader.integer("starts_at", 0, std::int64_t{1} << 50)}};
    command.minutes = static_cast<int>(reader.integer("minutes", 1, 24 * 60));
    command.place = reader.text("place", Presence::optional);
    command.video_link = reader.text("video_link", Presence::optional);
    return command;
  });
}

std::expected<group::cmd::Cancel, CodecError>
cancellation_from_json(std::string_view body, const group::MeetingId& meeting_id) {
  return read_body(body, "cancel", [&](ObjectReader& reader, const json::object&) {
    return group::cmd::Cancel{meeting_id, reader.text("reason", Presence::optional)};
  });
}

std::expected<group::cmd::ProposeDates, CodecError>
proposal_from_json(std::string_view body, const group::MeetingId& meeting_id) {
  return read_body(body, "proposals", [&](ObjectReader& reader, const json::object&) {
    group::cmd::ProposeDates propose{meeting_id, {}};
    if (const json::array* dates = reader.array("dates"))
      for (const json::value& date : *dates) {
        if (!date.is_int64()) {
          reader.fail(CodecErrorCode::wrong_type, "dates",
                      "every date must be an integer (milliseconds since 1970, UTC)");
          break;
        }
        propose.dates.push_back(core::Instant{core::Duration{date.get_int64()}});
      }
    return propose;
  });
}

std::expected<group::cmd::AnswerDates, CodecError>
answers_from_json(std::string_view body, const group::MeetingId& meeting_id) {
  return read_body(body, "answers", [&](ObjectReader& reader, const json::object&) {
    group::cmd::AnswerDates answer{meeting_id, {}};
    if (const json::array* suits = reader.array("suits"))
      for (const json::value& suit : *suits) {
        if (!suit.is_bool()) {
          reader.fail(CodecErrorCode::wrong_type, "suits", "every answer must be true or false");
          break;
        }
        answer.suits.push_back(suit.get_bool());
      }
    return answer;
  });
}

std::expected<group::cmd::ChooseDate, CodecError>
choice_from_json(std::string_view body, const group::MeetingId& meeting_id) {
  return read_body(body, "choice", [&](ObjectReader& reader, const json::object&) {
    return group::cmd::ChooseDate{meeting_id,
                                  static_cast<std::size_t>(reader.integer("index", 0, 100))};
  });
}

std::expected<group::cmd::SetFacilitator, CodecError>
facilitator_from_json(std::string_view body, const group::MeetingId& meeting_id) {
  return read_body(body, "facilitator", [&](ObjectReader& reader, const json::object&) {
    return group::cmd::SetFacilitator{meeting_id, reader.text("member")};
  });
}

std::expected<group::cmd::RecordFollowUp, CodecError>
follow_up_from_json(std::string_view body, const group::MeetingId& meeting_id) {
  return read_body(body, "follow-ups", [&](ObjectReader& reader, const json::object&) {
    // In this order: the messages name the first problem, session_id before note.
    std::string session_id = reader.text("session_id");
    std::string note = reader.text("note", Presence::optional);
    return group::cmd::RecordFollowUp{meeting_id, std::move(session_id), std::move(note)};
  });
}

std::expected<NewCase, CodecError> new_case_from_json(std::string_view body) {
  return read_body(body, "new case", [](ObjectReader& reader, const json::object& object) {
    NewCase wanted;
    wanted.method = reader.text("method");
    wanted.title = reader.text("title", Presence::optional);
    // Absent: true; null reads as false, as it always has.
    wanted.facilitator_takes_turns =
        reader.boolean("facilitator_takes_turns", Presence::optional) ||
        !object.contains("facilitator_takes_turns");
    return wanted;
  });
}

} // namespace intervisie::server
