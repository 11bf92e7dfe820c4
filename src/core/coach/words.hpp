// SPDX-License-Identifier: EUPL-1.2
// A text as the coach reads it: lowercased words and the punctuation between them, each with
// its place in the original text so a hint can point at it.
#pragma once

#include <algorithm>
#include <cstddef>
#include <iterator>
#include <string>
#include <string_view>
#include <vector>

namespace intervisie::core::coach {

struct Word {
  std::string text;  // lowercased; a punctuation mark is its own one-character word
  std::size_t begin; // byte offsets into the original text
  std::size_t end;
  bool capitalised; // as typed: starts with a capital letter
  bool is_mark() const { return text.size() == 1 && !is_letter_or_digit(text.front()); }
  static bool is_letter_or_digit(char c);
};

// Letters (including any non-ASCII letter), digits and inner apostrophes or hyphens make words;
// , : ; ? ! . are marks; everything else separates.
std::vector<Word> words_of(std::string_view text);

// Whether `word` is in a list of spellings (an array or vector of string_view).
template <class List> bool is_one_of(const List& list, std::string_view word) {
  return std::ranges::find(list, word) != std::ranges::end(list);
}

// The words that address the one asked: je, jij, u, jullie.
inline constexpr std::string_view addressed[] = {"je", "jij", "u", "jullie"};

// The words only, marks left out.
std::vector<Word> without_marks(const std::vector<Word>& words);

} // namespace intervisie::core::coach
