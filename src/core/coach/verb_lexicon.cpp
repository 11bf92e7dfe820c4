// SPDX-License-Identifier: EUPL-1.2
#include "core/coach/verb_lexicon.hpp"

#include <algorithm>
#include <array>
#include <span>

namespace intervisie::core::coach {
namespace {

// Sorted, so lookups are a binary search. Forms that a dictionary's regular paradigms miss:
// the irregular, strong and modal verbs people start a sentence with.
constexpr auto present_forms = std::to_array<std::string_view>({
    "ben",   "bent",   "bied",   "biedt", "blijf", "blijft", "breng", "brengt", "denk",  "denkt",
    "doe",   "doet",   "durf",   "durft", "ga",    "gaat",   "geef",  "geeft",  "heb",   "hebt",
    "heeft", "help",   "helpt",  "hoef",  "hoeft", "hoor",   "hoort", "hou",    "houd",  "houdt",
    "is",    "kan",    "kijk",   "kijkt", "kom",   "komt",   "krijg", "krijgt", "kun",   "kunt",
    "laat",  "lig",    "ligt",   "loop",  "loopt", "mag",    "moet",  "neem",   "neemt", "rijd",
    "rijdt", "schiet", "sla",    "slaat", "sluit", "snijd",  "sta",   "staat",  "vecht", "vind",
    "vindt", "vraag",  "vraagt", "weet",  "wil",   "wilt",   "word",  "wordt",  "zal",   "zeg",
    "zegt",  "zie",    "ziet",   "zit",   "zou",   "zoudt",  "zult",
});

constexpr auto past_forms = std::to_array<std::string_view>({
    "begon", "bleef", "bood",   "bracht", "dacht", "deed",  "durfde", "gaf",   "ging",
    "had",   "hield", "hoorde", "kon",    "kreeg", "kwam",  "lag",    "liep",  "liet",
    "mocht", "moest", "nam",    "sprak",  "stond", "vocht", "vond",   "vroeg", "was",
    "werd",  "wilde", "wist",   "wou",    "zag",   "zat",   "zei",
});

static_assert(std::ranges::is_sorted(present_forms));
static_assert(std::ranges::is_sorted(past_forms));

bool listed(std::span<const std::string_view> forms, std::string_view word) {
  return std::ranges::binary_search(forms, word);
}

} // namespace

VerbReading read_irregular_verb(std::string_view word) {
  VerbReading reading;
  reading.present = listed(present_forms, word);
  reading.past = listed(past_forms, word);
  reading.known = reading.present || reading.past;
  return reading;
}

VerbReading read_verb(std::string_view word, const VerbOracle& oracle) {
  const VerbReading listed_reading = read_irregular_verb(word);
  if (listed_reading.known)
    return listed_reading;
  return oracle.read(word);
}

} // namespace intervisie::core::coach
