// SPDX-License-Identifier: EUPL-1.2
#include "server/codec/session_request_json.hpp"

#include <boost/json/parse.hpp>
#include <boost/json/value.hpp>

#include <algorithm>
#include <initializer_list>

namespace intervisie::server {
namespace {

// One flat body: its fields are checked against the route's list as it is parsed.
class FlatBody {
public:
  static std::expected<FlatBody, CodecError>
  parse(std::string_view text, std::initializer_list<std::string_view> allowed) {
    boost::system::error_code error;
    boost::json::value parsed = boost::json::parse(text, error);
    if (error || !parsed.is_object())
      return std::unexpected(
          CodecError{CodecErrorCode::bad_message, "", "The body must be one JSON object."});
    for (const auto& field : parsed.get_object())
      if (std::ranges::find(allowed, std::string_view(field.key())) == allowed.end())
        return std::unexpected(CodecError{CodecErrorCode::unknown_field, std::string(field.key()),
                                          "Unknown field: " + std::string(field.key())});
    return FlatBody{std::move(parsed.get_object())};
  }

  // A required string.
  std::expected<std::string, CodecError> text(std::string_view name) const {
    const auto* value = object_.if_contains(name);
    if (value == nullptr)
      return std::unexpected(CodecError{CodecErrorCode::missing_field, std::string(name),
                                        "Missing field: " + std::string(name)});
    if (!value->is_string())
      return std::unexpected(CodecError{CodecErrorCode::wrong_type, std::string(name),
                                        "Field " + std::string(name) + " must be a string."});
    return std::string(value->get_string());
  }

  // An optional boolean: nothing when absent.
  std::expected<std::optional<bool>, CodecError> flag(std::string_view name) const {
    const auto* value = object_.if_contains(name);
    if (value == nullptr)
      return std::nullopt;
    if (!value->is_bool())
      return std::unexpected(CodecError{CodecErrorCode::wrong_type, std::string(name),
                                        "Field " + std::string(name) + " must be true or false."});
    return value->get_bool();
  }

private:
  explicit FlatBody(boost::json::object object) : object_{std::move(object)} {}

  boost::json::object object_;
};

} // namespace

std::expected<NewSessionBody, CodecError> new_session_from_json(std::string_view text) {
  auto body =
      FlatBody::parse(text, {"method", "title", "facilitator_name", "facilitator_takes_turns"});
  if (!body)
    return std::unexpected(std::move(body.error()));
  auto method = body->text("method");
  auto title = body->text("title");
  auto name = body->text("facilitator_name");
  for (const auto* field : {&method, &title, &name})
    if (!*field)
      return std::unexpected(field->error());
  const auto takes_turns = body->flag("facilitator_takes_turns");
  if (!takes_turns)
    return std::unexpected(takes_turns.error());
  return NewSessionBody{std::move(*method), std::move(*title), std::move(*name),
                        takes_turns->value_or(true)};
}

std::expected<JoinBody, CodecError> join_from_json(std::string_view text) {
  auto body = FlatBody::parse(text, {"join_token", "name", "claim"});
  if (!body)
    return std::unexpected(std::move(body.error()));
  auto join_token = body->text("join_token");
  auto name = body->text("name");
  for (const auto* field : {&join_token, &name})
    if (!*field)
      return std::unexpected(field->error());
  const auto claim = body->flag("claim");
  if (!claim)
    return std::unexpected(claim.error());
  return JoinBody{std::move(*join_token), std::move(*name), claim->value_or(false)};
}

std::expected<std::string, CodecError> join_token_from_json(std::string_view text) {
  auto body = FlatBody::parse(text, {"join_token"});
  if (!body)
    return std::unexpected(std::move(body.error()));
  return body->text("join_token");
}

std::expected<CoachBody, CodecError> coach_request_from_json(std::string_view text) {
  auto body = FlatBody::parse(text, {"kind", "text", "open_questions"});
  if (!body)
    return std::unexpected(std::move(body.error()));
  auto kind_name = body->text("kind");
  auto checked = body->text("text");
  for (const auto* field : {&kind_name, &checked})
    if (!*field)
      return std::unexpected(field->error());
  const auto kind = core::coach::text_kind_from_string(*kind_name);
  if (!kind)
    return std::unexpected(CodecError{CodecErrorCode::unknown_kind, "kind",
                                      "Field kind must be statement, question or advice."});
  const auto open_questions = body->flag("open_questions");
  if (!open_questions)
    return std::unexpected(open_questions.error());
  return CoachBody{*kind, std::move(*checked), *open_questions};
}

} // namespace intervisie::server
