// SPDX-License-Identifier: EUPL-1.2
#include "core/coach/advice_features.hpp"

#include "core/coach/clause.hpp"
#include "core/coach/phrase.hpp"

#include <array>
#include <string>

namespace intervisie::core::coach {
namespace {

const PhraseWord you = one_of({"je", "jij", "u", "jullie"});

struct Cue {
  std::string_view name;
  Phrase phrase;
};

// What a phrase means before the corpus says more: +1 hides advice, -1 explores, 0 depends on
// its company. A phrase the corpus shows only once or twice still counts for what a trainer
// knows it means.
float prior_of(std::string_view cue) {
  static constexpr auto exploring = std::to_array<std::string_view>({
      "what_do_you_mean",
      "what_do_you_need",
      "think_you",
      "happen",
      "question_about_question",
      "scale",
      "suppose",
      "would_say",
  });
  static constexpr auto depends = std::to_array<std::string_view>({
      "again",      "then_particle", "only_that",   "all_of_them", "third_not",
      "must_other", "why_other",     "prepared_to", "if_you",      "actually",
      "now_then",   "you_yourself",  "still",       "too",         "of_course_bare",
      "helper",     "try",           "maybe",       "engage",
  });
  return is_one_of(exploring, cue) ? -1.0f : is_one_of(depends, cue) ? 0.0f : 1.0f;
}

// The phrases a trainer listens for. Each says something general about how Dutch hides advice
// or a verdict in a question; the model learns how much each one weighs, and in which company.
const std::vector<Cue>& cues() {
  static const std::vector<Cue> list = {
      // Explicit markers: a tried or considered course of action, what holds you back.
      {"tried",
       {{one_of({"al", "wel", "nog", "nooit", "ooit", "weleens", "eens"}),
         one_of({"geprobeerd", "overwogen", "gedacht", "nagedacht", "bedacht", "stilgestaan",
                 "uitgeprobeerd", "geprobeert", "overwogn"},
                4, {"eerder", "dat"})}}},
      {"tried_bare",
       {{one_of({"geprobeerd", "overwogen", "overweeg", "overweegt", "overwegen", "uitgeprobeerd",
                 "geprobeert"})},
        {"iets", "wat", "alles", "dingen", "al", "eens", "allemaal"}}},
      {"thought_of",
       {{one_of({"gedacht", "nagedacht", "bedacht", "stilgestaan"}),
         one_of({"aan", "om", "over", "bij"}, 3)}}},
      {"there_thought",
       {{one_of({"eraan", "erover", "daaraan", "daarover", "erbij"}),
         one_of({"gedacht", "nagedacht", "bedacht", "stilgestaan"}, 1)}}},
      {"holds_back", {{one_of({"houdt", "houd"}), you, one_of({"tegen"}, 4)}}},
      {"holds_back", {{one_of({"wat"}), one_of({"weerhoudt", "let"}), you}}},
      {"in_the_way", {{one_of({"staat"}), you, one_of({"in"}), one_of({"de"}), one_of({"weg"})}}},
      {"against_it", {{one_of({"op"}), one_of({"tegen"}), one_of({"om"})}}},
      {"to_lose", {{one_of({"te"}), one_of({"verliezen"})}}},
      {"just",
       {{one_of({"gewoon", "gwoon"})}, {"hoe", "zo", "heel", "best", "vrij", "nogal", "erg"}}},
      {"maybe", {{one_of({"misschien"})}}},
      {"an_idea",
       {{one_of({"een", "geen", "goed"}), one_of({"idee", "optie", "plan", "mogelijkheid"}),
         one_of({"om", "als"}, 2)}}},
      {"the_idea", {{one_of({"het"}), one_of({"idee", "plan"}), one_of({"om"})}}},
      {"try", {{one_of({"probeer", "probeert", "proberen"})}}},
      // Negated suggestions: "Is het niet beter ...", "Kun je niet ...", "Waarom vraag je niet
      // ...".
      {"not_better",
       {{one_of({"niet", "geen"}),
         one_of({"beter", "slimmer", "handiger", "verstandiger", "makkelijker", "fijner", "wijzer",
                 "praktischer", "logischer", "verstandig", "handig", "slim", "goed", "liever"},
                2)}}},
      {"better_to",
       {{one_of({"beter", "slimmer", "handiger", "verstandiger", "wijzer", "praktischer"}),
         one_of({"om", "als"}, 1)}}},
      {"modal_not",
       {{one_of({"kun", "kan", "kunt", "zou", "zoudt", "wil", "wilt", "kunnen", "zouden"}), you,
         one_of({"niet"}, 4)}}},
      {"would_it_not",
       {{one_of({"zou", "zal"}), one_of({"het"}), one_of({"niet"}),
         one_of({"helpen", "schelen", "werken", "goed", "beter", "fijn", "handig", "slim"}, 2)}}},
      {"helps_if",
       {{one_of({"zou", "zal"}), one_of({"het"}), one_of({"helpen", "schelen", "werken"}, 2),
         one_of({"als", "om"})}}},
      {"helps", {{one_of({"helpt", "werkt"}), one_of({"het"}), one_of({"als", "om"}, 1)}}},
      {"time_to", {{one_of({"wordt"}), one_of({"het"}), one_of({"niet"}), one_of({"tijd"})}}},
      {"seems_not", {{one_of({"lijkt"}), one_of({"het"}), you, one_of({"niet"})}}},
      {"think_not",
       {{one_of({"vind", "denk", "zie", "voel", "weet"}), you, one_of({"zelf", "het", "ook"}, 1),
         one_of({"niet"}, 2)}}},
      {"why_not", {{one_of({"waarom"}), one_of({"niet", "geen"})}}},
      {"why_you_not",
       {{one_of({"waarom"}),
         one_of({"je", "jij", "u"}, 2,
                {"denk", "denkt", "dacht", "vind", "vindt", "vond", "verwacht", "vermoed"}),
         one_of({"niet", "geen"}, 4, {"als", "omdat", "wanneer", "zodat", "dat"})}}},
      // Obligation and hindsight: "moeten", "had je niet ...", "heb je wel ...".
      {"must", {{one_of({"moeten", "moet", "moest", "hoor", "hoort", "hoorde"}), you}}},
      {"must", {{you, one_of({"moet", "moest"})}}},
      {"should_have", {{one_of({"moeten"})}}},
      {"had_not", {{one_of({"had", "hadden"}), you, one_of({"niet"}, 3)}}},
      {"had_better", {{one_of({"had", "hadden"}), one_of({"beter", "eerder"}, 4)}}},
      {"did_you_really",
       {{one_of({"heb", "ben", "had", "was", "heeft"}), you, one_of({"wel"}, 3)}}},
      {"may_you", {{one_of({"mag"}), you, one_of({"wel"}, 4)}}},
      {"why_did_not",
       {{one_of({"waarom"}), one_of({"heb", "ben", "had", "was"}), you,
         one_of({"niet", "geen"}, 5)}}},
      {"how_can_it_be",
       {{one_of({"hoe"}), one_of({"kan", "komt"}), one_of({"het"}), one_of({"dat"}), you}}},
      // A suggestion offered as a question: "Wat als je ...", "Zou een gesprek ... helpen?".
      {"what_if", {{one_of({"wat"}), one_of({"als"}), you}}},
      {"what_if", {{one_of({"en"}), one_of({"als"}), you, one_of({"nou", "eens", "nu"}, 2)}}},
      {"what_if", {{one_of({"wat"}), one_of({"nou", "nu"}), one_of({"als"})}}},
      // What the presenter would do ("... als je ...", "... om ..."), not the miracle question
      // ("Hoe zou het zijn als het probleem morgen weg is?").
      {"how_would_it_be",
       {{one_of({"hoe"}), one_of({"zou", "zal"}), one_of({"het"}, 1),
         one_of({"zijn", "voelen", "uitpakken", "gaan", "werken", "uitvallen", "lopen"}, 1),
         one_of({"als"}), you}}},
      {"how_would_it_be",
       {{one_of({"hoe"}), one_of({"zou", "zal"}), one_of({"het"}, 1),
         one_of({"zijn", "voelen", "uitpakken", "gaan", "werken", "uitvallen", "lopen"}, 1),
         one_of({"om"})}}},
      {"how_would_it_be",
       {{one_of({"hoe"}), one_of({"zou"}), one_of({"uitpakken", "uitvallen"}, 6)}}},
      {"if_you", {{one_of({"als"}), you}}},
      {"what_of",
       {{one_of({"wat", "hoe"}), one_of({"vind", "denk", "kijk"}), you,
         one_of({"van", "aan", "tegen", "naar"}), one_of({"een", "het", "de"}, 1)}}},
      {"would_a",
       {{one_of({"zou", "kan", "is", "lijkt"}),
         one_of({"een", "coaching", "mediation", "supervisie"}),
         one_of({"helpen", "opleveren", "werken", "schelen", "iets", "geven", "betekenen", "optie",
                 "oplossing", "wat", "idee"},
                7)}}},
      {"yield",
       {{one_of({"wat"}), one_of({"zou", "levert", "kan"}),
         one_of({"opleveren", "oplevert", "geven", "betekenen", "toevoegen", "doen", "op"}, 7)}}},
      {"for_example", {{one_of({"bijvoorbeeld"})}}},
      {"already_contacted",
       {{one_of({"heb", "heeft"}), you,
         one_of({"gebeld", "ingeschakeld", "benaderd", "ingelicht", "gemaild", "aangemeld",
                 "gezocht", "gevraagd"},
                7)}}},
      {"helper",
       {{one_of({"vertrouwenspersoon",
                 "bedrijfsarts",
                 "mediator",
                 "mediation",
                 "coach",
                 "coaching",
                 "supervisie",
                 "supervisor",
                 "buddy",
                 "arbodienst",
                 "huisarts",
                 "klachtencommissie",
                 "klachtenfunctionaris",
                 "ondernemingsraad",
                 "psycholoog",
                 "maatschappelijk",
                 "gedragsspecialist",
                 "gedragsdeskundige",
                 "gedragswetenschapper",
                 "training",
                 "cursus",
                 "intervisiegroep",
                 "hr",
                 "or"})}}},
      {"choice",
       {{one_of({"ga", "kies", "los", "stel", "wil", "doe", "neem", "pak"}), you,
         one_of({"of"}, 12)}}},
      // Reproach: "Waarom ... nog steeds", "Hoe komt het dat je dat pikt?", "te laat".
      {"why_still",
       {{one_of({"waarom"}), one_of({"steeds", "ook", "altijd", "makkelijk", "snel", "pas",
                                     "gewoon", "moeilijk", "eindelijk", "nou"},
                                    6)}}},
      {"how_come_you",
       {{one_of({"hoe"}), one_of({"komt"}), one_of({"het"}), one_of({"dat"}), you}}},
      {"how_come_you", {{one_of({"hoe"}), one_of({"kom"}), you, one_of({"erbij"})}}},
      {"what_possessed", {{one_of({"wat"}), one_of({"bezielde", "bezielt"})}}},
      {"how_can_you",
       {{one_of({"hoe"}), one_of({"kun", "kan", "kon", "kunt"}), you,
         one_of({"zo", "nou", "toch"}, 2)}}},
      {"too",
       {{one_of({"te"}), one_of({"laat", "veel", "snel", "streng", "makkelijk", "aardig", "fel",
                                 "ver", "toegeeflijk", "weinig", "lang", "vroeg", "zacht", "hard",
                                 "belangrijk", "druk", "perfectionistisch"})}}},
      {"a_bit",
       {{one_of({"niet"}), one_of({"een", "wat", "erg", "veel"}, 1),
         one_of({"beetje", "te", "overdreven", "onhandig", "naïef", "naief", "laf", "dom",
                 "slordig", "laks", "raar", "vreemd", "makkelijk", "onprofessioneel"},
                1)}}},
      {"of_course",
       {{one_of({"toch"}), one_of({"logisch", "duidelijk", "normaal", "raar", "vreemd", "niet",
                                   "wel", "zo", "eigenlijk", "gewoon", "een", "zelf", "maar"})}}},
      {"of_course_bare", {{one_of({"toch"})}}},
      {"finally", {{one_of({"eindelijk", "allang"})}}},
      {"only_now", {{one_of({"pas"}), one_of({"nu", "na", "achteraf"})}}},
      {"only_now", {{one_of({"nu"}), one_of({"pas"})}}},
      {"act", {{one_of({"doe", "doet", "doen"}), one_of({"moeilijk", "lastig", "dramatisch"}, 3)}}},
      {"i_would",
       {{one_of({"ik"}), one_of({"zou"}), one_of({"het", "dat", "zelf", "gewoon", "eerst"}, 1)}}},
      {"fed_up", {{one_of({"beu", "zat"})}}},
      {"must_not",
       {{one_of({"moet", "moeten", "moest", "hoor", "hoort", "hoorde"}), one_of({"niet"}, 5)}}},
      {"engage",
       {{one_of({"kan", "kun", "kunt", "zou", "zal"}),
         one_of({"inschakelen", "meekijken", "betrekken", "erbij", "inlichten", "benaderen",
                 "raadplegen", "bellen", "aanspreken", "toevoegen", "helpen", "betekenen"},
                8)}}},
      {"judging_statement",
       {{one_of({"dat"}), one_of({"is", "was"}),
         one_of({"handig", "slim", "verstandig", "professioneel", "logisch", "dom", "raar",
                 "slordig", "onhandig", "kortzichtig", "naïef", "schuld"},
                3)}}},
      // Rhetorical questions and hidden interpretations.
      {"tag_toch", {{one_of({"toch"})}, {"je", "het", "dat", "jij"}}},
      {"expected",
       {{one_of({"had", "verwacht", "verwachtte"}), one_of({"je"}, 1), one_of({"dan", "nou"}, 2)}}},
      {"all_that", {{one_of({"al"}), one_of({"dat", "die"}), one_of({"ge*"})}}},
      {"going_on", {{one_of({"zo"}), one_of({"doorgaat", "doorgaan", "door"})}}},
      {"says_about", {{one_of({"zegt"}), one_of({"over"}, 3), one_of({"jou", "jezelf"}, 1)}}},
      {"actually", {{one_of({"eigenlijk"})}}},
      {"now_then", {{one_of({"nou"})}}},
      {"could_it_be",
       {{one_of({"kan", "zou"}), one_of({"het"}), one_of({"zijn", "kunnen"}), one_of({"dat"}),
         you}}},
      {"not_just",
       {{one_of({"niet"}), one_of({"gewoon", "eigenlijk", "stiekem", "eerder", "zo"})}}},
      {"really", {{one_of({"denk", "geloof"}), you, one_of({"nou"}, 1), one_of({"echt"})}}},
      {"you_know", {{one_of({"weet"}), you, one_of({"wat"})}}},
      {"you_know", {{one_of({"weet"}), you, one_of({"toch"}, 3)}}},
      {"you_see_not", {{one_of({"zie"}), you, one_of({"niet"}, 3)}}},
      {"who_are_you", {{one_of({"wie"}), one_of({"ben", "is"}), you, one_of({"om"})}}},
      {"how_long_still",
       {{one_of({"hoe"}), one_of({"lang"}), one_of({"nog", "blijf", "wil", "ga", "laat"}, 5)}}},
      {"still", {{one_of({"nog"}), one_of({"steeds"})}}},
      {"isnt_it",
       {{one_of({"is", "ligt", "zit", "komt", "gaat", "speelt"}), one_of({"het"}, 1),
         one_of({"niet"}), one_of({"zo", "eerder", "eigenlijk", "gewoon"}, 1)}}},
      // Particles and intensifiers that carry the asker's verdict: "Hoe laat ben je dan thuis?",
      // "Ga je nu al naar huis?", "Liegt u zo vaak?", "Ben je verlegen of zo?", "Is dat wel
      // juist?".
      {"so_often",
       {{one_of({"zo", "zoveel", "zovaak"}),
         one_of({"vaak", "lang", "veel", "makkelijk", "gemakkelijk", "uitgebreid", "laat", "snel",
                 "weinig", "slecht", "slordig", "moeilijk", "negatief", "stom", "dom"})}}},
      {"too_much", {{one_of({"teveel", "tevaak", "telang", "telaat", "teweinig"})}}},
      {"already_now", {{one_of({"nu", "nou"}), one_of({"al"})}}},
      {"again", {{one_of({"weer", "alweer", "opnieuw"})}, {"hoe", "wat", "en"}}},
      {"then_particle", {{one_of({"dan"})}, {"en", "maar", "wat", "hoe", "anders", "of", "dus"}}},
      {"surely", {{one_of({"zeker", "vast", "natuurlijk"})}, {"niet", "wel", "heel", "het"}}},
      {"or_so", {{one_of({"ofzo", "ofso", "zo"})}, {"of"}}},
      {"or_so", {{one_of({"of"}), one_of({"zo", "iets"})}}},
      {"well_then",
       {{one_of({"wel", "nog", "echt", "ooit"}),
         one_of({"goed", "juist", "zo", "genoeg", "terecht", "nodig", "eerlijk", "waar",
                 "verstandig", "handig", "slim", "proportioneel", "wel", "mogelijk", "realistisch",
                 "haalbaar", "nuttig", "zinvol"},
                1)}}},
      {"only_that", {{one_of({"alleen", "enkel", "slechts"})}}},
      {"all_of_them",
       {{one_of({"allemaal", "altijd", "nooit", "iedereen", "niemand", "steeds", "telkens",
                 "iedere", "elke"})}}},
      {"who_then",
       {{one_of({"wie", "wat", "waar", "welke"}), one_of({"dan", "anders", "nou"}, 3)}}},
      {"who_are_we",
       {{one_of({"wie"}), one_of({"zijn", "ben", "is"}),
         one_of({"wij", "we", "ik", "hij", "zij", "ze"}), one_of({"om", "dan"}, 1)}}},
      {"agree_that",
       {{one_of({"eens", "mening", "opvatting", "erkent", "erkend", "begrijpt", "beseft", "snapt",
                 "deelt"}),
         one_of({"dat"}, 3)}}},
      {"prepared_to", {{one_of({"bereid", "van", "plan", "voornemens"}), one_of({"om", "te"}, 2)}}},
      {"third_not",
       {{one_of({"is", "zijn", "was", "heeft", "hebben", "kan", "kunnen", "mag", "mogen", "wil",
                 "willen", "doet", "wordt", "worden"}),
         one_of({"niet", "geen"}, 4)}}},
      {"must_other",
       {{one_of({"moet", "moeten", "mag", "mogen", "hoort", "horen"}),
         one_of({"de", "het", "een", "die", "dat", "ze", "zij", "hij", "we", "wij", "men", "ouders",
                 "iedereen"})}}},
      {"why_other", {{one_of({"waarom", "waarmee", "waarvoor", "hoezo", "vanwaar"})}}},
      {"how_possible",
       {{one_of({"hoe"}), one_of({"is", "kan", "komt"}), one_of({"dat", "het"}),
         one_of({"mogelijk", "toch", "nou"}, 2)}}},
      {"where_gone",
       {{one_of({"waar"}), one_of({"blijft", "blijven", "is", "zijn"}),
         one_of({"gebleven", "blijft", "blijven"}, 6)}}},
      {"about_you", {{one_of({"over", "bij", "aan"}), one_of({"jou", "jezelf"})}}},
      {"you_yourself", {{one_of({"jezelf", "zelf"})}}},
      // Exploring, not judging: a word quoted back, what someone else said.
      {"what_do_you_mean", {{one_of({"bedoel", "bedoelt", "bedoelde", "verstaan", "verstaat"})}}},
      {"what_do_you_need", {{one_of({"nodig"})}}},
      {"think_you", {{one_of({"denk", "vind"}), you}}},
      {"happen", {{one_of({"gebeurt", "gebeurde", "gebeuren"})}}},
      {"question_about_question", {{one_of({"vraag", "vragen", "vroeg"})}}},
      {"scale", {{one_of({"schaal", "cijfer"})}}},
      {"suppose", {{one_of({"stel"}), one_of({"dat"})}}},
      {"would_say",
       {{one_of({"zou", "zouden"}),
         one_of({"zeggen", "merken", "denken", "vinden", "vertellen", "noemen", "zien"}, 6)}}},
  };
  return list;
}

// Loaded words: a verdict, unless quoted back or reported ("toen ze je naïef noemde").
constexpr auto loaded_words = std::to_array<std::string_view>({
    "overdreven",
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
    "slordig",
    "laks",
    "naïef",
    "makkelijk",
    "vreemd",
    "kwetsbaar",
    "gepieker",
    "geklaag",
    "getwijfel",
    "jaloers",
    "ego",
    "perfectionistisch",
});

constexpr auto reporting_verbs = std::to_array<std::string_view>({
    "zeg",
    "zegt",
    "zei",
    "zeiden",
    "gezegd",
    "noem",
    "noemt",
    "noemde",
    "noemden",
    "genoemd",
    "verwijt",
    "verweet",
    "verweten",
    "beschuldigde",
    "beschuldigd",
    "bedoel",
    "bedoelt",
});

// Whether text[span] sits between quotes: someone's own words, quoted back.
bool quoted(std::string_view text, std::size_t begin, std::size_t end) {
  static constexpr std::string_view opening[] = {"'", "\"", "‘", "“"};
  static constexpr std::string_view closing[] = {"'", "\"", "’", "”"};
  const std::string_view before = text.substr(0, begin);
  const std::string_view after = text.substr(end);
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

// The plain word that starts at byte `begin` and the one that ends at `end`.
std::pair<std::size_t, std::size_t> word_range(const std::vector<Word>& plain, const Span& span) {
  std::size_t first = 0, last = 0;
  for (std::size_t i = 0; i < plain.size(); ++i) {
    if (plain[i].begin == span.begin)
      first = i;
    if (plain[i].end == span.end)
      last = i;
  }
  return {first, last};
}

class Emitter {
public:
  explicit Emitter(const AdviceFeatureSink& sink) : sink_(sink) {}
  void operator()(std::string_view name, float value, std::size_t first, std::size_t last,
                  bool cue = false, float prior = 0) {
    sink_(name, {advice_feature_id(name), value, first, last, cue, prior});
  }

private:
  const AdviceFeatureSink& sink_;
};

// Characters of a word as UTF-8 sequences, so n-grams never split a letter.
std::vector<std::string_view> letters_of(std::string_view word) {
  std::vector<std::string_view> letters;
  for (std::size_t i = 0; i < word.size();) {
    const auto c = static_cast<unsigned char>(word[i]);
    const std::size_t length = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
    letters.push_back(word.substr(i, std::min(length, word.size() - i)));
    i += length;
  }
  return letters;
}

constexpr float letter_weight = 0.35f; // many per word: each counts for less

} // namespace

std::uint64_t advice_feature_id(std::string_view name) {
  std::uint64_t hash = 14695981039346656037ull; // FNV-1a
  for (char c : name) {
    hash ^= static_cast<unsigned char>(c);
    hash *= 1099511628211ull;
  }
  return hash;
}

void for_each_advice_feature(std::string_view text, const std::vector<Word>& plain,
                             const std::vector<Word>& words, const QuestionFormReading& form,
                             const AdviceFeatureSink& sink) {
  Emitter emit(sink);
  constexpr std::size_t none = AdviceFeature::none;
  const bool open_content = form.starts_with_question_word;
  emit(open_content ? "f:open" : "f:closed", 1, none, none);
  if (form.polite_request)
    emit("f:polite", 1, none, none);
  emit("f:bias", 1, none, none);

  std::string name;
  // Words, pairs and triples, with the question's edges.
  for (std::size_t i = 0; i < plain.size(); ++i) {
    const std::string& word = plain[i].text;
    name = "w:" + word;
    emit(name, 1, i, i);
    name = "b:" + (i == 0 ? std::string("^") : plain[i - 1].text) + " " + word;
    emit(name, 1, i == 0 ? i : i - 1, i);
    if (i + 1 < plain.size()) {
      name = "t:" + (i == 0 ? std::string("^") : plain[i - 1].text) + " " + word + " " +
             plain[i + 1].text;
      emit(name, 1, i == 0 ? i : i - 1, i + 1);
    }
    const std::vector<std::string_view> letters = letters_of(word);
    for (std::size_t n = 3; n <= 5; ++n) {
      // "<" and ">" mark the word's edges: "<gepr", "erd>".
      const std::size_t count = letters.size() + 2;
      for (std::size_t start = 0; start + n <= count; ++start) {
        name = "c:";
        for (std::size_t k = start; k < start + n; ++k)
          name += k == 0           ? std::string_view("<")
                  : k == count - 1 ? std::string_view(">")
                                   : letters[k - 1];
        emit(name, letter_weight, i, i);
      }
    }
  }
  if (!plain.empty()) {
    name = "b:" + plain.back().text + " $";
    emit(name, 1, plain.size() - 1, plain.size() - 1);
  }

  // How the question itself opens, after any lead-in: "^heb je", "^waarom".
  const std::size_t start = main_clause_start(words);
  std::size_t first = plain.size();
  for (std::size_t i = 0; i < plain.size(); ++i)
    if (start < words.size() && plain[i].begin == words[start].begin)
      first = i;
  if (first < plain.size()) {
    name = "s:" + plain[first].text;
    emit(name, 1, first, first);
    if (first + 1 < plain.size()) {
      name = "s:" + plain[first].text + " " + plain[first + 1].text;
      emit(name, 1, first, first + 1);
    }
    if (first > 0)
      emit("f:lead_in", 1, none, none);
    // Who the question is about: "Waarom ben je ..." asks the presenter, "Waarom reageert de
    // klant ..." someone else; after a question word the verb comes first, then the subject.
    std::size_t subject = first + 1;
    if (form.starts_with_question_word && subject < plain.size() &&
        !is_one_of(addressed, plain[subject].text))
      ++subject;
    if (subject < plain.size()) {
      const bool you_ = is_one_of(addressed, plain[subject].text);
      name = "u:" + plain[first].text + (you_ ? "/you" : "/other");
      emit(name, 1, first, subject);
      emit(you_ ? "f:about_you" : "f:about_other", 1, none, none);
    }
  }
  // Whom the question speaks of, and how it is said: a verdict on a third party or on "us"
  // reads differently from one on the presenter; "!" and a very short or long question too.
  bool to_you = false, to_us = false, to_me = false;
  for (const Word& word : plain) {
    to_you = to_you || is_one_of(addressed, word.text) || word.text == "jou" ||
             word.text == "jouw" || word.text == "uw" || word.text == "jezelf";
    to_us = to_us || word.text == "we" || word.text == "wij" || word.text == "ons" ||
            word.text == "onze";
    to_me = to_me || word.text == "ik" || word.text == "mij" || word.text == "mijn";
  }
  emit(to_you ? "f:to_you" : "f:not_to_you", 1, none, none);
  if (to_us)
    emit("f:to_us", 1, none, none);
  if (to_me)
    emit("f:to_me", 1, none, none);
  if (text.find('!') != std::string_view::npos)
    emit("f:exclamation", 1, none, none);
  emit(plain.size() <= 4 ? "f:short" : plain.size() >= 20 ? "f:long" : "f:middle", 1, none, none);
  // "..., denk je?": the asker wonders along with the presenter.
  if (plain.size() >= 2 && plain[plain.size() - 2].text == "denk" &&
      is_one_of(addressed, plain.back().text))
    emit("r:wonder_tag", 1, plain.size() - 2, plain.size() - 1, false, -1);

  // The listened-for phrases, each also with the form it came in.
  for (const Cue& cue : cues()) {
    const auto span = find_phrase(cue.phrase, plain);
    if (!span)
      continue;
    const auto [from, to] = word_range(plain, *span);
    name = std::string("r:") + std::string(cue.name);
    emit(name, 1, from, to, true, prior_of(cue.name));
    name += open_content ? "/open" : "/closed";
    emit(name, 1, from, to, true);
  }

  // Loaded words: a verdict about the presenter, or someone's word quoted back.
  bool reported = false;
  for (const Word& word : plain)
    reported = reported || is_one_of(reporting_verbs, word.text);
  for (std::size_t i = 0; i < plain.size(); ++i) {
    if (!is_one_of(loaded_words, plain[i].text))
      continue;
    if (reported || quoted(text, plain[i].begin, plain[i].end))
      emit("r:loaded_quoted", 1, i, i, false, -1);
    else
      emit("r:loaded", 1, i, i, true, 1);
  }
  bool any_quote = false;
  for (std::string_view mark : {"'", "\"", "‘", "“"}) {
    const std::size_t at = text.find(mark);
    any_quote = any_quote || (at != std::string_view::npos && at + mark.size() < text.size() &&
                              (at == 0 || text[at - 1] == ' '));
  }
  if (any_quote)
    emit("f:quote", 1, none, none);
}

std::vector<AdviceFeature> advice_features(std::string_view text, const std::vector<Word>& plain,
                                           const std::vector<Word>& words,
                                           const QuestionFormReading& form) {
  std::vector<AdviceFeature> features;
  features.reserve(256);
  for_each_advice_feature(
      text, plain, words, form,
      [&](std::string_view, const AdviceFeature& feature) { features.push_back(feature); });
  return features;
}

} // namespace intervisie::core::coach
