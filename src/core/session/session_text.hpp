// SPDX-License-Identifier: EUPL-1.2
// A text as a session takes it, for those outside the engine that check a text the same way
// (the coach's HTTP route and command): well-formed UTF-8, trimmed, within max_text_chars.
#pragma once

#include "core/session/refusal.hpp"

#include <expected>
#include <string>
#include <string_view>

namespace intervisie::core {

// The trimmed text, or invalid_text / text_too_long. An empty text is fine here.
std::expected<std::string, Refusal> session_text(std::string_view raw);

} // namespace intervisie::core
