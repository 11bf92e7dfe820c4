// SPDX-License-Identifier: EUPL-1.2
// The request bodies of the session routes over HTTP (docs/protocol.md 2.4, 2.5, 2.10 and the
// coach): flat objects of strings and booleans. Their messages are the protocol's own
// ("Missing field: name", "Field claim must be true or false."), not ObjectReader's; the first
// problem found is the one reported: the body, then an unknown field, then each field in turn.
#pragma once

#include "core/coach/coach.hpp"
#include "server/codec/codec_error.hpp"

#include <expected>
#include <optional>
#include <string>
#include <string_view>

namespace intervisie::server {

// POST /api/sessions
struct NewSessionBody {
  std::string method;
  std::string title;
  std::string facilitator_name;
  bool facilitator_takes_turns = true;
};
std::expected<NewSessionBody, CodecError> new_session_from_json(std::string_view body);

// POST /api/sessions/{id}/participants
struct JoinBody {
  std::string join_token;
  std::string name;
  bool claim = false;
};
std::expected<JoinBody, CodecError> join_from_json(std::string_view body);

// POST /api/sessions/{id}/invitation: the join token alone.
std::expected<std::string, CodecError> join_token_from_json(std::string_view body);

// POST /api/coach
struct CoachBody {
  core::coach::TextKind kind{};
  std::string text;
  std::optional<bool> open_questions;
};
std::expected<CoachBody, CodecError> coach_request_from_json(std::string_view body);

} // namespace intervisie::server
