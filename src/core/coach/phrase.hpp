// SPDX-License-Identifier: EUPL-1.2
// Phrases the coach looks for: a few words in order, each one of a set of spellings, with at
// most a given number of other words between them.
#pragma once

#include "core/coach/verdict.hpp"
#include "core/coach/words.hpp"

#include <initializer_list>
#include <optional>
#include <string_view>
#include <vector>

namespace intervisie::core::coach {

struct PhraseWord {
  std::vector<std::string_view> spellings;       // a spelling ending in '*' matches as a prefix
  std::size_t gap_before = 0;                    // how many other words may come before this one
  std::vector<std::string_view> not_in_gap = {}; // words that break the phrase ("dat", "eerder")
  // Spellings of eight letters or more also match with one typo ("overwogn").
  bool matches(std::string_view word) const;
};

struct Phrase {
  std::vector<PhraseWord> words;
  std::vector<std::string_view> not_after = {}; // the word just before may not be one of these
};

// "al eens" then at most three words then "geprobeerd" is
// phrase({{"al"}, {"eens"}, {{"geprobeerd"}, 3}}).
PhraseWord one_of(std::initializer_list<std::string_view> spellings, std::size_t gap_before = 0,
                  std::initializer_list<std::string_view> not_in_gap = {});

// The first place the phrase occurs in `words` (marks left out), as a span of the text.
std::optional<Span> find_phrase(const Phrase& phrase, const std::vector<Word>& words,
                                std::size_t from = 0);

} // namespace intervisie::core::coach
