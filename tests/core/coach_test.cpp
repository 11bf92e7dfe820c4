// SPDX-License-Identifier: EUPL-1.2
// The wording coach's rules, with a small stand-in for the dictionary. The corpus test in
// tests/language/ measures it against real sentences with the real dictionary.
#include "core/coach/coach.hpp"
#include "core/coach/hidden_advice.hpp"
#include "core/coach/question_form.hpp"
#include "core/coach/words.hpp"

#include <gtest/gtest.h>

#include <map>
#include <string>

namespace intervisie::core::coach {
namespace {

// Knows a handful of regular verbs and nouns; the irregular list does the rest.
class SmallDictionary final : public VerbOracle {
public:
  VerbReading read(std::string_view word) const override {
    static const std::map<std::string, VerbReading, std::less<>> words = {
        {"worstel", {true, true, false}},     {"merk", {true, true, false}},
        {"twijfel", {true, true, false}},     {"werkte", {true, false, true}},
        {"collega", {true, false, false}},    {"werkdruk", {true, false, false}},
        {"teamleider", {true, false, false}}, {"als", {true, false, false}},
    };
    const auto found = words.find(word);
    return found == words.end() ? VerbReading{} : found->second;
  }
};

const SmallDictionary dictionary;
const Coach coach(dictionary);

std::string spanned(std::string_view text, const Hint& hint) {
  return std::string(text.substr(hint.span.begin, hint.span.end - hint.span.begin));
}

TEST(CoachQuestions, AQuestionWordMakesAQuestionOpen) {
  EXPECT_EQ(coach.check(TextKind::question, "Hoe reageerde je team?").question_form,
            QuestionForm::open);
  EXPECT_EQ(coach.check(TextKind::question, "waardoor werd het lastig").question_form,
            QuestionForm::open);
  EXPECT_EQ(coach.check(TextKind::question, "In hoeverre speelt dat nog?").question_form,
            QuestionForm::open);
}

TEST(CoachQuestions, AVerbFirstQuestionIsClosedAndTheHintShowsHowToOpenIt) {
  const std::string text = "Heb je dat met haar besproken?";
  const Verdict verdict = coach.check(TextKind::question, text);
  EXPECT_EQ(verdict.question_form, QuestionForm::closed);
  ASSERT_EQ(verdict.hints.size(), 1u);
  EXPECT_EQ(verdict.hints[0].check, Check::question_form);
  EXPECT_EQ(spanned(text, verdict.hints[0]), "Heb je");
  EXPECT_NE(verdict.hints[0].suggestion.nl.find("Wat heb je"), std::string::npos);
  EXPECT_FALSE(verdict.hints[0].reason.en.empty());
}

TEST(CoachQuestions, ALeadInDoesNotHideTheQuestionWord) {
  for (const char* text : {"En hoe ging dat toen?", "Maar, Sanne, wat deed je daarna?",
                           "Ik ben benieuwd: wat maakt het zo zwaar?",
                           "Toen je teamleider dat zei, wat dacht je toen?",
                           "Oké. Waarom is dat voor jou belangrijk?"})
    EXPECT_EQ(coach.check(TextKind::question, text).question_form, QuestionForm::open) << text;
  EXPECT_EQ(coach.check(TextKind::question, "Toen ze belde, was je thuis?").question_form,
            QuestionForm::closed);
}

TEST(CoachQuestions, AQuestionAfterAClauseIsJudgedByItsOwnWords) {
  EXPECT_EQ(
      coach.check(TextKind::question, "Je noemde hem lui; waar zie je dat aan?").question_form,
      QuestionForm::open);
  EXPECT_EQ(
      coach.check(TextKind::question, "Het ging goed, maar hoe kijk jij erop terug?").question_form,
      QuestionForm::open);
}

TEST(CoachQuestions, AnInvitationInTheImperativeIsOpen) {
  EXPECT_EQ(coach.check(TextKind::question, "Vertel eens over die dag").question_form,
            QuestionForm::open);
  EXPECT_EQ(coach.check(TextKind::question, "Leg eens uit hoe dat rooster werkt.").question_form,
            QuestionForm::open);
}

TEST(CoachQuestions, APoliteRequestIsClosedAndGetsTheOpenFormOffered) {
  const std::string text = "Kun je vertellen hoe dat ging?";
  const Verdict verdict = coach.check(TextKind::question, text);
  EXPECT_EQ(verdict.question_form, QuestionForm::closed);
  ASSERT_EQ(verdict.hints.size(), 1u);
  EXPECT_EQ(verdict.hints[0].check, Check::question_form);
  EXPECT_EQ(spanned(text, verdict.hints[0]), "Kun je vertellen");
  EXPECT_NE(verdict.hints[0].suggestion.nl.find("‘Vertel eens hoe dat ging.’"), std::string::npos)
      << verdict.hints[0].suggestion.nl;
  EXPECT_NE(verdict.hints[0].suggestion.nl.find("‘Hoe…’"), std::string::npos);
  EXPECT_NE(verdict.hints[0].suggestion.en.find("Vertel eens hoe dat ging."), std::string::npos);
  EXPECT_NE(verdict.hints[0].reason.nl.find("beleefd verzoek"), std::string::npos);
  for (const char* polite :
       {"Wil je iets zeggen over de sfeer in het team?",
        "Zou je kunnen uitleggen waarom dat zo is?", "Mag ik vragen wat je contract inhoudt?",
        "Kunt u beschrijven wat er gebeurde?"})
    EXPECT_EQ(coach.check(TextKind::question, polite).question_form, QuestionForm::closed)
        << polite;
  const std::string explain = "Zou je kunnen uitleggen waarom dat zo is?";
  EXPECT_NE(coach.check(TextKind::question, explain)
                .hints.at(0)
                .suggestion.nl.find("‘Leg eens uit waarom dat zo is.’"),
            std::string::npos);
}

TEST(CoachQuestions, AskingLeaveBeforeAColonOnlyLeadsIn) {
  EXPECT_EQ(coach.check(TextKind::question, "Mag ik vragen: hoe oud zijn ze?").question_form,
            QuestionForm::open);
}

TEST(CoachQuestions, TellMeWhetherIsAPlainClosedQuestion) {
  const Verdict verdict = coach.check(TextKind::question, "Kun je vertellen of het lukte?");
  EXPECT_EQ(verdict.question_form, QuestionForm::closed);
  EXPECT_EQ(verdict.hints.at(0).reason.nl.find("beleefd"), std::string::npos);
  EXPECT_EQ(coach.check(TextKind::question, "Ik vraag me af of je dat wilde").question_form,
            QuestionForm::closed);
}

TEST(CoachQuestions, ClosedQuestionsAreFineWhereTheMethodSaysSo) {
  const Verdict verdict =
      coach.check(TextKind::question, "Ben je boos?", CoachOptions{.judge_question_form = false});
  EXPECT_FALSE(verdict.question_form);
  EXPECT_TRUE(verdict.hints.empty());
}

TEST(CoachQuestions, HiddenAdviceIsFlaggedWithTheWordsThatGaveItAway) {
  const std::string text = "Heb je al eens geprobeerd om het gewoon te zeggen?";
  const Verdict verdict = coach.check(TextKind::question, text);
  EXPECT_EQ(verdict.hidden_advice, true);
  ASSERT_EQ(verdict.hints.size(), 2u);
  const Hint& advice = verdict.hints[1];
  EXPECT_EQ(advice.check, Check::hidden_advice);
  EXPECT_EQ(advice.triggers, (std::vector<std::string>{"al eens geprobeerd", "gewoon"}));
  EXPECT_EQ(spanned(text, advice), "al eens geprobeerd om het gewoon");
}

TEST(CoachQuestions, AdviceCanHideInAnOpenQuestion) {
  for (const char* text :
       {"Wat als je het eens met haar bespreekt?", "Hoe zou het zijn als je nee zegt?",
        "Wat houdt je tegen om het te melden?", "Waarom zeg je het niet tegen hem?"}) {
    const Verdict verdict = coach.check(TextKind::question, text);
    EXPECT_EQ(verdict.question_form, QuestionForm::open) << text;
    EXPECT_EQ(verdict.hidden_advice, true) << text;
  }
}

TEST(CoachQuestions, ExploringWhatThePresenterTriedIsNotAdvice) {
  for (const char* text :
       {"Wat heb je al geprobeerd?", "Heb je al iets geprobeerd?",
        "Waarom denk je dat je collega het niet oppakt?", "Hoe gewoon is dat bij jullie?",
        "Wat bedoel je als je zegt dat hij lui is?"})
    EXPECT_EQ(coach.check(TextKind::question, text).hidden_advice, false) << text;
}

TEST(CoachQuestions, TheWordsOfSomeoneElseQuotedBackAreNoJudgement) {
  EXPECT_EQ(coach.check(TextKind::question, "Wat bedoel je met 'hij doet zo raar'?").hidden_advice,
            false);
  EXPECT_EQ(coach.check(TextKind::question, "Vind je hem niet een beetje raar?").hidden_advice,
            true);
}

TEST(CoachQuestions, ATypoInATriggerWordStillCounts) {
  EXPECT_EQ(coach.check(TextKind::question, "heb je overwogn om te stoppen").hidden_advice, true);
}

// What the hidden-advice reading heard, as typed.
struct Heard {
  bool found;
  AdviceCategory category;
  std::string span;
};

Heard heard(std::string_view text) {
  const std::vector<Word> words = words_of(text);
  const HiddenAdviceReading reading = read_hidden_advice(text, words, read_question_form(words));
  return {reading.found, reading.category,
          std::string(text.substr(reading.span.begin, reading.span.end - reading.span.begin))};
}

TEST(CoachHiddenAdvice, ANegatedSuggestionIsHeardAsHiddenAdvice) {
  const Heard advice = heard("Is het niet slimmer om de planning met het team te maken?");
  EXPECT_TRUE(advice.found);
  EXPECT_EQ(advice.category, AdviceCategory::negated_suggestion);
  EXPECT_EQ(advice.span, "niet slimmer om");
  EXPECT_TRUE(heard("Waarom vraag je de teamleider niet om hulp?").found);
}

TEST(CoachHiddenAdvice, ObligationAndHindsightAreHeard) {
  const Heard advice = heard("Had je de ouders niet eerder moeten bellen?");
  EXPECT_TRUE(advice.found);
  EXPECT_EQ(advice.category, AdviceCategory::obligation_hindsight);
  EXPECT_EQ(advice.span, "Had je de ouders niet eerder moeten");
  EXPECT_TRUE(heard("Heb je wel goed naar de cliënt geluisterd?").found);
}

TEST(CoachHiddenAdvice, AnOptionOrAHelperNamedIsASuggestion) {
  const Heard advice = heard("Zou een gesprek met de vertrouwenspersoon iets opleveren?");
  EXPECT_TRUE(advice.found);
  EXPECT_EQ(advice.category, AdviceCategory::suggestion_as_question);
  EXPECT_EQ(advice.span, "Zou een gesprek met de vertrouwenspersoon iets");
  EXPECT_TRUE(heard("Wat als je de stagiair de overdracht laat doen?").found);
}

TEST(CoachHiddenAdvice, AReproachWithWaaromIsHeard) {
  const Heard advice = heard("Waarom zeg je nog steeds ja tegen die extra diensten?");
  EXPECT_TRUE(advice.found);
  EXPECT_EQ(advice.category, AdviceCategory::reproach);
  EXPECT_EQ(advice.span, "Waarom zeg je nog steeds");
  EXPECT_TRUE(heard("Ben je niet veel te laat begonnen met dat verslag?").found);
}

TEST(CoachHiddenAdvice, ARhetoricalQuestionOrHiddenInterpretationIsHeard) {
  const Heard advice = heard("Kan het zijn dat je gewoon moe bent?");
  EXPECT_TRUE(advice.found);
  EXPECT_EQ(advice.category, AdviceCategory::rhetorical_interpretation);
  EXPECT_EQ(advice.span, "Kan het zijn dat je gewoon");
  EXPECT_TRUE(heard("Wat doe je daar eigenlijk nog?").found);
}

TEST(CoachHiddenAdvice, AnExplicitMarkerIsHeard) {
  const Heard advice = heard("Wat houdt je tegen om het rooster zelf te maken?");
  EXPECT_TRUE(advice.found);
  EXPECT_EQ(advice.category, AdviceCategory::explicit_marker);
  EXPECT_EQ(advice.span, "houdt je tegen");
}

TEST(CoachHiddenAdvice, AQuestionThatQuotesALoadedWordBackIsNotAVerdict) {
  EXPECT_FALSE(heard("Wat bedoel je als je zegt dat het 'onprofessioneel' was?").found);
  EXPECT_FALSE(heard("Wat deed het met je toen ze je naïef noemde?").found);
  EXPECT_TRUE(heard("Was het niet wat naïef om dat toe te zeggen?").found);
}

TEST(CoachHiddenAdvice, TheQuestionsTrainersTeachStayOpen) {
  for (const char* text :
       {"Wat heb je al geprobeerd?", "Waarom was dat zo belangrijk voor je?",
        "Wat zou er gebeuren als je niets doet?",
        "Hoe zou het zijn als het probleem morgen weg is?", "Wat wil je dat ik je níet vraag?",
        "Stel dat je het hen vraagt, wat zouden zij zeggen?"})
    EXPECT_FALSE(heard(text).found) << text;
}

TEST(CoachHiddenAdvice, EveryHintSaysWhatItHeardAndOffersAnOpenQuestionInBothLanguages) {
  for (const char* text :
       {"Heb je al eens overwogen om te stoppen?", "Is het niet verstandiger om te wachten?",
        "Had je dat niet moeten melden?", "Zou een coach iets voor je zijn?",
        "Waarom laat je het zo makkelijk gebeuren?", "Ligt het niet gewoon aan jezelf?"}) {
    const Verdict verdict = coach.check(TextKind::question, text);
    ASSERT_EQ(verdict.hidden_advice, true) << text;
    const Hint& hint = verdict.hints.back();
    EXPECT_EQ(hint.check, Check::hidden_advice);
    EXPECT_FALSE(hint.triggers.empty()) << text;
    for (const std::string& trigger : hint.triggers) {
      EXPECT_NE(hint.reason.nl.find("‘" + trigger + "’"), std::string::npos) << text;
      EXPECT_NE(hint.reason.en.find("‘" + trigger + "’"), std::string::npos) << text;
    }
    EXPECT_NE(hint.suggestion.nl.find("?’"), std::string::npos) << text;
    EXPECT_NE(hint.suggestion.en.find("?’"), std::string::npos) << text;
  }
}

TEST(CoachStatements, AStatementStartsWithIkAndAVerb) {
  EXPECT_EQ(coach.check(TextKind::statement, "Ik worstel met de nieuwe roosters.").statement,
            StatementVerdict::ok);
  EXPECT_EQ(coach.check(TextKind::statement, "ik heb er last van dat").statement,
            StatementVerdict::ok);
  // A word the dictionary does not know after "ik" is most likely a verb with a typo.
  EXPECT_EQ(coach.check(TextKind::statement, "Ik hep er last van").statement, StatementVerdict::ok);
  EXPECT_TRUE(coach.check(TextKind::statement, "Ik merk dat ik moe ben").hints.empty());
}

TEST(CoachStatements, AQuestionMarkMakesAQuestionEvenAfterIk) {
  EXPECT_EQ(coach.check(TextKind::statement, "Ik kan toch niet alles alleen doen?").statement,
            StatementVerdict::question);
}

TEST(CoachStatements, AQuestionIsNotAStatement) {
  const Verdict verdict = coach.check(TextKind::statement, "Hoe ga je om met werkdruk?");
  EXPECT_EQ(verdict.statement, StatementVerdict::question);
  ASSERT_EQ(verdict.hints.size(), 1u);
  EXPECT_EQ(verdict.hints[0].check, Check::statement);
}

TEST(CoachStatements, AStatementAboutSomeoneElseIsNotYours) {
  EXPECT_EQ(coach.check(TextKind::statement, "Mijn collega komt steeds te laat.").statement,
            StatementVerdict::about_someone_else);
  EXPECT_EQ(coach.check(TextKind::statement, "Hij luistert niet naar me.").statement,
            StatementVerdict::about_someone_else);
}

TEST(CoachStatements, AStatementWithoutIkAndAVerbSaysSo) {
  EXPECT_EQ(coach.check(TextKind::statement, "Werkdruk en grenzen.").statement,
            StatementVerdict::no_ik_verb);
  EXPECT_EQ(coach.check(TextKind::statement, "Als teamleider wil ik rust.").statement,
            StatementVerdict::no_ik_verb);
}

TEST(CoachStatements, AStatementAboutThePastIsNotAboutNow) {
  EXPECT_EQ(coach.check(TextKind::statement, "Ik had vorig jaar een conflict.").statement,
            StatementVerdict::past);
  EXPECT_EQ(
      coach.check(TextKind::statement, "Ik heb drie jaar geleden een fout gemaakt.").statement,
      StatementVerdict::past);
  EXPECT_EQ(
      coach.check(TextKind::statement, "Ik heb er nog steeds last van dat het vorig jaar misging.")
          .statement,
      StatementVerdict::ok);
  EXPECT_EQ(coach.check(TextKind::statement, "Ik ga volgende week een gesprek voeren.").statement,
            StatementVerdict::ok);
}

TEST(CoachAdvice, AdviceWithTheOpenerNeedsNoHint) {
  for (const char* text : {"Als ik in jouw schoenen stond, zou ik het vragen.",
                           "als ik in je schoenen zou staan dan stopte ik",
                           "  “Als ik in jouw schoenenstond zou ik bellen”",
                           "ALS IK IN JOUW SCHOENEN STOND: bellen"}) {
    const Verdict verdict = coach.check(TextKind::advice, text);
    EXPECT_EQ(verdict.advice_opener, AdviceOpener::present) << text;
    EXPECT_TRUE(verdict.hints.empty()) << text;
  }
}

TEST(CoachAdvice, AdviceWithoutTheOpenerIsOfferedIt) {
  const Verdict verdict = coach.check(TextKind::advice, "Bel haar morgen op.");
  EXPECT_EQ(verdict.advice_opener, AdviceOpener::missing);
  ASSERT_EQ(verdict.hints.size(), 1u);
  EXPECT_EQ(verdict.hints[0].rewrite, "Als ik in jouw schoenen stond, dan bel haar morgen op.");
  EXPECT_EQ(coach.check(TextKind::advice, "Ik zou haar bellen.").hints.at(0).rewrite,
            "Als ik in jouw schoenen stond, dan zou ik haar bellen.");
  EXPECT_EQ(coach.check(TextKind::advice, "Als ik jou was, zou ik bellen").advice_opener,
            AdviceOpener::missing);
}

TEST(Coach, NothingTypedMeansNothingToSay) {
  for (TextKind kind : {TextKind::statement, TextKind::question, TextKind::advice}) {
    const Verdict verdict = coach.check(kind, "  ?! ");
    EXPECT_TRUE(verdict.hints.empty());
    EXPECT_FALSE(verdict.statement || verdict.question_form || verdict.advice_opener);
  }
}

TEST(Coach, TheKindOfAnUnlabelledTextIsGuessed) {
  EXPECT_EQ(guess_kind("Ik weet niet hoe ik dit aanpak"), TextKind::statement);
  EXPECT_EQ(guess_kind("Als ik in jouw schoenen stond, dan..."), TextKind::advice);
  EXPECT_EQ(guess_kind("Ik ben benieuwd: hoe ging het?"), TextKind::question);
  EXPECT_EQ(guess_kind("Hoe ging het"), TextKind::question);
}

TEST(CoachWords, WordsKeepTheirPlaceAndCurlyPunctuationSeparates) {
  const std::string text = "‘Heb je z’n mail gelezen…’";
  const std::vector<Word> words = words_of(text);
  ASSERT_EQ(words.size(), 6u);
  EXPECT_EQ(words[0].text, "heb");
  EXPECT_TRUE(words[0].capitalised);
  EXPECT_EQ(text.substr(words[0].begin, words[0].end - words[0].begin), "Heb");
  EXPECT_EQ(words[2].text, "z'n");
  EXPECT_EQ(words[5].text, "."); // the ellipsis ends a sentence like a full stop
}

TEST(CoachWords, MalformedBytesDoNotCrashTheCoach) {
  const std::string text = "Heb je \xC3 \xE2\x80 \xFF?";
  EXPECT_EQ(coach.check(TextKind::question, text).question_form, QuestionForm::closed);
}

} // namespace
} // namespace intervisie::core::coach
