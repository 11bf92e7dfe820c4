// SPDX-License-Identifier: EUPL-1.2
// A statement ("vraagstuk") is the presenter's own: it starts with "ik" and a verb, and it is
// about now or the near future.
#pragma once

#include "core/coach/verb_lexicon.hpp"
#include "core/coach/verdict.hpp"
#include "core/coach/words.hpp"

#include <vector>

namespace intervisie::core::coach {

struct StatementReading {
  StatementVerdict verdict;
  Span span; // the words that gave the verdict
};

StatementReading read_statement(const std::vector<Word>& words, const VerbOracle& oracle);

} // namespace intervisie::core::coach
