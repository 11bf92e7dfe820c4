// SPDX-License-Identifier: EUPL-1.2
#include "server/codec/group_event_json.hpp"

#include "server/codec/object_reader.hpp"

#include <array>
#include <climits>
#include <limits>
#include <string>
#include <variant>

namespace intervisie::server {
namespace {

namespace gev = core::group::event;
using core::Instant;

std::int64_t milliseconds(Instant instant) {
  return instant.time_since_epoch().count();
}

template <class Items, class Write> boost::json::array array_of(const Items& items, Write write) {
  boost::json::array array;
  for (const auto& item : items)
    array.emplace_back(write(item));
  return array;
}

boost::json::array strings(const std::vector<std::string>& items) {
  return array_of(items, [](const std::string& item) { return boost::json::value(item); });
}

// Writers: only the event's own fields; kind, at and actor are added by group_event_to_json.
struct Writer {
  boost::json::object& json;

  void operator()(const gev::GroupCreated& e) const {
    json["name"] = e.name;
    json["own_rules"] = strings(e.own_rules);
  }
  void operator()(const gev::MemberJoined& e) const {
    json["member"] = e.member;
    json["display_name"] = e.display_name;
    json["invitation"] = e.invitation ? boost::json::value(*e.invitation) : nullptr;
    json["rules_accepted_at"] = milliseconds(e.rules_accepted_at);
  }
  void operator()(const gev::MemberLeft& e) const {
    json["member"] = e.member;
    json["meetings_left"] = strings(e.meetings_left);
  }
  void operator()(const gev::InvitationCreated& e) const {
    json["invitation"] = e.invitation;
    json["expires_at"] = milliseconds(e.expires_at);
  }
  void operator()(const gev::InvitationRevoked& e) const { json["invitation"] = e.invitation; }
  void operator()(const gev::MeetingScheduled& e) const {
    json["meeting"] = e.meeting;
    json["starts_at"] = milliseconds(e.starts_at);
    json["minutes"] = e.minutes;
    json["place"] = e.place;
    json["video_link"] = e.video_link;
  }
  void operator()(const gev::MeetingCalledOff& e) const { json["meeting"] = e.meeting; }
  void operator()(const gev::SignedUp& e) const { json["meeting"] = e.meeting; }
  void operator()(const gev::Cancelled& e) const {
    json["meeting"] = e.meeting;
    json["reason"] = e.reason;
  }
  void operator()(const gev::CancellationWithdrawn& e) const { json["meeting"] = e.meeting; }
  void operator()(const gev::NewDateNeeded& e) const {
    json["meeting"] = e.meeting;
    json["rescheduler"] = e.rescheduler;
  }
  void operator()(const gev::ReschedulerChanged& e) const {
    json["meeting"] = e.meeting;
    json["rescheduler"] = e.rescheduler;
  }
  void operator()(const gev::RescheduleDropped& e) const { json["meeting"] = e.meeting; }
  void operator()(const gev::DatesProposed& e) const {
    json["meeting"] = e.meeting;
    json["dates"] =
        array_of(e.dates, [](Instant date) { return boost::json::value(milliseconds(date)); });
  }
  void operator()(const gev::DatesAnswered& e) const {
    json["meeting"] = e.meeting;
    json["suits"] = array_of(e.suits, [](bool suits) { return boost::json::value(suits); });
  }
  void operator()(const gev::MeetingMoved& e) const {
    json["meeting"] = e.meeting;
    json["starts_at"] = milliseconds(e.starts_at);
    json["signed_up"] = strings(e.signed_up);
  }
  void operator()(const gev::FacilitatorSet& e) const {
    json["meeting"] = e.meeting;
    json["member"] = e.member;
  }
  void operator()(const gev::CaseStarted& e) const {
    json["meeting"] = e.meeting;
    json["session"] = e.session;
    json["method"] = e.method;
    json["facilitator"] = e.facilitator;
  }
  void operator()(const gev::PresenterRecorded& e) const {
    json["session"] = e.session;
    json["presenter"] = e.presenter;
  }
  void operator()(const gev::FollowUpRecorded& e) const {
    json["session"] = e.session;
    json["note"] = e.note;
  }
  void operator()(const gev::RetentionSet& e) const { json["days"] = e.days; }
};

// The reading side of one event object: ObjectReader's checks, plus the shapes only group
// events have (instants, arrays, a nullable id). Every method reads one field.
struct Fields {
  ObjectReader& reader;
  const boost::json::object& json;

  std::string text(std::string_view name) { return reader.text(name); }
  int integer(std::string_view name) {
    return static_cast<int>(reader.integer(name, INT_MIN, INT_MAX));
  }
  Instant instant(std::string_view name) {
    return Instant{core::Duration{reader.integer(name, std::numeric_limits<std::int64_t>::min(),
                                                 std::numeric_limits<std::int64_t>::max())}};
  }
  std::optional<std::string> nullable_text(std::string_view name) {
    std::string value = reader.text(name, Presence::nullable);
    const boost::json::value* raw = json.if_contains(name);
    if (raw == nullptr || raw->is_null())
      return std::nullopt;
    return value;
  }

  // Each element read by `read`, which says whether it had the right type.
  template <class T, class Read>
  std::vector<T> array(std::string_view name, std::string_view element, Read read) {
    std::vector<T> items;
    const boost::json::array* array = reader.array(name);
    if (array == nullptr)
      return items;
    for (std::size_t i = 0; i < array->size(); ++i) {
      std::optional<T> item = read((*array)[i]);
      if (!item) {
        reader.fail_at(CodecErrorCode::wrong_type,
                       reader.path_of(name) + "[" + std::to_string(i) + "]",
                       "must be " + std::string(element) + ", not " +
                           std::string(json_type_name((*array)[i])));
        return {};
      }
      items.push_back(std::move(*item));
    }
    return items;
  }
  std::vector<std::string> strings(std::string_view name) {
    return array<std::string>(name, "a string",
                              [](const boost::json::value& value) -> std::optional<std::string> {
                                if (const auto* string = value.if_string())
                                  return std::string(*string);
                                return std::nullopt;
                              });
  }
  std::vector<Instant> instants(std::string_view name) {
    return array<Instant>(name, "an integer (milliseconds)",
                          [](const boost::json::value& value) -> std::optional<Instant> {
                            if (value.is_int64())
                              return Instant{core::Duration{value.get_int64()}};
                            return std::nullopt;
                          });
  }
  std::vector<bool> booleans(std::string_view name) {
    return array<bool>(name, "true or false",
                       [](const boost::json::value& value) -> std::optional<bool> {
                         if (value.is_bool())
                           return value.get_bool();
                         return std::nullopt;
                       });
  }
};

using Body = core::group::GroupEventBody;
using Reader = Body (*)(Fields&);

// One reader per kind, in the order of GroupEventBody's alternatives. Braced initialisation
// reads the fields in order, so the first problem is the one reported.
constexpr std::array<Reader, std::variant_size_v<Body>> readers = {
    [](Fields& f) -> Body {
      return gev::GroupCreated{f.text("name"), f.strings("own_rules")};
    },
    [](Fields& f) -> Body {
      return gev::MemberJoined{f.text("member"), f.text("display_name"),
                               f.nullable_text("invitation"), f.instant("rules_accepted_at")};
    },
    [](Fields& f) -> Body {
      return gev::MemberLeft{f.text("member"), f.strings("meetings_left")};
    },
    [](Fields& f) -> Body {
      return gev::InvitationCreated{f.text("invitation"), f.instant("expires_at")};
    },
    [](Fields& f) -> Body { return gev::InvitationRevoked{f.text("invitation")}; },
    [](Fields& f) -> Body {
      return gev::MeetingScheduled{f.text("meeting"), f.instant("starts_at"), f.integer("minutes"),
                                   f.text("place"), f.text("video_link")};
    },
    [](Fields& f) -> Body { return gev::MeetingCalledOff{f.text("meeting")}; },
    [](Fields& f) -> Body { return gev::SignedUp{f.text("meeting")}; },
    [](Fields& f) -> Body {
      return gev::Cancelled{f.text("meeting"), f.text("reason")};
    },
    [](Fields& f) -> Body { return gev::CancellationWithdrawn{f.text("meeting")}; },
    [](Fields& f) -> Body {
      return gev::NewDateNeeded{f.text("meeting"), f.text("rescheduler")};
    },
    [](Fields& f) -> Body {
      return gev::ReschedulerChanged{f.text("meeting"), f.text("rescheduler")};
    },
    [](Fields& f) -> Body { return gev::RescheduleDropped{f.text("meeting")}; },
    [](Fields& f) -> Body {
      return gev::DatesProposed{f.text("meeting"), f.instants("dates")};
    },
    [](Fields& f) -> Body {
      return gev::DatesAnswered{f.text("meeting"), f.booleans("suits")};
    },
    [](Fields& f) -> Body {
      return gev::MeetingMoved{f.text("meeting"), f.instant("starts_at"), f.strings("signed_up")};
    },
    [](Fields& f) -> Body {
      return gev::FacilitatorSet{f.text("meeting"), f.text("member")};
    },
    [](Fields& f) -> Body {
      return gev::CaseStarted{f.text("meeting"), f.text("session"), f.text("method"),
                              f.text("facilitator")};
    },
    [](Fields& f) -> Body {
      return gev::PresenterRecorded{f.text("session"), f.text("presenter")};
    },
    [](Fields& f) -> Body {
      return gev::FollowUpRecorded{f.text("session"), f.text("note")};
    },
    [](Fields& f) -> Body { return gev::RetentionSet{f.integer("days")}; },
};

} // namespace

boost::json::object group_event_to_json(const core::group::GroupEvent& event) {
  boost::json::object json;
  json["kind"] = core::group::kind_name(event.body);
  json["at"] = milliseconds(event.at);
  json["actor"] = event.actor;
  std::visit(Writer{json}, event.body);
  return json;
}

std::expected<core::group::GroupEvent, CodecError>
group_event_from_json(const boost::json::value& json) {
  const auto* object = json.if_object();
  if (object == nullptr)
    return std::unexpected(CodecError{CodecErrorCode::wrong_type, "event",
                                      "a group event must be a JSON object, not " +
                                          std::string(json_type_name(json))});
  const boost::json::value* kind = object->if_contains("kind");
  if (kind == nullptr)
    return std::unexpected(CodecError{CodecErrorCode::missing_field, "kind",
                                      "a group event needs a \"kind\", e.g. \"signed_up\""});
  const auto* kind_text = kind->if_string();
  if (kind_text == nullptr)
    return std::unexpected(CodecError{CodecErrorCode::wrong_type, "kind",
                                      "a group event's \"kind\" must be a string, not " +
                                          std::string(json_type_name(*kind))});
  const auto names = core::group::kind_names();
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (names[i] != std::string_view{*kind_text})
      continue;
    ObjectReader reader(*object, "group event " + std::string(names[i]), "", Source::record);
    reader.known("kind");
    Fields fields{reader, *object};
    core::group::GroupEvent event;
    event.at = fields.instant("at");
    event.actor = fields.text("actor");
    event.body = readers[i](fields);
    return reader.result(std::move(event));
  }
  return std::unexpected(CodecError{CodecErrorCode::unknown_kind, "kind",
                                    "there is no group event kind " + shown(*kind)});
}

store::NewEvent stored_group_event(const core::group::GroupEvent& event) {
  return store::NewEvent{.kind = std::string(core::group::kind_name(event.body)),
                         .payload = boost::json::serialize(group_event_to_json(event)),
                         .at_ms = milliseconds(event.at)};
}

std::expected<core::group::GroupEvent, CodecError>
group_event_from_stored(const store::StoredEvent& stored) {
  boost::system::error_code parse_error;
  const boost::json::value json = boost::json::parse(stored.payload, parse_error);
  if (parse_error)
    return std::unexpected(CodecError{CodecErrorCode::bad_message, "",
                                      "the stored event is not JSON: " + parse_error.message()});
  return group_event_from_json(json);
}

std::span<const std::string_view> group_event_kind_names() {
  return core::group::kind_names();
}

} // namespace intervisie::server
