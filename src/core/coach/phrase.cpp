// SPDX-License-Identifier: EUPL-1.2
#include "core/coach/phrase.hpp"

#include <utility>

namespace intervisie::core::coach {

namespace {

// True when `a` and `b` differ by at most one inserted, deleted or replaced character.
bool within_one_edit(std::string_view a, std::string_view b) {
  if (a.size() > b.size())
    std::swap(a, b);
  if (b.size() - a.size() > 1)
    return false;
  std::size_t i = 0;
  while (i < a.size() && a[i] == b[i])
    ++i;
  if (a.size() == b.size())
    return a.substr(i + 1 < a.size() ? i + 1 : a.size()) ==
           b.substr(i + 1 < b.size() ? i + 1 : b.size());
  return a.substr(i) == b.substr(i + 1);
}

} // namespace

bool PhraseWord::matches(std::string_view word) const {
  for (std::string_view spelling : spellings) {
    if (!spelling.empty() && spelling.back() == '*') {
      spelling.remove_suffix(1);
      if (word.starts_with(spelling))
        return true;
    } else if (word == spelling || (spelling.size() >= 8 && within_one_edit(word, spelling))) {
      return true;
    }
  }
  return false;
}

PhraseWord one_of(std::initializer_list<std::string_view> spellings, std::size_t gap_before,
                  std::initializer_list<std::string_view> not_in_gap) {
  return PhraseWord{std::vector<std::string_view>(spellings), gap_before,
                    std::vector<std::string_view>(not_in_gap)};
}

namespace {

// Tries to match words[at..] against phrase.words[index..]; the end of the match or nullopt.
std::optional<std::size_t> match_from(const Phrase& phrase, std::size_t index,
                                      const std::vector<Word>& words, std::size_t at) {
  if (index == phrase.words.size())
    return at;
  const PhraseWord& wanted = phrase.words[index];
  const std::size_t gap = index == 0 ? 0 : wanted.gap_before;
  for (std::size_t skip = 0; skip <= gap && at + skip < words.size(); ++skip) {
    if (wanted.matches(words[at + skip].text))
      if (auto end = match_from(phrase, index + 1, words, at + skip + 1))
        return end;
    if (is_one_of(wanted.not_in_gap, words[at + skip].text))
      break;
  }
  return std::nullopt;
}

} // namespace

std::optional<Span> find_phrase(const Phrase& phrase, const std::vector<Word>& words,
                                std::size_t from) {
  if (phrase.words.empty())
    return std::nullopt;
  for (std::size_t start = from; start < words.size(); ++start) {
    if (!phrase.words.front().matches(words[start].text))
      continue;
    if (start > 0 && is_one_of(phrase.not_after, words[start - 1].text))
      continue;
    if (auto end = match_from(phrase, 1, words, start + 1))
      return Span{words[start].begin, words[*end - 1].end};
  }
  return std::nullopt;
}

} // namespace intervisie::core::coach
