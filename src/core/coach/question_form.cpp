#include "core/coach/question_form.hpp"

#include "core/coach/clause.hpp"

#include <algorithm>
#include <array>
#include <optional>

namespace intervisie::core::coach {
namespace {

constexpr auto telling_imperatives = std::to_array<std::string_view>({
    "beschrijf",
    "geef",
    "leg",
    "licht",
    "noem",
    "omschrijf",
    "schets",
    "vertel",
});

constexpr auto invitation_modals = std::to_array<std::string_view>({
    "kan",
    "kun",
    "kunt",
    "mag",
    "wil",
    "wilt",
    "zou",
    "zoudt",
});

constexpr auto telling_verbs = std::to_array<std::string_view>({
    "aangeven",
    "beschrijven",
    "delen",
    "noemen",
    "omschrijven",
    "schetsen",
    "toelichten",
    "uitleggen",
    "uitweiden",
    "verduidelijken",
    "vertellen",
    "verwoorden",
    "zeggen",
});

Span span_of(const std::vector<Word>& words, std::size_t first, std::size_t count) {
  std::size_t last = first;
  for (std::size_t i = first, taken = 0; i < words.size() && taken < count; ++i) {
    if (words[i].is_mark())
      continue;
    last = i;
    ++taken;
  }
  return {words[first].begin, words[last].end};
}

// "Kun je (iets meer) vertellen hoe ..." is an invitation; "... vertellen of ..." is not.
std::optional<bool> invitation_is_open(const std::vector<Word>& words, std::size_t at) {
  if (!is_one_of(invitation_modals, words[at].text))
    return std::nullopt;
  std::size_t seen = 0;
  for (std::size_t i = at + 1; i < words.size() && seen < 7; ++i) {
    if (words[i].is_mark()) {
      if (words[i].text == "?")
        break;
      continue;
    }
    ++seen;
    if (!is_one_of(telling_verbs, words[i].text))
      continue;
    const std::size_t next = skip_marks(words, i + 1);
    if (next >= words.size())
      return words[i].text != "zeggen"; // "Kun je dat zeggen?" asks for a yes
    if (words[next].text == "of")
      return false;
    if (words[i].text == "zeggen" || words[i].text == "aangeven")
      return starts_with_question_word(words, next) || words[next].text == "iets" ||
             words[next].text == "meer";
    return true;
  }
  return std::nullopt;
}

} // namespace

QuestionFormReading read_question_form(const std::vector<Word>& words) {
  const std::size_t at = main_clause_start(words);
  if (at >= words.size())
    return {QuestionForm::open, {}, false};
  if (starts_with_question_word(words, at))
    return {QuestionForm::open, span_of(words, at, 1), true};
  const std::string_view first = words[at].text;
  if (first == "of")
    return {QuestionForm::closed, span_of(words, at, 1)};
  if (first == "naar" || first == "over" || is_one_of(telling_imperatives, first))
    return {QuestionForm::open, span_of(words, at, 1)};
  if (auto open = invitation_is_open(words, at))
    return {*open ? QuestionForm::open : QuestionForm::closed, span_of(words, at, 2)};
  return {QuestionForm::closed, span_of(words, at, 2)};
}

} // namespace intervisie::core::coach
