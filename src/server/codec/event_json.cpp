// SPDX-License-Identifier: EUPL-1.2
#include "server/codec/event_json.hpp"

#include "server/codec/method_from_json.hpp"
#include "server/codec/method_json.hpp"
#include "server/codec/object_reader.hpp"
#include "server/codec/wire_names.hpp"

#include <array>
#include <climits>
#include <memory>
#include <string>
#include <type_traits>
#include <variant>

namespace intervisie::server {
namespace {

namespace ev = core::event;
using core::CandidateTag;
using core::ParticipantTag;
using core::QuestionTag;

constexpr auto nullable = Presence::nullable;
constexpr auto optional = Presence::optional;

template <class Tag> boost::json::value id_or_null(std::optional<core::Id<Tag>> id) {
  return id ? boost::json::value(id->value) : boost::json::value(nullptr);
}

// Writers: only the event's own fields; kind, at and actor are added by event_to_json.
struct Writer {
  boost::json::object& json;

  void operator()(const ev::SessionCreated& e) const {
    json["method"] = e.method ? to_json(*e.method) : boost::json::value(nullptr);
    json["title"] = e.title;
    json["facilitator_takes_turns"] = e.facilitator_takes_turns;
  }
  void operator()(const ev::ParticipantJoined& e) const {
    json["participant"] = e.participant.value;
    json["name"] = e.name;
  }
  void operator()(const ev::PresenterAssigned& e) const {
    json["participant"] = e.participant.value;
  }
  void operator()(const ev::ScribeAssigned& e) const { json["participant"] = e.participant.value; }
  void operator()(const ev::FacilitatorHandedOver& e) const {
    json["participant"] = e.participant.value;
  }
  void operator()(const ev::StepStarted& e) const { json["step"] = e.step; }
  void operator()(const ev::TimeAdjusted& e) const { json["seconds"] = e.seconds; }
  void operator()(const ev::DisturbanceRaised& e) const { json["text"] = e.text; }
  void operator()(const ev::IssueProposed& e) const {
    json["candidate"] = e.candidate.value;
    json["owner"] = e.owner.value;
    json["text"] = e.text;
    json["recorded_by"] = id_or_null(e.recorded_by);
  }
  void operator()(const ev::IssueWithdrawn& e) const { json["candidate"] = e.candidate.value; }
  void operator()(const ev::VoteCast& e) const {
    json["voter"] = e.voter.value;
    json["candidate"] = e.candidate.value;
  }
  void operator()(const ev::IssueChosen& e) const {
    json["candidate"] = e.candidate.value;
    json["presenter"] = e.presenter.value;
  }
  void operator()(const ev::StatementSet& e) const { json["text"] = e.text; }
  void operator()(const ev::QuestionAsked& e) const {
    json["question"] = e.question.value;
    json["asker"] = e.asker.value;
    json["recorded_by"] = id_or_null(e.recorded_by);
    json["text"] = e.text;
  }
  void operator()(const ev::TurnPassed& e) const {
    json["participant"] = e.participant.value;
    json["recorded_by"] = id_or_null(e.recorded_by);
  }
  void operator()(const ev::QuestionAnswered& e) const {
    json["question"] = e.question.value;
    json["note"] = e.note;
  }
  void operator()(const ev::QuestionDeclined& e) const { json["question"] = e.question.value; }
  void operator()(const ev::QuestionRated& e) const {
    json["question"] = e.question.value;
    json["rating"] = wire_name(e.rating);
    json["recorded_by"] = id_or_null(e.recorded_by);
  }
  void operator()(const ev::RoundsClosed& e) const { json["reason"] = wire_name(e.reason); }
  void operator()(const ev::ObservationAdded& e) const {
    json["author"] = e.author.value;
    json["text"] = e.text;
    json["recorded_by"] = id_or_null(e.recorded_by);
  }
  void operator()(const ev::ReflectionGiven& e) const { json["text"] = e.text; }
  void operator()(const ev::StatementReframed& e) const { json["text"] = e.text; }
  void operator()(const ev::AdviceGiven& e) const {
    json["adviser"] = e.adviser.value;
    json["text"] = e.text;
    json["recorded_by"] = id_or_null(e.recorded_by);
  }
  void operator()(const ev::DraftWritten& e) const {
    json["author"] = e.author.value;
    json["text"] = e.text;
  }
  void operator()(const ev::AdviceShared& e) const {
    json["adviser"] = e.adviser.value;
    json["draft"] = e.draft;
    json["essence"] = e.essence;
  }
  void operator()(const ev::ReactionGiven& e) const {
    json["tomorrow"] = e.tomorrow;
    json["think_over"] = e.think_over;
  }
  void operator()(const ev::ClosingRemarkMade& e) const {
    json["author"] = e.author.value;
    json["text"] = e.text;
    json["recorded_by"] = id_or_null(e.recorded_by);
  }
  void operator()(const ev::PrivateNoteWritten& e) const { json["text"] = e.text; }
  void operator()(const ev::CoachHintsSet& e) const { json["on"] = e.on; }
  void operator()(const ev::ParticipantAdded& e) const {
    json["participant"] = e.participant.value;
    json["name"] = e.name;
  }
  void operator()(const ev::PlaceClaimed& e) const { json["participant"] = e.participant.value; }
  void operator()(const ev::NoteAdded& e) const {
    json["author"] = e.author.value;
    json["text"] = e.text;
  }
  void operator()(const ev::ContributionsSet& e) const {
    json["mode"] =
        e.mode ? boost::json::value(core::to_string(*e.mode)) : boost::json::value(nullptr);
  }
  void operator()(const ev::KeyPointNoted& e) const {
    json["question"] = id_or_null(e.question);
    json["advice"] = id_or_null(e.advice);
    json["text"] = e.text;
    json["recorded_by"] = id_or_null(e.recorded_by);
  }
  void operator()(const ev::ReturnRequested& e) const {
    json["request"] = e.request.value;
    json["participant"] = e.participant.value;
  }
  void operator()(const ev::ReturnAdmitted& e) const {
    json["request"] = e.request.value;
    json["participant"] = e.participant.value;
  }
  void operator()(const ev::ReturnDeclined& e) const { json["request"] = e.request.value; }
  // Events without fields.
  template <class Empty> void operator()(const Empty&) const {
    static_assert(std::is_empty_v<Empty>, "every event with fields needs a writer");
  }
};

ev::SessionCreated session_created(ObjectReader& r) {
  ev::SessionCreated created;
  if (const boost::json::object* method_json = r.object("method")) {
    auto method = method_from_json(*method_json, r.path_of("method"));
    if (method)
      created.method = std::make_shared<const core::Method>(std::move(*method));
    else
      r.fail(std::move(method.error()));
  }
  created.title = r.text("title");
  created.facilitator_takes_turns = r.boolean("facilitator_takes_turns");
  return created;
}

using Reader = core::EventBody (*)(ObjectReader&);

// One reader per kind, in the order of EventBody's alternatives. Braced initialisation reads
// the fields in order, so the first problem is the one reported.
constexpr std::array<Reader, std::variant_size_v<core::EventBody>> readers = {
    [](ObjectReader& r) -> core::EventBody { return session_created(r); },
    [](ObjectReader& r) -> core::EventBody {
      return ev::ParticipantJoined{r.id<ParticipantTag>("participant"), r.text("name")};
    },
    [](ObjectReader& r) -> core::EventBody {
      return ev::PresenterAssigned{r.id<ParticipantTag>("participant")};
    },
    [](ObjectReader& r) -> core::EventBody {
      return ev::ScribeAssigned{r.id<ParticipantTag>("participant")};
    },
    [](ObjectReader& r) -> core::EventBody {
      return ev::FacilitatorHandedOver{r.id<ParticipantTag>("participant")};
    },
    [](ObjectReader&) -> core::EventBody { return ev::SessionStarted{}; },
    [](ObjectReader& r) -> core::EventBody {
      return ev::StepStarted{static_cast<std::size_t>(r.integer("step", 0, INT_MAX))};
    },
    [](ObjectReader&) -> core::EventBody { return ev::SessionFinished{}; },
    [](ObjectReader& r) -> core::EventBody {
      return ev::TimeAdjusted{static_cast<int>(r.integer("seconds", INT_MIN, INT_MAX))};
    },
    [](ObjectReader& r) -> core::EventBody { return ev::DisturbanceRaised{r.text("text")}; },
    [](ObjectReader&) -> core::EventBody { return ev::DisturbanceResolved{}; },
    [](ObjectReader&) -> core::EventBody { return ev::Paused{}; },
    [](ObjectReader&) -> core::EventBody { return ev::Resumed{}; },
    [](ObjectReader& r) -> core::EventBody {
      return ev::IssueProposed{r.id<CandidateTag>("candidate"), r.id<ParticipantTag>("owner"),
                               r.text("text"), r.optional_id<ParticipantTag>("recorded_by")};
    },
    [](ObjectReader& r) -> core::EventBody {
      return ev::IssueWithdrawn{r.id<CandidateTag>("candidate")};
    },
    [](ObjectReader& r) -> core::EventBody {
      return ev::VoteCast{r.id<ParticipantTag>("voter"), r.id<CandidateTag>("candidate")};
    },
    [](ObjectReader& r) -> core::EventBody {
      return ev::IssueChosen{r.id<CandidateTag>("candidate"), r.id<ParticipantTag>("presenter")};
    },
    [](ObjectReader& r) -> core::EventBody { return ev::StatementSet{r.text("text")}; },
    [](ObjectReader&) -> core::EventBody { return ev::PreparationStarted{}; },
    [](ObjectReader&) -> core::EventBody { return ev::PreparationEnded{}; },
    [](ObjectReader& r) -> core::EventBody {
      return ev::QuestionAsked{r.id<QuestionTag>("question"), r.id<ParticipantTag>("asker"),
                               r.optional_id<ParticipantTag>("recorded_by", nullable),
                               r.text("text")};
    },
    [](ObjectReader& r) -> core::EventBody {
      return ev::TurnPassed{r.id<ParticipantTag>("participant"),
                            r.optional_id<ParticipantTag>("recorded_by", nullable)};
    },
    [](ObjectReader& r) -> core::EventBody {
      return ev::QuestionAnswered{r.id<QuestionTag>("question"), r.text("note")};
    },
    [](ObjectReader& r) -> core::EventBody {
      return ev::QuestionDeclined{r.id<QuestionTag>("question")};
    },
    [](ObjectReader& r) -> core::EventBody {
      return ev::QuestionRated{r.id<QuestionTag>("question"),
                               r.choice<core::Rating>("rating", rating_names),
                               r.optional_id<ParticipantTag>("recorded_by", nullable)};
    },
    [](ObjectReader& r) -> core::EventBody {
      return ev::RoundsClosed{
          r.choice<core::RoundsClosedReason>("reason", rounds_closed_reason_names)};
    },
    [](ObjectReader& r) -> core::EventBody {
      // recorded_by is absent in events stored before people without a device existed.
      return ev::ObservationAdded{r.id<ParticipantTag>("author"), r.text("text"),
                                  r.optional_id<ParticipantTag>("recorded_by")};
    },
    [](ObjectReader&) -> core::EventBody { return ev::GossipClosed{}; },
    [](ObjectReader& r) -> core::EventBody { return ev::ReflectionGiven{r.text("text")}; },
    [](ObjectReader& r) -> core::EventBody { return ev::StatementReframed{r.text("text")}; },
    [](ObjectReader&) -> core::EventBody { return ev::StatementKept{}; },
    [](ObjectReader& r) -> core::EventBody {
      return ev::AdviceGiven{r.id<ParticipantTag>("adviser"), r.text("text", optional),
                             r.optional_id<ParticipantTag>("recorded_by")};
    },
    [](ObjectReader& r) -> core::EventBody {
      return ev::DraftWritten{r.id<ParticipantTag>("author"), r.text("text")};
    },
    [](ObjectReader& r) -> core::EventBody {
      return ev::AdviceShared{r.id<ParticipantTag>("adviser"), r.text("draft"), r.text("essence")};
    },
    [](ObjectReader& r) -> core::EventBody {
      return ev::ReactionGiven{r.text("tomorrow"), r.text("think_over")};
    },
    [](ObjectReader& r) -> core::EventBody {
      return ev::ClosingRemarkMade{r.id<ParticipantTag>("author"), r.text("text"),
                                   r.optional_id<ParticipantTag>("recorded_by")};
    },
    [](ObjectReader& r) -> core::EventBody { return ev::PrivateNoteWritten{r.text("text")}; },
    [](ObjectReader& r) -> core::EventBody { return ev::CoachHintsSet{r.boolean("on")}; },
    [](ObjectReader& r) -> core::EventBody {
      return ev::ParticipantAdded{r.id<ParticipantTag>("participant"), r.text("name")};
    },
    [](ObjectReader& r) -> core::EventBody {
      return ev::PlaceClaimed{r.id<ParticipantTag>("participant")};
    },
    [](ObjectReader& r) -> core::EventBody {
      return ev::NoteAdded{r.id<ParticipantTag>("author"), r.text("text")};
    },
    [](ObjectReader& r) -> core::EventBody {
      const std::string mode = r.text("mode", nullable);
      if (mode.empty())
        return ev::ContributionsSet{std::nullopt};
      const auto parsed = core::contributions_from_string(mode);
      if (!parsed)
        r.fail(CodecErrorCode::bad_value, "mode", "mode is spoken, written or null");
      return ev::ContributionsSet{parsed};
    },
    [](ObjectReader& r) -> core::EventBody {
      return ev::KeyPointNoted{r.optional_id<QuestionTag>("question", nullable),
                               r.optional_id<core::AdviceTag>("advice", nullable), r.text("text"),
                               r.optional_id<ParticipantTag>("recorded_by", nullable)};
    },
    [](ObjectReader& r) -> core::EventBody {
      return ev::ReturnRequested{r.id<core::ReturnTag>("request"),
                                 r.id<ParticipantTag>("participant")};
    },
    [](ObjectReader& r) -> core::EventBody {
      return ev::ReturnAdmitted{r.id<core::ReturnTag>("request"),
                                r.id<ParticipantTag>("participant")};
    },
    [](ObjectReader& r) -> core::EventBody {
      return ev::ReturnDeclined{r.id<core::ReturnTag>("request")};
    },
};

// core's kind_name() takes a body; the names by index come from it, once.
const std::array<std::string_view, std::variant_size_v<core::EventBody>>& kind_names() {
  static const auto names = [] {
    std::array<std::string_view, std::variant_size_v<core::EventBody>> result{};
    [&]<std::size_t... index>(std::index_sequence<index...>) {
      ((result[index] = core::kind_name(core::EventBody{std::in_place_index<index>})), ...);
    }
    (std::make_index_sequence<std::variant_size_v<core::EventBody>>{});
    return result;
  }();
  return names;
}

} // namespace

boost::json::object event_to_json(const core::Event& event) {
  boost::json::object json;
  json["kind"] = core::kind_name(event.body);
  json["at"] = event.at.time_since_epoch().count();
  json["actor"] = id_or_null(event.actor);
  std::visit(Writer{json}, event.body);
  return json;
}

std::expected<core::Event, CodecError> event_from_json(const boost::json::value& json) {
  const auto* object = json.if_object();
  if (object == nullptr)
    return std::unexpected(
        CodecError{CodecErrorCode::wrong_type, "event",
                   "an event must be a JSON object, not " + std::string(json_type_name(json))});
  const boost::json::value* kind = object->if_contains("kind");
  if (kind == nullptr)
    return std::unexpected(CodecError{CodecErrorCode::missing_field, "kind",
                                      "an event needs a \"kind\", e.g. \"question_asked\""});
  const auto* kind_text = kind->if_string();
  if (kind_text == nullptr)
    return std::unexpected(CodecError{CodecErrorCode::wrong_type, "kind",
                                      "an event's \"kind\" must be a string, not " +
                                          std::string(json_type_name(*kind))});
  const auto& names = kind_names();
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (names[i] != std::string_view{*kind_text})
      continue;
    ObjectReader reader(*object, "event " + std::string(names[i]), "", Source::record);
    reader.known("kind");
    core::Event event;
    event.at = core::Instant{core::Duration{reader.integer(
        "at", std::numeric_limits<std::int64_t>::min(), std::numeric_limits<std::int64_t>::max())}};
    event.actor = reader.optional_id<ParticipantTag>("actor", nullable);
    event.body = readers[i](reader);
    return reader.result(std::move(event));
  }
  return std::unexpected(
      CodecError{CodecErrorCode::unknown_kind, "kind", "there is no event kind " + shown(*kind)});
}

std::span<const std::string_view> event_kind_names() {
  return kind_names();
}

} // namespace intervisie::server
