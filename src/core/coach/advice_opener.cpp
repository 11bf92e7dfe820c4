// SPDX-License-Identifier: EUPL-1.2
#include "core/coach/advice_opener.hpp"

#include "core/coach/words.hpp"
#include "core/session/session_state.hpp"
#include "core/text/edit_distance.hpp"

#include <algorithm>
#include <array>
#include <vector>

namespace intervisie::core::coach {
namespace {

// The opener's letters without spaces: typos and a missing space cost the same.
constexpr auto openers = std::to_array<std::string_view>({
    "alsikinjouwschoenenstond",
    "alsikinjeschoenenstond",
    "alsikinjouschoenenstond",
    "alsikinuwschoenenstond",
    "alsikinjouwschoenensta",
    "alsikinjeschoenensta",
    "alsikinjouwschoenenzoustaan",
    "alsikinjeschoenenzoustaan",
    "alsikinuwschoenenzoustaan",
    "alsikinjouwschoenenstaa",
});

// Letters of the first words, squashed, and where in the text each squashed letter came from.
struct Squashed {
  std::string letters;
  std::vector<std::size_t> ends; // ends[k]: text offset just past the word holding letter k
};

Squashed squash(const std::vector<Word>& words, std::size_t max_letters) {
  Squashed out;
  for (const Word& word : words) {
    if (word.is_mark()) {
      // The opener ends at its comma; a comma inside it ("Als ik, in jouw ...") is a slip.
      if ((word.text == "," || word.text == ":") && out.letters.size() >= 16)
        break;
      continue;
    }
    for (char c : word.text) {
      out.letters.push_back(c);
      out.ends.push_back(word.end);
    }
    if (out.letters.size() >= max_letters)
      break;
  }
  return out;
}

} // namespace

AdviceOpenerReading read_advice_opener(std::string_view text) {
  const std::vector<Word> words = words_of(text);
  const Squashed squashed = squash(words, 30);
  std::size_t best = std::string_view::npos;
  std::size_t best_length = 0;
  for (std::string_view opener : openers) {
    // Compare with the typed prefix of about the opener's length; a typo may add or drop letters.
    for (std::size_t length = opener.size() >= 2 ? opener.size() - 2 : 0;
         length <= opener.size() + 2 && length <= squashed.letters.size(); ++length) {
      const std::size_t distance =
          edit_distance(std::string_view(squashed.letters).substr(0, length), opener);
      if (distance < best) {
        best = distance;
        best_length = length;
      }
    }
  }
  const std::size_t first = words.empty() ? 0 : words.front().begin;
  if (best <= 2 && best_length > 0)
    return {AdviceOpener::present, {first, squashed.ends[best_length - 1]}, {}};
  std::size_t end = first;
  for (std::size_t i = 0, taken = 0; i < words.size() && taken < 3; ++i)
    if (!words[i].is_mark()) {
      end = words[i].end;
      ++taken;
    }
  return {AdviceOpener::missing, {first, end}, with_advice_opener(text)};
}

std::string with_advice_opener(std::string_view text) {
  std::size_t start = 0;
  while (start < text.size() && (text[start] == ' ' || text[start] == '\n' || text[start] == '\t'))
    ++start;
  std::string rest(text.substr(start));
  if (rest.empty())
    return rest;
  // "Ik zou het vragen" goes on as "zou ik het vragen": after the opener the verb comes first.
  const std::vector<Word> words = words_of(rest);
  if (words.size() >= 2 && words[0].text == "ik" && !words[1].is_mark() &&
      words[0].end + 1 == words[1].begin) {
    rest = std::string(rest.substr(words[1].begin, words[1].end - words[1].begin)) + " ik" +
           rest.substr(words[1].end);
  }
  // After the opener's comma the advice goes on in lowercase, abbreviations ("GGD") aside.
  const bool abbreviation = rest.size() > 1 && rest[1] >= 'A' && rest[1] <= 'Z';
  if (rest[0] >= 'A' && rest[0] <= 'Z' && !abbreviation)
    rest[0] = static_cast<char>(rest[0] - 'A' + 'a');
  return std::string(advice_opener_nl) + ", dan " + rest;
}

} // namespace intervisie::core::coach
