// SPDX-License-Identifier: EUPL-1.2
// Why a command was refused. Every refusal has its own code and leaves the session unchanged.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace intervisie::core {

// The codes of src/core/session/refusals.json, in its order (cmake/RefusalCatalogue.cmake).
enum class RefusalCode {
#define INTERVISIE_REFUSAL(code, nl, en) code,
#include "core/session/refusals.def"
#undef INTERVISIE_REFUSAL
};

// How many codes there are: a test goes through every one of them.
inline constexpr std::size_t refusal_code_count = 0
#define INTERVISIE_REFUSAL(code, nl, en) +1
#include "core/session/refusals.def"
#undef INTERVISIE_REFUSAL
    ;

struct Refusal {
  RefusalCode code{};
  bool operator==(const Refusal&) const = default;
};

// The wire name, e.g. "not_your_turn".
std::string_view to_string(RefusalCode code);

// One calm sentence for the person whose command was refused.
std::string_view message_nl(RefusalCode code);
std::string_view message_en(RefusalCode code);

} // namespace intervisie::core
