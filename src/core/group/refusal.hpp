// SPDX-License-Identifier: EUPL-1.2
// Why a group command was refused. Every refusal has its own code and leaves the group unchanged.
#pragma once

#include <cstddef>
#include <string_view>

namespace intervisie::core::group {

// The codes of src/core/group/refusals.json, in its order (cmake/RefusalCatalogue.cmake).
enum class GroupRefusalCode {
#define INTERVISIE_REFUSAL(code, nl, en) code,
#include "core/group/refusals.def"
#undef INTERVISIE_REFUSAL
};

// How many codes there are: a test goes through every one of them.
inline constexpr std::size_t group_refusal_code_count = 0
#define INTERVISIE_REFUSAL(code, nl, en) +1
#include "core/group/refusals.def"
#undef INTERVISIE_REFUSAL
    ;

struct GroupRefusal {
  GroupRefusalCode code{};
  std::string_view field{}; // the command's field concerned, e.g. "reason"; may be empty
  bool operator==(const GroupRefusal&) const = default;
};

// The wire name, e.g. "not_rescheduler".
std::string_view to_string(GroupRefusalCode code);

// One calm sentence for the person whose command was refused.
std::string_view message_nl(GroupRefusalCode code);
std::string_view message_en(GroupRefusalCode code);

} // namespace intervisie::core::group
