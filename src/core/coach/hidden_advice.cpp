#include "core/coach/hidden_advice.hpp"

#include "core/coach/phrase.hpp"

#include <algorithm>

namespace intervisie::core::coach {
namespace {

const PhraseWord you = one_of({"je", "jij", "u", "jullie"});

// Advice whatever the form of the question.
const std::vector<Phrase>& anywhere() {
  static const std::vector<Phrase> phrases = {
      {{one_of({"niet"}), one_of({"beter", "slimmer", "handiger", "verstandiger", "makkelijker",
                                  "fijner", "wijzer"})}},
      {{one_of({"beter", "slimmer", "handiger", "verstandiger", "wijzer"}), one_of({"om", "als"})}},
      {{one_of({"de", "een", "geen", "goed"}), one_of({"idee", "optie", "plan", "mogelijkheid"}),
        one_of({"om", "als"}, 2)}},
      {{one_of({"het"}), one_of({"idee", "plan"}), one_of({"om"})}},
      {{one_of({"wat"}), one_of({"als"}), you}},
      {{one_of({"en"}), one_of({"als"}), you, one_of({"nou", "eens", "nu"}, 2)}},
      {{one_of({"wat"}), one_of({"nou", "nu"}), one_of({"als"})}},
      {{one_of({"vind", "denk", "zie", "voel", "weet"}), you, one_of({"zelf", "het", "ook"}, 1),
        one_of({"niet"}, 2)}},
      {{one_of({"vind", "denk"}), you, one_of({"niet"}), one_of({"dat"}, 1)}},
      // "gewoon" pushes ("zeg het gewoon"), unless it means usual ("hoe gewoon is het").
      {{one_of({"gewoon"})}, {"hoe", "zo", "heel", "best", "vrij", "nogal", "erg", "heel"}},
      {{one_of({"hoe"}), one_of({"zou", "zal"}), one_of({"het"}),
        one_of({"zijn", "voelen", "uitpakken", "gaan", "werken", "uitvallen", "lopen"}),
        one_of({"als", "om"})}},
      {{one_of({"wat"}), one_of({"houdt"}), you, one_of({"tegen"}, 4)}},
      {{one_of({"wat"}), one_of({"weerhoudt", "let"}), you}},
      // "Zou het helpen als je ...": an action for the presenter, not for the asker ("als ik").
      {{one_of({"zou", "zal"}), one_of({"het"}), one_of({"helpen", "schelen", "werken"}, 2),
        one_of({"als"}), you}},
      {{one_of({"zou", "zal"}), one_of({"het"}), one_of({"helpen", "schelen", "werken"}, 2),
        one_of({"om"})}},
      {{one_of({"zou", "zal"}), one_of({"niet"}, 5),
        one_of({"opleveren", "helpen", "schelen", "werken", "fijn", "handig"}, 2)}},
      {{one_of({"niet"}), one_of({"tijd"}, 1), one_of({"om", "dat"}, 1)}},
      {{one_of({"stel", "stelt"}), one_of({"je", "jij", "u"}), one_of({"aan"}, 5)}},
      {{one_of({"doe", "doet", "doen"}), one_of({"moeilijk", "lastig", "dramatisch"}, 3)}},
      {{one_of({"toch"}), one_of({"maar"})}},
      {{one_of({"had", "hadden"}), one_of({"beter"}, 3)}},
      {{one_of({"helpt", "werkt"}), one_of({"het"}), one_of({"als", "om"}, 1)}},
      {{one_of({"moet", "moeten", "kun", "kan", "kunt", "zou", "zoudt", "wil", "wilt"}), you,
        one_of({"niet"}, 3)}},
      {{one_of({"zou", "zoudt"}), you, one_of({"niet", "ook", "eens", "misschien"}, 1),
        one_of({"kunnen", "moeten", "willen", "proberen"}, 1)}},
      {{one_of({"kun", "kan", "kunt"}), you, one_of({"ook", "misschien", "eens", "niet"}, 1)}},
      {{one_of({"je"}), one_of({"zou", "kunt", "kan", "moet", "kun"}),
        one_of({"ook", "toch", "beter", "eens"}, 1)}},
      {{one_of({"waarom"}), one_of({"niet"})}},
      // "Waarom zeg je het niet?" reproaches; "Waarom denk je dat zij het niet doet?" explores.
      {{one_of({"waarom"}),
        one_of({"je", "jij", "u"}, 1,
               {"denk", "denkt", "dacht", "vind", "vindt", "vond", "verwacht", "vermoed"}),
        one_of({"niet", "geen"}, 4, {"als", "omdat", "wanneer", "zodat"})}},
      {{one_of({"hoe"}), one_of({"kun", "kan", "kon", "kunt"}), you,
        one_of({"zo", "nou", "toch"}, 2)}},
      {{one_of({"had", "hadden"}), you, one_of({"niet"}, 2),
        one_of({"moeten", "kunnen", "beter", "eerst", "meteen"}, 3)}},
      {{one_of({"ben", "bent", "was", "is"}), one_of({"je", "jij", "u", "dat", "het"}),
        one_of({"niet"}, 1), one_of({"te"})}},
      {{one_of({"ik"}), one_of({"zou"}), one_of({"het", "dat", "zelf", "gewoon", "eerst"}, 1)}},
      {{one_of({"toch"}), one_of({"logisch", "duidelijk", "normaal", "raar", "vreemd", "niet",
                                  "wel", "zo", "eigenlijk"})}},
  };
  return phrases;
}

// Loaded words: a judgement, unless the presenter is asked about someone else's word for it
// ("Wat bedoel je als je zegt dat hij lui is?").
const std::vector<Phrase>& loaded_words() {
  static const std::vector<Phrase> phrases = {
      {{one_of({"overdreven",
                "overdrijf",
                "overdrijft",
                "lui",
                "luie",
                "onprofessioneel",
                "onprofessionele",
                "naïef",
                "naief",
                "naïeve",
                "naieve",
                "raar",
                "rare",
                "laf",
                "laffe",
                "dom",
                "domme",
                "stom",
                "stomme",
                "onredelijk",
                "egoïstisch",
                "egoistisch",
                "kinderachtig",
                "overgevoelig",
                "hysterisch",
                "slap",
                "onhandig",
                "onverstandig",
                "lomp",
                "respectloos",
                "onzin",
                "belachelijk",
                "koppig",
                "zwak",
                "zwakte",
                "kortzichtig",
                "onvolwassen",
                "onnozel",
                "dramatisch",
                "aanstellerij",
                "ondankbaar",
                "eindelijk"})}},
      {{one_of({"eigen"}), one_of({"schuld"})}},
  };
  return phrases;
}

// Whether text[span] sits between quotes: the presenter's own words, quoted back.
bool quoted(std::string_view text, const Span& span) {
  static constexpr std::string_view opening[] = {"'", "\"", "‘", "“"};
  static constexpr std::string_view closing[] = {"'", "\"", "’", "”"};
  const std::string_view before = text.substr(0, span.begin);
  const std::string_view after = text.substr(span.end);
  for (std::size_t kind = 0; kind < std::size(opening); ++kind) {
    const std::size_t open = before.rfind(opening[kind]);
    if (open == std::string_view::npos)
      continue;
    // An opening quote starts a word: "zei 'lui'", not the apostrophe of "z'n".
    if (open > 0 && before[open - 1] != ' ' && before[open - 1] != '(' && before[open - 1] != ':')
      continue;
    if (after.find(closing[kind]) != std::string_view::npos)
      return true;
  }
  return false;
}

const Phrase& reported_speech() {
  static const Phrase phrase = {
      {one_of({"zeg", "zegt", "zei", "zeiden", "gezegd", "noem", "noemt", "noemde", "noemden",
               "genoemd", "verwijt", "verweet", "verweten", "beschuldigde", "beschuldigd"})}};
  return phrase;
}

// Advice only when the question is not open: "Wat heb je al overwogen?" explores, "Heb je
// overwogen om ...?" proposes.
const std::vector<Phrase>& when_not_open() {
  static const std::vector<Phrase> phrases = {
      {{one_of({"al", "wel", "nog", "nooit"}), one_of({"eens"}),
        one_of({"geprobeerd",   "overwogen", "gedacht",      "nagedacht",   "bedacht",
                "gevraagd",     "besproken", "aangekaart",   "voorgesteld", "aangegeven",
                "gezegd",       "gemeld",    "overlegd",     "gesproken",   "uitgeprobeerd",
                "gekeken",      "geopperd",  "ingeschakeld", "uitgelegd",   "verteld",
                "aangesproken", "benaderd",  "gebeld",       "gemaild",     "opgeschreven",
                "geoefend",     "laten",     "gevraagd",     "erover",      "eraan",
                "aan",          "om",        "overwegen",    "proberen"},
               4, {"eerder", "dat"})}},
      {{one_of({"geprobeerd", "overwogen", "overweeg", "overweegt", "overwegen", "uitgeprobeerd"})},
       {"iets", "wat", "alles", "dingen"}},
      {{one_of({"gedacht", "nagedacht", "bedacht", "stilgestaan"}),
        one_of({"aan", "om", "over", "bij"}, 3)}},
      {{one_of({"eraan", "erover", "eraan", "daaraan", "daarover"}),
        one_of({"gedacht", "nagedacht", "bedacht"}, 1)}},
      {{one_of({"probeer", "probeert", "proberen"})}},
      {{one_of({"verstandig", "verstandiger", "handig", "handiger", "slim", "slimmer"})}},
      {{one_of({"misschien"})}},
      {{one_of({"toch"})}},
  };
  return phrases;
}

} // namespace

HiddenAdviceReading read_hidden_advice(std::string_view text, const std::vector<Word>& words,
                                       const QuestionFormReading& form) {
  const std::vector<Word> plain = without_marks(words);
  HiddenAdviceReading reading;
  std::vector<Span> spans;
  auto take = [&](const Span& span) {
    // A phrase inside one already found adds nothing ("geprobeerd" in "al eens geprobeerd").
    for (const Span& seen : spans)
      if (seen.begin <= span.begin && span.end <= seen.end)
        return;
    std::erase_if(
        spans, [&](const Span& seen) { return span.begin <= seen.begin && seen.end <= span.end; });
    spans.push_back(span);
  };
  for (const Phrase& phrase : anywhere())
    if (auto span = find_phrase(phrase, plain))
      take(*span);
  const bool reported = find_phrase(reported_speech(), plain).has_value();
  for (const Phrase& phrase : loaded_words())
    if (auto span = find_phrase(phrase, plain); span && !reported && !quoted(text, *span))
      take(*span);
  if (!form.starts_with_question_word)
    for (const Phrase& phrase : when_not_open())
      if (auto span = find_phrase(phrase, plain))
        take(*span);
  std::ranges::sort(spans, {}, &Span::begin);
  for (const Span& span : spans) {
    if (!reading.found)
      reading.span = span;
    reading.found = true;
    reading.span.begin = std::min(reading.span.begin, span.begin);
    reading.span.end = std::max(reading.span.end, span.end);
    reading.triggers.emplace_back(text.substr(span.begin, span.end - span.begin));
  }
  return reading;
}

} // namespace intervisie::core::coach
