// SPDX-License-Identifier: EUPL-1.2
// How far apart two spellings are: the fewest inserted, deleted or replaced bytes (Levenshtein).
// Near misses in method files and typos in the advice opener are judged by it.
#pragma once

#include <cstddef>
#include <string_view>

namespace intervisie::core {

std::size_t edit_distance(std::string_view from, std::string_view to);

} // namespace intervisie::core
