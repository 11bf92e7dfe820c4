// SPDX-License-Identifier: EUPL-1.2
#include "core/coach/question_form.hpp"

#include "core/coach/clause.hpp"

#include <algorithm>
#include <array>
#include <optional>

namespace intervisie::core::coach {
namespace {

// "Vertel eens ...", "Leg uit ...": an invitation that cannot be answered with "ja".
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

constexpr auto request_modals = std::to_array<std::string_view>({
    "kan",
    "kun",
    "kunt",
    "mag",
    "wil",
    "wilt",
    "zou",
    "zoudt",
});

// A verb that asks someone to tell, and the imperative that invites the same openly.
struct TellingVerb {
  std::string_view infinitive;
  std::string_view imperative;
};

constexpr auto telling_verbs = std::to_array<TellingVerb>({
    {"aangeven", "Vertel eens"},
    {"beschrijven", "Beschrijf eens"},
    {"delen", "Vertel eens"},
    {"noemen", "Noem eens"},
    {"omschrijven", "Omschrijf eens"},
    {"schetsen", "Schets eens"},
    {"toelichten", "Licht eens toe"},
    {"uitleggen", "Leg eens uit"},
    {"uitweiden", "Vertel eens"},
    {"verduidelijken", "Licht eens toe"},
    {"vertellen", "Vertel eens"},
    {"verwoorden", "Vertel eens"},
    {"zeggen", "Vertel eens"},
});

const TellingVerb* telling_verb(std::string_view word) {
  const auto found = std::ranges::find(telling_verbs, word, &TellingVerb::infinitive);
  return found == telling_verbs.end() ? nullptr : &*found;
}

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

// "Kun je (iets meer) vertellen hoe ...", "Mag ik vragen wat ...": a polite request, and
// answerable with "ja". "Kun je vertellen of ..." is a plain closed question, not a request.
std::optional<PoliteRequest> polite_request(const std::vector<Word>& words, std::size_t at) {
  if (!is_one_of(request_modals, words[at].text))
    return std::nullopt;
  const std::size_t subject = skip_marks(words, at + 1);
  if (subject >= words.size())
    return std::nullopt;
  // "Mag ik (je) vragen wat ...": the asker asks leave to ask.
  const bool asking_leave =
      (words[at].text == "mag" || words[at].text == "kan") && words[subject].text == "ik";
  if (!asking_leave && !is_one_of(addressed, words[subject].text))
    return std::nullopt;
  std::size_t seen = 0;
  for (std::size_t i = subject + 1; i < words.size() && seen < 6; ++i) {
    if (words[i].is_mark()) {
      if (words[i].text == "?")
        break;
      continue;
    }
    ++seen;
    const TellingVerb* verb =
        asking_leave ? (words[i].text == "vragen" ? telling_verb("vertellen") : nullptr)
                     : telling_verb(words[i].text);
    if (!verb)
      continue;
    const std::size_t next = skip_marks(words, i + 1);
    if (next >= words.size() || words[next].text == "of")
      return std::nullopt; // "Kun je dat zeggen?", "Kun je vertellen of ..."
    const bool opens = starts_with_question_word(words, next);
    if ((verb->infinitive == "zeggen" || verb->infinitive == "aangeven") && !opens &&
        words[next].text != "iets" && words[next].text != "meer" && words[next].text != "over")
      return std::nullopt;
    // The request and, if it follows straight away, its question word: "vertellen hoe".
    const std::size_t last =
        is_question_word(words[next].text) ? next : skip_marks(words, next + 1);
    return PoliteRequest{{words[at].begin, words[i].end},
                         verb->imperative,
                         words[next].begin,
                         opens,
                         opens ? std::optional(Span{words[next].begin, words[last].end})
                               : std::nullopt};
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
  if (auto request = polite_request(words, at)) {
    QuestionFormReading reading{QuestionForm::closed, request->request, request->asks_open};
    reading.polite_request = request;
    return reading;
  }
  return {QuestionForm::closed, span_of(words, at, 2)};
}

} // namespace intervisie::core::coach
