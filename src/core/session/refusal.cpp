// SPDX-License-Identifier: EUPL-1.2
#include "core/session/refusal.hpp"

namespace intervisie::core {
namespace {

struct RefusalText {
  std::string_view code;
  std::string_view nl;
  std::string_view en;
};

// One entry per code, in the order of the enum: both are made from the same catalogue.
constexpr RefusalText refusal_texts[] = {
#define INTERVISIE_REFUSAL(code, nl, en) {#code, nl, en},
#include "core/session/refusals.def"
#undef INTERVISIE_REFUSAL
};

const RefusalText& text_of(RefusalCode code) {
  return refusal_texts[static_cast<std::size_t>(code)];
}

} // namespace

std::string_view to_string(RefusalCode code) {
  return text_of(code).code;
}
std::string_view message_nl(RefusalCode code) {
  return text_of(code).nl;
}
std::string_view message_en(RefusalCode code) {
  return text_of(code).en;
}

} // namespace intervisie::core
