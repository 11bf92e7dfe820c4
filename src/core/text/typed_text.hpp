// SPDX-License-Identifier: EUPL-1.2
// What every text a person types must be, wherever it is typed: well-formed UTF-8 without
// control characters, and without white space at its ends. Sessions and groups judge their
// texts by these; each says no in its own words.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace intervisie::core {

// Counts code points; nullopt when the bytes are not well-formed UTF-8 (no overlongs, no
// surrogates, nothing above U+10FFFF) or hold a control character other than tab and newline.
std::optional<std::size_t> typed_length(std::string_view text);

// Without spaces, tabs and line breaks at either end.
std::string_view trimmed(std::string_view text);

// The same words compare the same: case, spacing and punctuation aside (ASCII only).
std::string comparable(std::string_view text);

} // namespace intervisie::core
