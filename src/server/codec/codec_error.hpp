// SPDX-License-Identifier: EUPL-1.2
// Why a JSON message or record could not be read. Every error names what is wrong, so a client
// author can fix their message from the text alone; nothing was changed by the attempt.
#pragma once

#include "core/session/session_state.hpp"

#include <string>
#include <string_view>

namespace intervisie::server {

enum class CodecErrorCode {
  bad_message,   // not JSON, not an object, or not well-formed UTF-8
  unknown_type,  // an envelope "type" the server does not know
  unknown_kind,  // a command or event "kind" that does not exist
  missing_field, // a required field is absent
  wrong_type,    // a field holds the wrong JSON type
  bad_value,     // the right type, but not an allowed value (an unknown rating, id 0, ...)
  unknown_field, // a field the message may not have: a typo must not pass silently
  text_too_long, // a text over max_text_code_points
};

// The limit on every text a client sends, in code points (not bytes): the engine's own limit,
// checked here as well so an oversized text is refused before it is copied anywhere.
inline constexpr std::size_t max_text_code_points = core::max_text_chars;

struct CodecError {
  CodecErrorCode code{};
  std::string field;   // the field concerned, e.g. "text" or "method.steps[2].kind"; may be empty
  std::string message; // one sentence in English for the client's developer
  bool operator==(const CodecError&) const = default;
};

// The wire name, e.g. "missing_field".
std::string_view to_string(CodecErrorCode code);

} // namespace intervisie::server
