// SPDX-License-Identifier: EUPL-1.2
// Advice starts from the presenter's place: "Als ik in jouw schoenen stond, ...".
#pragma once

#include "core/coach/verdict.hpp"

#include <string>
#include <string_view>

namespace intervisie::core::coach {

struct AdviceOpenerReading {
  AdviceOpener opener;
  Span span;           // the opener as typed, or the first words when it is missing
  std::string rewrite; // when missing: the advice with the opener in front
};

// Forgiving about small typos, "je"/"jou"/"uw" for "jouw", and "sta"/"zou staan" for "stond".
AdviceOpenerReading read_advice_opener(std::string_view text);

// The advice as the record keeps it: unchanged when it has the opener, else the opener in
// front ("Als ik in jouw schoenen stond, dan zou ik ..."). The engine and the coach's offer
// use this one spelling.
std::string with_advice_opener(std::string_view text);

} // namespace intervisie::core::coach
