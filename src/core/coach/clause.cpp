// SPDX-License-Identifier: EUPL-1.2
#include "core/coach/clause.hpp"

#include <algorithm>
#include <array>
#include <optional>

namespace intervisie::core::coach {
namespace {

constexpr auto question_words = std::to_array<std::string_view>({
    "hoe",       "hoelang",  "hoeveel", "hoever",      "hoeverre", "hoezo",
    "vanwaar",   "waaraan",  "waarbij", "waardoor",    "waarheen", "waarin",
    "waarmee",   "waarnaar", "waarom",  "waaromtrent", "waarop",   "waarover",
    "waartegen", "waartoe",  "waaruit", "waarvan",     "waarvoor", "waar",
    "wanneer",   "wat",      "welk",    "welke",       "wie",      "wiens",
});

// Words people start with before the question itself.
constexpr auto lead_in_words = std::to_array<std::string_view>({
    "ah",   "dan", "dus",    "eh",    "ehm", "eigenlijk", "en",  "euh",    "even", "goh", "hm",
    "hmm",  "ja",  "kortom", "maar",  "nee", "nog",       "nou", "o",      "oh",   "ok",  "oke",
    "okay", "oké", "ook",    "sorry", "tja", "trouwens",  "uhm", "verder", "zeg",
});

// Words that open a subordinate clause: the question follows its comma.
constexpr auto subordinators = std::to_array<std::string_view>({
    "achteraf",
    "als",
    "doordat",
    "hoewel",
    "indien",
    "nadat",
    "nu",
    "omdat",
    "ondanks",
    "sinds",
    "stel",
    "terwijl",
    "tijdens",
    "toen",
    "voordat",
    "zodra",
    "zoals",
});

constexpr auto prepositions = std::to_array<std::string_view>({
    "aan",   "bij",   "binnen", "door", "in",    "met",     "na",     "naar",   "om",
    "onder", "op",    "over",   "rond", "sinds", "tegen",   "tot",    "tussen", "uit",
    "van",   "vanaf", "vanuit", "via",  "voor",  "volgens", "zonder",
});

// After "ik ben benieuwd", "ik vraag me af", ... the next word decides.
constexpr auto wondering_lead_ins = std::to_array<std::string_view>({
    "ik ben benieuwd",
    "ik ben nieuwsgierig",
    "ik vraag me af",
    "ik vroeg me af",
    "ik wil graag weten",
    "ik zou graag weten",
    "ik zou graag willen weten",
    "ik wil weten",
    "mag ik vragen",
    "mag ik je vragen",
    "ik wil je vragen",
    "ik zou willen weten",
});

bool is_mark(const std::vector<Word>& words, std::size_t at, char mark) {
  return at < words.size() && words[at].text.size() == 1 && words[at].text.front() == mark;
}

// Index of the first `mark` at or after `from` within `limit` words, before any '?'.
std::optional<std::size_t> find_mark(const std::vector<Word>& words, std::size_t from, char mark,
                                     std::size_t limit) {
  std::size_t seen = 0;
  for (std::size_t i = from; i < words.size() && seen <= limit; ++i) {
    if (is_mark(words, i, mark))
      return i;
    if (is_mark(words, i, '?'))
      return std::nullopt;
    if (!words[i].is_mark())
      ++seen;
  }
  return std::nullopt;
}

// The length in words of a wondering lead-in starting at `at`, or 0.
std::size_t wondering_lead_in(const std::vector<Word>& words, std::size_t at) {
  for (std::string_view lead_in : wondering_lead_ins) {
    std::size_t i = at;
    bool matched = true;
    std::size_t from = 0;
    while (from < lead_in.size()) {
      const std::size_t space = lead_in.find(' ', from);
      const std::string_view part =
          lead_in.substr(from, space == std::string_view::npos ? lead_in.npos : space - from);
      i = skip_marks(words, i);
      if (i >= words.size() || words[i].text != part) {
        matched = false;
        break;
      }
      ++i;
      from = space == std::string_view::npos ? lead_in.size() : space + 1;
    }
    if (matched)
      return i - at;
  }
  return 0;
}

// A clause before a comma or semicolon, then the question: "Je noemde hem lui; waar zie je dat
// aan?", "Het ging goed, maar hoe kijk jij erop terug?", "Toen ze belde, was je thuis?".
std::optional<std::size_t> after_leading_clause(const std::vector<Word>& words, std::size_t at) {
  for (const char boundary : {',', ';'}) {
    const auto mark = find_mark(words, at, boundary, 15);
    if (!mark)
      continue;
    std::size_t after = skip_marks(words, *mark + 1);
    while (after < words.size() && is_one_of(lead_in_words, words[after].text))
      after = skip_marks(words, after + 1);
    if (after >= words.size())
      continue;
    if ((boundary == ',' && is_one_of(subordinators, words[at].text)) ||
        starts_with_question_word(words, after))
      return after;
  }
  return std::nullopt;
}

} // namespace

bool is_question_word(std::string_view word) {
  return is_one_of(question_words, word);
}

std::size_t skip_marks(const std::vector<Word>& words, std::size_t at) {
  while (at < words.size() && words[at].is_mark())
    ++at;
  return at;
}

bool starts_with_question_word(const std::vector<Word>& words, std::size_t at) {
  at = skip_marks(words, at);
  if (at >= words.size())
    return false;
  if (is_question_word(words[at].text))
    return true;
  if (!is_one_of(prepositions, words[at].text))
    return false;
  const std::size_t next = skip_marks(words, at + 1);
  return next < words.size() && is_question_word(words[next].text);
}

std::size_t main_clause_start(const std::vector<Word>& words) {
  std::size_t at = skip_marks(words, 0);
  // Each pass strips one lead-in; a question has only so many.
  for (int pass = 0; pass < 8 && at < words.size(); ++pass) {
    const std::string_view word = words[at].text;
    if (starts_with_question_word(words, at))
      return at;
    if (const std::size_t length = wondering_lead_in(words, at); length > 0) {
      const std::size_t next = skip_marks(words, at + length);
      // "Mag ik vragen wat ...?" asks leave to ask: a polite request, read from its first word.
      // "Mag ik vragen: hoe ...?" only leads in.
      if (word == "mag" && next == at + length)
        return at;
      // "Ik ben benieuwd: ..." goes on after the colon; "ik vraag me af hoe/of ..." decides here.
      return next;
    }
    if (is_one_of(lead_in_words, word)) {
      at = skip_marks(words, at + 1);
      continue;
    }
    if (is_mark(words, at + 1, ',') && words.size() > at + 2) {
      at = skip_marks(words, at + 2); // a name or an interjection: "Sanne, ..."
      continue;
    }
    if (auto colon = find_mark(words, at, ':', 15)) {
      at = skip_marks(words, *colon + 1);
      continue;
    }
    if (auto after = after_leading_clause(words, at)) {
      at = *after;
      continue;
    }
    return at;
  }
  return std::min(at, words.size());
}

} // namespace intervisie::core::coach
