// SPDX-License-Identifier: EUPL-1.2
#include "core/coach/statement_form.hpp"

#include "core/coach/clause.hpp"
#include "core/coach/phrase.hpp"

#include <algorithm>
#include <array>

namespace intervisie::core::coach {
namespace {

// Someone else as the subject: "Hij ...", "Iedereen ...".
constexpr auto other_pronouns = std::to_array<std::string_view>({
    "hij",
    "iedereen",
    "iemand",
    "je",
    "jij",
    "jullie",
    "men",
    "niemand",
    "we",
    "wij",
    "ze",
    "zij",
});

// Words that introduce a noun: "Mijn collega ...", "De ouders van Tim ...", "Onze school ...".
constexpr auto determiners = std::to_array<std::string_view>({
    "alle",  "de",     "deze", "die",  "dit", "drie", "een",     "elke", "haar", "het", "hun",
    "ieder", "iedere", "m'n",  "mijn", "ons", "onze", "sommige", "twee", "veel", "z'n", "zijn",
});

// People, groups and institutions: the nouns that make a statement about someone else. Plural
// and possessive endings are handled by is_person_noun.
constexpr auto person_nouns = std::to_array<std::string_view>({
    "arts",
    "assistent",
    "baas",
    "begeleider",
    "bestuur",
    "bewoner",
    "buurman",
    "buurvrouw",
    "client",
    "cliënt",
    "cliëntenraad",
    "coach",
    "collega",
    "collegae",
    "conciërge",
    "cursist",
    "decaan",
    "deelnemer",
    "directeur",
    "directie",
    "directrice",
    "docent",
    "dochter",
    "dokter",
    "familie",
    "familielid",
    "gemeente",
    "gezin",
    "groep",
    "huisarts",
    "ib'er",
    "inspectie",
    "intern",
    "jongere",
    "jongeren",
    "juf",
    "jeugdige",
    "kind",
    "kinderen",
    "klant",
    "klas",
    "kleuter",
    "leerling",
    "leidinggevende",
    "leraar",
    "leraren",
    "lerares",
    "man",
    "manager",
    "medewerker",
    "meester",
    "mentee",
    "mentor",
    "moeder",
    "mt",
    "ondernemingsraad",
    "opleider",
    "organisatie",
    "ouder",
    "partner",
    "patient",
    "patiënt",
    "peuter",
    "planner",
    "pupil",
    "raad",
    "roostermaker",
    "school",
    "schoolleider",
    "secretaresse",
    "stagiair",
    "stagiaire",
    "student",
    "team",
    "teamgenoot",
    "teamleider",
    "teamleidster",
    "tiener",
    "vader",
    "verpleegkundige",
    "verzorgende",
    "vrijwilliger",
    "vrouw",
    "werkgever",
    "werknemer",
    "zoon",
    "zorgcoördinator",
    "zorgverzekeraar",
    "afdeling",
    "ouders",
    "directeuren",
    "gemeenteraad",
    "teamleden",
    "teamlid",
    "bewoners",
    "genoot",
    "genoten",
    "coachee",
});

// Endings of words for people by what they do: "ontwikkelaar", "officier", "verpleegkundige",
// "leidinggevende", "werkbegeleider".
constexpr auto person_endings = std::to_array<std::string_view>({
    "aar",     "eur",     "ist",   "ant",    "ier",    "oloog", "ologen",
    "kundige", "gevende", "ster",  "leider", "werker", "nemer", "gever",
    "houder",  "hebber",  "coach", "agent",  "arts",
});

bool is_person_noun(std::string_view word) {
  for (std::string_view ending : person_endings)
    for (std::string_view plural : {"", "s", "en", "n", "'s"})
      if (word.size() > ending.size() + plural.size() + 1 && word.ends_with(plural) &&
          word.substr(0, word.size() - plural.size()).ends_with(ending))
        return true;
  for (std::string_view noun : person_nouns) {
    // Compounds end in the person: "duo-collega", "praktijkbegeleider", "klassenleraar".
    const std::size_t at =
        noun.size() >= 5 ? word.rfind(noun) : (word.starts_with(noun) ? 0 : word.npos);
    if (at == std::string_view::npos)
      continue;
    const std::string_view ending = word.substr(at + noun.size());
    if (ending.empty() || ending == "s" || ending == "'s" || ending == "en" || ending == "n" ||
        ending == "e" || ending == "nen")
      return true;
  }
  return false;
}

// A statement that is really a question asks it with a question word or puts the verb first.
bool reads_as_question(const std::vector<Word>& words, std::size_t first,
                       const VerbOracle& oracle) {
  if (starts_with_question_word(words, first))
    return true;
  if (words.back().text == "?")
    return true;
  const std::size_t second = skip_marks(words, first + 1);
  if (second >= words.size())
    return false;
  static constexpr auto subjects = std::to_array<std::string_view>({
      "ik",
      "je",
      "jij",
      "u",
      "we",
      "wij",
      "men",
      "het",
      "er",
      "ze",
      "zij",
      "hij",
  });
  return read_verb(words[first].text, oracle).present && is_one_of(subjects, words[second].text);
}

// Clearly over: "vorig jaar", "drie weken geleden", "toen", "destijds".
const std::vector<Phrase>& past_markers() {
  static const std::vector<Phrase> phrases = {
      {{one_of({"geleden"})}},
      {{one_of({"vorig", "vorige", "afgelopen"}),
        one_of({"jaar", "week", "maand", "keer", "schooljaar", "zomer", "winter", "voorjaar",
                "najaar", "periode"})}},
      // a job or team that is behind the presenter
      {{one_of({"vorige", "oude", "eerdere"}),
        one_of({"baan", "functie", "werkgever", "school", "werkplek", "job", "team", "organisatie",
                "afdeling"})}},
      {{one_of({"toen", "destijds", "vroeger", "indertijd", "gisteren", "eergisteren"})}},
      {{one_of({"in"}), one_of({"2015", "2016", "2017", "2018", "2019", "2020", "2021", "2022",
                                "2023", "2024", "2025"})}},
  };
  return phrases;
}

// It still plays: "nog steeds", "sinds", "nu", "binnenkort".
const std::vector<Phrase>& present_markers() {
  static const std::vector<Phrase> phrases = {
      {{one_of({"nog"}), one_of({"steeds", "altijd", "elke", "vaak", "regelmatig", "dagelijks"})}},
      {{one_of({"sinds",   "sindsdien", "nu",      "tegenwoordig", "binnenkort", "straks",
                "morgen",  "volgende",  "volgend", "komende",      "steeds",     "telkens",
                "elke",    "iedere",    "opnieuw", "weer",         "blijf",      "blijft",
                "merk",    "zit",       "weet",    "wil",          "vind",       "twijfel",
                "worstel", "lig",       "pieker"})}},
  };
  return phrases;
}

bool any_phrase(const std::vector<Phrase>& phrases, const std::vector<Word>& words) {
  return std::ranges::any_of(
      phrases, [&](const Phrase& phrase) { return find_phrase(phrase, words).has_value(); });
}

} // namespace

StatementReading read_statement(const std::vector<Word>& words, const VerbOracle& oracle) {
  const std::size_t first = skip_marks(words, 0);
  if (first >= words.size())
    return {StatementVerdict::ok, {}};
  const Word& opening = words[first];
  const std::size_t second = skip_marks(words, first + 1);
  const Span opening_span{opening.begin, second < words.size() ? words[second].end : opening.end};

  // A statement is not a question, whatever its first words: "Ik kan toch niet alles doen?"
  if (words.back().text == "?")
    return {StatementVerdict::question, opening_span};
  if (opening.text == "ik" && second < words.size()) {
    const VerbReading verb = read_verb(words[second].text, oracle);
    // A word the dictionary does not know is most likely a verb with a typo ("ik hep").
    if (verb.is_verb() || !verb.known) {
      const std::vector<Word> rest(words.begin() + static_cast<std::ptrdiff_t>(second) + 1,
                                   words.end());
      const std::vector<Word> plain = without_marks(rest);
      if (verb.past && !verb.present && !any_phrase(present_markers(), plain))
        return {StatementVerdict::past, opening_span};
      if ((words[second].text == "heb" || words[second].text == "ben") &&
          any_phrase(past_markers(), plain) && !any_phrase(present_markers(), plain))
        return {StatementVerdict::past, opening_span};
      return {StatementVerdict::ok, opening_span};
    }
  }
  if (opening.text != "ik" && reads_as_question(words, first, oracle))
    return {StatementVerdict::question, opening_span};
  if (is_one_of(other_pronouns, opening.text) || is_person_noun(opening.text) ||
      (opening.capitalised && second < words.size() && !read_verb(opening.text, oracle).known))
    return {StatementVerdict::about_someone_else, opening_span};
  if (is_one_of(determiners, opening.text)) {
    // The noun the determiner introduces, past any adjectives, up to the first verb.
    const std::vector<Word> plain = without_marks(words);
    for (std::size_t i = 1; i < plain.size() && i <= 4; ++i) {
      if (is_person_noun(plain[i].text))
        return {StatementVerdict::about_someone_else, {opening.begin, plain[i].end}};
      // "Een paar ouders ...", "Een aantal collega's ...": a quantity, not yet the noun.
      if (plain[i].text == "paar" || plain[i].text == "aantal" || plain[i].text == "stel" ||
          is_one_of(determiners, plain[i].text) || plain[i].text == "van")
        continue;
      if (read_verb(plain[i].text, oracle).is_verb())
        break;
    }
  }
  return {StatementVerdict::no_ik_verb, opening_span};
}

} // namespace intervisie::core::coach
