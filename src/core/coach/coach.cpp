// SPDX-License-Identifier: EUPL-1.2
#include "core/coach/coach.hpp"

#include "core/coach/advice_opener.hpp"
#include "core/coach/clause.hpp"
#include "core/coach/hidden_advice.hpp"
#include "core/coach/question_form.hpp"
#include "core/coach/statement_form.hpp"
#include "core/coach/words.hpp"

#include <algorithm>
#include <array>

namespace intervisie::core::coach {
namespace {

Hint statement_hint(StatementVerdict verdict, Span span) {
  switch (verdict) {
  case StatementVerdict::question:
    return {Check::statement,
            {"Dit staat er als een vraag; een vraagstuk zegt iets over jezelf.",
             "This reads as a question; a case statement says something about yourself."},
            {"Begin met ‘Ik’, bijvoorbeeld: ‘Ik weet niet hoe ik…’.",
             "Start with ‘Ik’, for example: ‘Ik weet niet hoe ik…’."},
            span,
            {},
            {}};
  case StatementVerdict::about_someone_else:
    return {Check::statement,
            {"Dit gaat over een ander; een vraagstuk gaat over wat jij ervaart of wilt.",
             "This is about someone else; a case statement is about what you experience or want."},
            {"Zet jezelf voorop: ‘Ik heb er last van dat…’ of ‘Ik wil graag…’.",
             "Put yourself first: ‘Ik heb er last van dat…’ or ‘Ik wil graag…’."},
            span,
            {},
            {}};
  case StatementVerdict::no_ik_verb:
    return {Check::statement,
            {"Een vraagstuk begint met ‘ik’ en meteen een werkwoord.",
             "A case statement starts with ‘ik’ followed straight away by a verb."},
            {"Bijvoorbeeld: ‘Ik worstel met…’, ‘Ik wil graag…’ of ‘Ik weet niet hoe…’.",
             "For example: ‘Ik worstel met…’, ‘Ik wil graag…’ or ‘Ik weet niet hoe…’."},
            span,
            {},
            {}};
  case StatementVerdict::past:
    return {Check::statement,
            {"Dit klinkt als iets wat voorbij is; een vraagstuk speelt nu of binnenkort.",
             "This sounds like something that is over; a case statement is about now or soon."},
            {"Wat speelt er nu nog? Bijvoorbeeld: ‘Ik merk nog steeds dat…’.",
             "What is still going on now? For example: ‘Ik merk nog steeds dat…’."},
            span,
            {},
            {}};
  case StatementVerdict::ok:
    break;
  }
  return {};
}

bool is_pronoun(std::string_view word) {
  static constexpr auto pronouns = std::to_array<std::string_view>({"je", "jij", "u"});
  return is_one_of(pronouns, word);
}

// "Heb je ...?" can open up as "Wat heb je ...?" or "Hoe heb je ...?".
LocalizedText open_up(std::string_view text, const std::vector<Word>& words, Span span) {
  const std::vector<Word> plain = without_marks(words);
  for (std::size_t i = 0; i + 1 < plain.size(); ++i) {
    if (plain[i].begin != span.begin)
      continue;
    if (!is_pronoun(plain[i + 1].text))
      break;
    const std::string verb = plain[i].text;
    const std::string pronoun(
        text.substr(plain[i + 1].begin, plain[i + 1].end - plain[i + 1].begin));
    return {"Open hem met een vraagwoord, bijvoorbeeld: ‘Wat " + verb + " " + pronoun +
                "…’ of ‘Hoe " + verb + " " + pronoun + "…’.",
            "Open it up with a question word, for example: ‘Wat " + verb + " " + pronoun +
                "…’ or ‘Hoe " + verb + " " + pronoun + "…’."};
  }
  return {"Begin met een vraagwoord, zoals ‘Wat’, ‘Hoe’ of ‘Waardoor’, zodat er een verhaal "
          "komt.",
          "Start with a question word such as ‘Wat’, ‘Hoe’ or ‘Waardoor’, so a story can "
          "follow."};
}

// Drops a final question mark, spaces and quotes: what a request asks about, to invite it.
std::string_view asked_about(std::string_view text, std::size_t begin) {
  std::string_view rest = text.substr(std::min(begin, text.size()));
  while (!rest.empty() && (rest.back() == '?' || rest.back() == ' ' || rest.back() == '.'))
    rest.remove_suffix(1);
  return rest;
}

// "Kun je vertellen hoe ...?" can be granted with "ja"; "Vertel eens hoe ..." cannot.
Hint polite_request_hint(std::string_view text, const PoliteRequest& request) {
  const std::string invitation = std::string(request.imperative) + " " +
                                 std::string(asked_about(text, request.rest_begin)) + ".";
  std::string nl = "Nodig uit in plaats van te verzoeken: ‘" + invitation + "’";
  std::string en = "Invite rather than request: ‘" + invitation + "’";
  if (request.question) {
    std::string word(
        text.substr(request.question->begin, request.question->end - request.question->begin));
    if (!word.empty() && word[0] >= 'a' && word[0] <= 'z')
      word[0] = static_cast<char>(word[0] - 'a' + 'A');
    nl += ", of vraag het meteen met ‘" + word + "…’ vooraan.";
    en += ", or ask it straight away, starting with ‘" + word + "…’.";
  } else {
    nl += ".";
    en += ".";
  }
  return {Check::question_form,
          {"Dit is een beleefd verzoek: ‘ja’ is al een antwoord, en dan blijft het verhaal "
           "misschien uit.",
           "This is a polite request: ‘yes’ already answers it, and the story may not follow."},
          {std::move(nl), std::move(en)},
          request.request,
          {},
          {}};
}

std::string quoted_list(const std::vector<std::string>& triggers) {
  std::string out;
  for (std::size_t i = 0; i < triggers.size(); ++i) {
    if (i > 0)
      out += ", ";
    out += "‘" + triggers[i] + "’";
  }
  return out;
}

// What was heard, and a question in the same spirit that leaves the way to the presenter.
Hint hidden_advice_hint(const HiddenAdviceReading& advice) {
  const std::string heard = quoted_list(advice.triggers);
  auto hint = [&](std::string reason_nl, std::string reason_en, std::string suggestion_nl,
                  std::string suggestion_en) {
    return Hint{Check::hidden_advice,
                {std::move(reason_nl), std::move(reason_en)},
                {std::move(suggestion_nl), std::move(suggestion_en)},
                advice.span,
                advice.triggers,
                {}};
  };
  switch (advice.category) {
  case AdviceCategory::explicit_marker:
    return hint("Hier klinkt een advies in door (" + heard + "): de vraag wijst al een weg.",
                "There is advice in this (" + heard + "): the question already points a way.",
                "Vraag wat de inbrenger zelf al bedacht heeft, bijvoorbeeld: ‘Welke mogelijkheden "
                "heb je zelf al overwogen?’",
                "Ask what the presenter has thought of, for example: ‘Welke mogelijkheden heb je "
                "zelf al overwogen?’ (which options have you considered yourself?)");
  case AdviceCategory::negated_suggestion:
    return hint("Hier zit een voorstel in, verpakt als vraag (" + heard + ").",
                "There is a suggestion in this, wrapped up as a question (" + heard + ").",
                "Laat de keuze bij de inbrenger, bijvoorbeeld: ‘Welke mogelijkheden zie je, en wat "
                "spreekt je daarin aan?’",
                "Leave the choice with the presenter, for example: ‘Welke mogelijkheden zie je, en "
                "wat spreekt je daarin aan?’ (which options do you see, and what appeals to you?)");
  case AdviceCategory::obligation_hindsight:
    return hint("Dit klinkt als wat de inbrenger had moeten doen (" + heard + ").",
                "This sounds like what the presenter ought to have done (" + heard + ").",
                "Vraag naar het moment zelf, bijvoorbeeld: ‘Wat maakte dat je toen zo hebt "
                "gehandeld?’",
                "Ask about the moment itself, for example: ‘Wat maakte dat je toen zo hebt "
                "gehandeld?’ (what made you act the way you did then?)");
  case AdviceCategory::suggestion_as_question:
    return hint("Hier noem je zelf al een oplossing of iemand die kan helpen (" + heard + ").",
                "You name a solution or a helper yourself here (" + heard + ").",
                "Vraag wat de inbrenger zelf ziet, bijvoorbeeld: ‘Wie of wat zou je hierbij "
                "kunnen helpen?’",
                "Ask what the presenter sees, for example: ‘Wie of wat zou je hierbij kunnen "
                "helpen?’ (who or what could help you with this?)");
  case AdviceCategory::reproach:
    return hint("Dit kan klinken als een verwijt (" + heard + ").",
                "This may sound like a reproach (" + heard + ").",
                "Vraag nieuwsgierig naar wat het lastig maakt, bijvoorbeeld: ‘Wat maakt het "
                "moeilijk om hier iets aan te veranderen?’",
                "Ask with curiosity what makes it hard, for example: ‘Wat maakt het moeilijk om "
                "hier iets aan te veranderen?’ (what makes it hard to change this?)");
  case AdviceCategory::rhetorical_interpretation:
    break;
  }
  return hint("Hier zit al een antwoord of een uitleg in (" + heard + ").",
              "This already holds an answer or an explanation (" + heard + ").",
              "Vraag naar de uitleg van de inbrenger zelf, bijvoorbeeld: ‘Hoe verklaar je het "
              "zelf?’",
              "Ask for the presenter's own explanation, for example: ‘Hoe verklaar je het zelf?’ "
              "(how do you explain it yourself?)");
}

} // namespace

Verdict Coach::check(TextKind kind, std::string_view text, const CoachOptions& options) const {
  Verdict verdict;
  verdict.kind = kind;
  const std::vector<Word> words = words_of(text);
  if (without_marks(words).empty())
    return verdict; // nothing typed yet: nothing to say

  switch (kind) {
  case TextKind::statement: {
    const StatementReading reading = read_statement(words, oracle_);
    verdict.statement = reading.verdict;
    if (reading.verdict != StatementVerdict::ok)
      verdict.hints.push_back(statement_hint(reading.verdict, reading.span));
    break;
  }
  case TextKind::question: {
    const QuestionFormReading form = read_question_form(words);
    if (options.judge_question_form) {
      verdict.question_form = form.form;
      if (form.polite_request)
        verdict.hints.push_back(polite_request_hint(text, *form.polite_request));
      else if (form.form == QuestionForm::closed)
        verdict.hints.push_back(
            {Check::question_form,
             {"Dit is een gesloten vraag: het antwoord kan ‘ja’ of ‘nee’ zijn.",
              "This is a closed question: it can be answered with ‘yes’ or ‘no’."},
             open_up(text, words, form.span),
             form.span,
             {},
             {}});
    }
    const HiddenAdviceReading advice = read_hidden_advice(text, words, form);
    verdict.hidden_advice = advice.found;
    if (advice.found)
      verdict.hints.push_back(hidden_advice_hint(advice));
    break;
  }
  case TextKind::advice: {
    AdviceOpenerReading reading = read_advice_opener(text);
    verdict.advice_opener = reading.opener;
    if (reading.opener == AdviceOpener::missing)
      verdict.hints.push_back(
          {Check::advice_opener,
           {"Een advies begint met ‘Als ik in jouw schoenen stond…’.",
            "Advice starts with ‘Als ik in jouw schoenen stond…’ (if I were in your shoes)."},
           {"Zet die opening ervoor: zo blijft het jouw kijk, geen opdracht.",
            "Put that opening in front: it keeps it your view, not an order."},
           reading.span,
           {},
           std::move(reading.rewrite)});
    break;
  }
  }
  return verdict;
}

TextKind guess_kind(std::string_view text) {
  const std::vector<Word> marked = words_of(text);
  if (!marked.empty() && marked.back().text == "?")
    return TextKind::question;
  const std::vector<Word> words = without_marks(marked);
  if (words.size() >= 2 && words[0].text == "als" && words[1].text == "ik")
    return TextKind::advice;
  if (!words.empty() && words[0].text == "ik")
    return TextKind::statement;
  return TextKind::question;
}

std::string_view to_string(TextKind kind) {
  switch (kind) {
  case TextKind::statement:
    return "statement";
  case TextKind::question:
    return "question";
  case TextKind::advice:
    return "advice";
  }
  return "question";
}

std::optional<TextKind> text_kind_from_string(std::string_view name) {
  for (TextKind kind : {TextKind::statement, TextKind::question, TextKind::advice})
    if (to_string(kind) == name)
      return kind;
  return std::nullopt;
}

std::string_view to_string(StatementVerdict verdict) {
  switch (verdict) {
  case StatementVerdict::ok:
    return "ok";
  case StatementVerdict::question:
    return "question";
  case StatementVerdict::about_someone_else:
    return "about_someone_else";
  case StatementVerdict::no_ik_verb:
    return "no_ik_verb";
  case StatementVerdict::past:
    return "past";
  }
  return "ok";
}

std::string_view to_string(QuestionForm form) {
  return form == QuestionForm::open ? "open" : "closed";
}

std::string_view to_string(AdviceOpener opener) {
  return opener == AdviceOpener::present ? "present" : "missing";
}

std::string_view to_string(Check check) {
  switch (check) {
  case Check::statement:
    return "statement";
  case Check::question_form:
    return "question_form";
  case Check::hidden_advice:
    return "hidden_advice";
  case Check::advice_opener:
    return "advice_opener";
  }
  return "statement";
}

} // namespace intervisie::core::coach
