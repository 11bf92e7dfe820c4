// SPDX-License-Identifier: EUPL-1.2
#include "core/group/refusal.hpp"

#include <cstddef>
#include <iterator>

namespace intervisie::core::group {
namespace {

struct RefusalText {
  std::string_view code;
  std::string_view nl;
  std::string_view en;
};

// One entry per code, in the order of the enum: both are made from the same catalogue.
constexpr RefusalText refusal_texts[] = {
#define INTERVISIE_REFUSAL(code, nl, en) {#code, nl, en},
#include "core/group/refusals.def"
#undef INTERVISIE_REFUSAL
};

const RefusalText& text_of(GroupRefusalCode code) {
  return refusal_texts[static_cast<std::size_t>(code)];
}

} // namespace

std::string_view to_string(GroupRefusalCode code) {
  return text_of(code).code;
}
std::string_view message_nl(GroupRefusalCode code) {
  return text_of(code).nl;
}
std::string_view message_en(GroupRefusalCode code) {
  return text_of(code).en;
}

} // namespace intervisie::core::group
