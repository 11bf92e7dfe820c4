// SPDX-License-Identifier: EUPL-1.2
#include "server/codec/command_json.hpp"

#include "server/codec/object_reader.hpp"
#include "server/codec/wire_names.hpp"

#include <array>
#include <climits>
#include <string>
#include <variant>

namespace intervisie::server {
namespace {

namespace cmd = core::command;
using core::CandidateId;
using core::ParticipantId;
using core::QuestionId;

constexpr auto optional = Presence::optional;

using Reader = core::CommandBody (*)(ObjectReader&);

// One reader per kind, in the order of CommandBody's alternatives (core::command_kind_names()).
constexpr std::array<Reader, std::variant_size_v<core::CommandBody>> readers = {
    [](ObjectReader& r) -> core::CommandBody { return cmd::Join{r.text("name")}; },
    [](ObjectReader& r) -> core::CommandBody {
      return cmd::AssignPresenter{r.id<core::ParticipantTag>("participant")};
    },
    [](ObjectReader& r) -> core::CommandBody {
      return cmd::AssignScribe{r.id<core::ParticipantTag>("participant")};
    },
    [](ObjectReader& r) -> core::CommandBody {
      return cmd::HandOverFacilitator{r.id<core::ParticipantTag>("participant")};
    },
    [](ObjectReader&) -> core::CommandBody { return cmd::Start{}; },
    [](ObjectReader& r) -> core::CommandBody {
      return cmd::NextStep{r.boolean("confirm", optional)};
    },
    [](ObjectReader& r) -> core::CommandBody {
      return cmd::AdjustTime{static_cast<int>(r.integer("seconds", INT_MIN, INT_MAX))};
    },
    [](ObjectReader& r) -> core::CommandBody {
      return cmd::RaiseDisturbance{r.text("text", optional), r.boolean("anonymous", optional)};
    },
    [](ObjectReader&) -> core::CommandBody { return cmd::ResolveDisturbance{}; },
    [](ObjectReader&) -> core::CommandBody { return cmd::Pause{}; },
    [](ObjectReader&) -> core::CommandBody { return cmd::Resume{}; },
    [](ObjectReader& r) -> core::CommandBody {
      return cmd::ProposeIssue{r.text("text"), r.optional_id<core::ParticipantTag>("on_behalf_of")};
    },
    [](ObjectReader& r) -> core::CommandBody {
      return cmd::WithdrawIssue{r.id<core::CandidateTag>("candidate")};
    },
    [](ObjectReader& r) -> core::CommandBody {
      return cmd::Vote{r.id<core::CandidateTag>("candidate")};
    },
    [](ObjectReader& r) -> core::CommandBody {
      return cmd::ChooseIssue{r.optional_id<core::CandidateTag>("candidate")};
    },
    [](ObjectReader& r) -> core::CommandBody { return cmd::SetStatement{r.text("text")}; },
    [](ObjectReader&) -> core::CommandBody { return cmd::StartPreparation{}; },
    [](ObjectReader&) -> core::CommandBody { return cmd::EndPreparation{}; },
    [](ObjectReader& r) -> core::CommandBody {
      // Braced initialisation reads the fields in order, so the first problem is reported.
      // The text may be empty in a spoken step (asked out loud); the engine judges that.
      return cmd::AskQuestion{r.text("text", optional),
                              r.optional_id<core::ParticipantTag>("on_behalf_of")};
    },
    [](ObjectReader& r) -> core::CommandBody {
      return cmd::Pass{r.optional_id<core::ParticipantTag>("on_behalf_of")};
    },
    [](ObjectReader& r) -> core::CommandBody {
      return cmd::AnswerQuestion{r.text("note", optional)};
    },
    [](ObjectReader&) -> core::CommandBody { return cmd::DeclineQuestion{}; },
    [](ObjectReader& r) -> core::CommandBody {
      return cmd::RateQuestion{r.optional_id<core::QuestionTag>("question"),
                               r.choice<core::Rating>("rating", rating_names)};
    },
    [](ObjectReader&) -> core::CommandBody { return cmd::CloseRounds{}; },
    [](ObjectReader& r) -> core::CommandBody {
      return cmd::AddObservation{r.text("text"),
                                 r.optional_id<core::ParticipantTag>("on_behalf_of")};
    },
    [](ObjectReader&) -> core::CommandBody { return cmd::CloseGossip{}; },
    [](ObjectReader& r) -> core::CommandBody { return cmd::Reflect{r.text("text", optional)}; },
    [](ObjectReader& r) -> core::CommandBody { return cmd::Reframe{r.text("text")}; },
    [](ObjectReader&) -> core::CommandBody { return cmd::KeepStatement{}; },
    [](ObjectReader& r) -> core::CommandBody {
      return cmd::GiveAdvice{r.text("text", optional),
                             r.optional_id<core::ParticipantTag>("on_behalf_of")};
    },
    [](ObjectReader& r) -> core::CommandBody {
      return cmd::WriteDraft{r.text("text"), r.optional_id<core::ParticipantTag>("on_behalf_of")};
    },
    [](ObjectReader& r) -> core::CommandBody {
      return cmd::ShareAdvice{r.text("essence", optional),
                              r.optional_id<core::ParticipantTag>("on_behalf_of")};
    },
    [](ObjectReader& r) -> core::CommandBody {
      return cmd::React{r.text("tomorrow", optional), r.text("think_over", optional)};
    },
    [](ObjectReader& r) -> core::CommandBody {
      return cmd::ClosingRemark{r.text("text", optional),
                                r.optional_id<core::ParticipantTag>("on_behalf_of")};
    },
    [](ObjectReader& r) -> core::CommandBody { return cmd::WritePrivateNote{r.text("text")}; },
    [](ObjectReader& r) -> core::CommandBody { return cmd::SetCoachHints{r.boolean("on")}; },
    [](ObjectReader& r) -> core::CommandBody { return cmd::AddParticipant{r.text("name")}; },
    [](ObjectReader& r) -> core::CommandBody { return cmd::AddNote{r.text("text")}; },
    [](ObjectReader& r) -> core::CommandBody {
      // "spoken", "written", or null / absent: as the method says per step.
      const std::string mode = r.text("mode", optional);
      if (mode.empty())
        return cmd::SetContributions{std::nullopt};
      const auto parsed = core::contributions_from_string(mode);
      if (!parsed)
        r.fail(CodecErrorCode::bad_value, "mode", "mode is spoken, written or null");
      return cmd::SetContributions{parsed};
    },
    [](ObjectReader& r) -> core::CommandBody {
      // Exactly one of question and advice: the engine says wrong_target otherwise.
      return cmd::NoteKeyPoint{r.optional_id<core::QuestionTag>("question"),
                               r.optional_id<core::AdviceTag>("advice"), r.text("text")};
    },
    [](ObjectReader& r) -> core::CommandBody {
      return cmd::RequestReturn{r.id<core::ParticipantTag>("participant"),
                                r.boolean("proven", optional)};
    },
    [](ObjectReader& r) -> core::CommandBody {
      return cmd::AdmitReturn{r.id<core::ReturnTag>("request")};
    },
    [](ObjectReader& r) -> core::CommandBody {
      return cmd::DeclineReturn{r.id<core::ReturnTag>("request")};
    },
};

// Writers: only the command's own fields; "kind" is added by command_to_json.
void write(boost::json::object& json, std::string_view name, std::optional<ParticipantId> id) {
  if (id)
    json[name] = id->value;
}
void write_text(boost::json::object& json, std::string_view name, const std::string& text) {
  if (!text.empty())
    json[name] = text;
}

struct Writer {
  boost::json::object& json;

  void operator()(const cmd::AssignPresenter& c) const {
    json["participant"] = c.participant.value;
  }
  void operator()(const cmd::AssignScribe& c) const { json["participant"] = c.participant.value; }
  void operator()(const cmd::HandOverFacilitator& c) const {
    json["participant"] = c.participant.value;
  }
  void operator()(const cmd::NextStep& c) const {
    if (c.confirm)
      json["confirm"] = true;
  }
  void operator()(const cmd::AdjustTime& c) const { json["seconds"] = c.seconds; }
  void operator()(const cmd::RaiseDisturbance& c) const {
    write_text(json, "text", c.text);
    if (c.anonymous)
      json["anonymous"] = true;
  }
  void operator()(const cmd::ProposeIssue& c) const {
    json["text"] = c.text;
    write(json, "on_behalf_of", c.on_behalf_of);
  }
  void operator()(const cmd::WithdrawIssue& c) const { json["candidate"] = c.candidate.value; }
  void operator()(const cmd::Vote& c) const { json["candidate"] = c.candidate.value; }
  void operator()(const cmd::ChooseIssue& c) const {
    if (c.candidate)
      json["candidate"] = c.candidate->value;
  }
  void operator()(const cmd::SetStatement& c) const { json["text"] = c.text; }
  void operator()(const cmd::AskQuestion& c) const {
    json["text"] = c.text;
    write(json, "on_behalf_of", c.on_behalf_of);
  }
  void operator()(const cmd::Pass& c) const { write(json, "on_behalf_of", c.on_behalf_of); }
  void operator()(const cmd::AnswerQuestion& c) const { write_text(json, "note", c.note); }
  void operator()(const cmd::RateQuestion& c) const {
    if (c.question)
      json["question"] = c.question->value;
    json["rating"] = wire_name(c.rating);
  }
  void operator()(const cmd::AddObservation& c) const {
    json["text"] = c.text;
    write(json, "on_behalf_of", c.on_behalf_of);
  }
  void operator()(const cmd::Reflect& c) const { write_text(json, "text", c.text); }
  void operator()(const cmd::Reframe& c) const { json["text"] = c.text; }
  void operator()(const cmd::GiveAdvice& c) const {
    json["text"] = c.text;
    write(json, "on_behalf_of", c.on_behalf_of);
  }
  void operator()(const cmd::WriteDraft& c) const {
    json["text"] = c.text;
    write(json, "on_behalf_of", c.on_behalf_of);
  }
  void operator()(const cmd::ShareAdvice& c) const {
    write_text(json, "essence", c.essence);
    write(json, "on_behalf_of", c.on_behalf_of);
  }
  void operator()(const cmd::React& c) const {
    write_text(json, "tomorrow", c.tomorrow);
    write_text(json, "think_over", c.think_over);
  }
  void operator()(const cmd::ClosingRemark& c) const {
    write_text(json, "text", c.text);
    write(json, "on_behalf_of", c.on_behalf_of);
  }
  void operator()(const cmd::WritePrivateNote& c) const { json["text"] = c.text; }
  void operator()(const cmd::SetCoachHints& c) const { json["on"] = c.on; }
  void operator()(const cmd::AddParticipant& c) const { json["name"] = c.name; }
  void operator()(const cmd::AddNote& c) const { json["text"] = c.text; }
  void operator()(const cmd::SetContributions& c) const {
    json["mode"] =
        c.mode ? boost::json::value(core::to_string(*c.mode)) : boost::json::value(nullptr);
  }
  void operator()(const cmd::NoteKeyPoint& c) const {
    if (c.question)
      json["question"] = c.question->value;
    if (c.advice)
      json["advice"] = c.advice->value;
    json["text"] = c.text;
  }
  void operator()(const cmd::Join& c) const { json["name"] = c.name; }
  void operator()(const cmd::RequestReturn& c) const {
    json["participant"] = c.participant.value;
    if (c.proven)
      json["proven"] = true;
  }
  void operator()(const cmd::AdmitReturn& c) const { json["request"] = c.request.value; }
  void operator()(const cmd::DeclineReturn& c) const { json["request"] = c.request.value; }
  // Commands without fields.
  template <class Empty> void operator()(const Empty&) const {
    static_assert(std::is_empty_v<Empty>, "every command with fields needs a writer");
  }
};

} // namespace

std::expected<core::CommandBody, CodecError> command_from_json(const boost::json::value& json) {
  const auto* object = json.if_object();
  if (object == nullptr)
    return std::unexpected(
        CodecError{CodecErrorCode::wrong_type, "command",
                   "a command must be a JSON object, not " + std::string(json_type_name(json))});
  const boost::json::value* kind = object->if_contains("kind");
  if (kind == nullptr)
    return std::unexpected(CodecError{CodecErrorCode::missing_field, "kind",
                                      "a command needs a \"kind\", e.g. \"ask_question\""});
  const auto* kind_text = kind->if_string();
  if (kind_text == nullptr)
    return std::unexpected(CodecError{CodecErrorCode::wrong_type, "kind",
                                      "a command's \"kind\" must be a string, not " +
                                          std::string(json_type_name(*kind))});
  const std::string_view name = *kind_text;
  const auto kind_names = core::command_kind_names();
  for (std::size_t i = 0; i < kind_names.size(); ++i) {
    if (kind_names[i] != name)
      continue;
    ObjectReader reader(*object, std::string(name), "", Source::client);
    reader.known("kind");
    core::CommandBody command = readers[i](reader);
    return reader.result(std::move(command));
  }
  return std::unexpected(
      CodecError{CodecErrorCode::unknown_kind, "kind", "there is no command kind " + shown(*kind)});
}

boost::json::object command_to_json(const core::CommandBody& command) {
  boost::json::object json;
  json["kind"] = core::kind_name(command);
  std::visit(Writer{json}, command);
  return json;
}

} // namespace intervisie::server
