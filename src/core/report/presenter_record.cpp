// SPDX-License-Identifier: EUPL-1.2
#include "core/report/presenter_record.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <utility>

namespace intervisie::core {
namespace {

std::string name_of(const SessionState& state, ParticipantId id) {
  const Participant* person = state.find_participant(id);
  return person ? person->name : std::string{};
}

} // namespace

std::expected<PresenterRecord, RecordRefusal> presenter_record(const SessionState& state,
                                                               ParticipantId reader) {
  // A presenter without a device reads their record on the facilitator's screen.
  if (!state.presenter || !sees_private_of(state, reader, state.presenter) ||
      (reader != *state.presenter && reader != state.facilitator))
    return std::unexpected(RecordRefusal::not_presenter);
  if (state.phase != Phase::finished)
    return std::unexpected(RecordRefusal::session_not_finished);
  PresenterRecord record;
  record.title = state.title;
  if (state.method) {
    record.method_id = state.method->id;
    record.method_name = state.method->name;
  }
  record.finished_at = state.finished_at;
  record.statements = state.statements;
  for (const Question& question : state.questions)
    record.questions.push_back({.by = name_of(state, question.asker),
                                .spoken = question.text.empty(),
                                .text = question.text,
                                .key_point = question.key_point,
                                .outcome = question.outcome,
                                .rating = question.rating,
                                .answer_note = question.answer_note});
  for (const Observation& observation : state.observations)
    record.observations.push_back({name_of(state, observation.author), observation.text});
  for (const Reflection& reflection : state.reflections)
    record.reflections.push_back(reflection.text);
  for (const Advice& advice : state.advice)
    record.advice.push_back({.by = name_of(state, advice.adviser),
                             .spoken = advice.text.empty(),
                             .text = advice.text,
                             .key_point = advice.key_point});
  for (const Note& note : state.notes)
    record.key_points.push_back({name_of(state, note.author), note.text});
  for (const Draft& draft : state.drafts)
    if (draft.shared)
      record.shared_advice.push_back({name_of(state, draft.author), draft.essence, draft.text});
  record.reaction = state.reaction;
  record.private_notes = state.private_notes;
  return record;
}

namespace {

struct Words {
  std::string_view record_of, method, finished, statement, first_statement, reframed, questions,
      answered, declined, pending, observations, reflections, advice, shared_advice, essence,
      reaction, tomorrow, think_over, notes, warm, lukewarm, cold, note, none, key_points, out_loud,
      asked_without_key_point, given_without_key_point;
};

constexpr Words dutch{"Verslag voor de inbrenger",
                      "Methode",
                      "Afgerond op",
                      "Je vraag",
                      "Eerste formulering",
                      "Opnieuw geformuleerd",
                      "Vragen",
                      "beantwoord",
                      "niet beantwoord (grens aangegeven)",
                      "open gebleven",
                      "Wat de anderen opmerkten",
                      "Jouw reflecties",
                      "Adviezen",
                      "Balint-adviezen",
                      "Kern",
                      "Jouw reactie",
                      "Wat je morgen doet",
                      "Waar je nog over nadenkt",
                      "Je eigen aantekeningen",
                      "warm",
                      "lauw",
                      "koud",
                      "aantekening",
                      "(niets)",
                      "Kernpunten die de anderen voor je noteerden",
                      "hardop",
                      "Ook hardop gesteld, zonder kern",
                      "Ook hardop gegeven, zonder kern"};

constexpr Words english{"Record for the presenter",
                        "Method",
                        "Finished on",
                        "Your question",
                        "First wording",
                        "Reframed",
                        "Questions",
                        "answered",
                        "not answered (a boundary)",
                        "left open",
                        "What the others noticed",
                        "Your reflections",
                        "Advice",
                        "Balint advice",
                        "Essence",
                        "Your reaction",
                        "What you will do tomorrow",
                        "What you will think over",
                        "Your own notes",
                        "warm",
                        "lukewarm",
                        "cold",
                        "note",
                        "(nothing)",
                        "Key points the others noted for you",
                        "out loud",
                        "Also asked out loud, without a key point",
                        "Also given out loud, without a key point"};

std::string date_of(Instant instant) {
  const std::chrono::year_month_day day{std::chrono::floor<std::chrono::days>(instant)};
  char text[16];
  std::snprintf(text, sizeof text, "%04d-%02u-%02u", static_cast<int>(day.year()),
                static_cast<unsigned>(day.month()), static_cast<unsigned>(day.day()));
  return text;
}

// Markdown that a reader typed stays their text: a line that would start a heading, list or
// quote is kept literal by escaping its first character; later lines get `indent` so that
// they stay inside the list item they belong to.
std::string literal(std::string_view text, std::string_view indent = "") {
  std::string out;
  bool line_start = true;
  for (const char c : text) {
    if (line_start && (c == '#' || c == '>' || c == '-' || c == '*' || c == '+' || c == '|'))
      out += '\\';
    out += c;
    line_start = c == '\n';
    if (line_start)
      out += indent;
  }
  return out;
}

// "Anna" or "Anna (hardop)": who said it, and how.
std::string speaker(const Words& w, const std::string& by, bool spoken) {
  std::string out = literal(by);
  if (spoken)
    out += " (" + std::string(w.out_loud) + ")";
  return out;
}

// People who said something out loud that nobody noted a key point for, in order of first
// appearance, with how often: "Anna (2), Bram".
class Unnoted {
public:
  void add(const std::string& by) {
    const auto found = std::ranges::find(counts_, by, &std::pair<std::string, int>::first);
    if (found == counts_.end())
      counts_.emplace_back(by, 1);
    else
      ++found->second;
  }
  // The line that sums them up, after a blank line; nothing when there are none.
  std::string line(std::string_view lead) const {
    if (counts_.empty())
      return {};
    std::string out = "\n" + std::string(lead) + ": ";
    for (std::size_t i = 0; i < counts_.size(); ++i) {
      out += (i == 0 ? "" : ", ") + literal(counts_[i].first);
      if (counts_[i].second > 1)
        out += " (" + std::to_string(counts_[i].second) + ")";
    }
    return out + "\n";
  }

private:
  std::vector<std::pair<std::string, int>> counts_;
};

void contributions(std::string& out, std::string_view heading,
                   const std::vector<PresenterRecord::Contribution>& items) {
  if (items.empty())
    return;
  out += "\n## " + std::string(heading) + "\n\n";
  for (const PresenterRecord::Contribution& item : items)
    out += "- " + literal(item.by) + ": " + literal(item.text, "  ") + "\n";
}

void list(std::string& out, std::string_view heading, const std::vector<std::string>& items) {
  if (items.empty())
    return;
  out += "\n## " + std::string(heading) + "\n\n";
  for (const std::string& item : items)
    out += "- " + literal(item, "  ") + "\n";
}

std::string_view outcome_of(const Words& w, const PresenterRecord::Question& question) {
  if (question.rating)
    return *question.rating == Rating::warm       ? w.warm
           : *question.rating == Rating::lukewarm ? w.lukewarm
                                                  : w.cold;
  return question.outcome == QuestionOutcome::answered   ? w.answered
         : question.outcome == QuestionOutcome::declined ? w.declined
                                                         : w.pending;
}

void questions(std::string& out, const Words& w,
               const std::vector<PresenterRecord::Question>& items) {
  if (items.empty())
    return;
  out += "\n## " + std::string(w.questions) + "\n\n";
  Unnoted unnoted;
  int number = 1;
  for (const PresenterRecord::Question& question : items) {
    // A question said out loud with nothing to show but its asker is summed up below; a rating
    // or the presenter's own note keeps it in the list.
    if (question.spoken && !question.key_point && !question.rating &&
        question.answer_note.empty()) {
      unnoted.add(question.by);
      continue;
    }
    out += std::to_string(number++) + ". " + speaker(w, question.by, question.spoken);
    const std::string& words = question.spoken ? question.key_point.value_or("") : question.text;
    if (!words.empty())
      out += ": " + literal(words, "   ");
    out += " — *" + std::string(outcome_of(w, question)) + "*\n";
    if (!question.answer_note.empty())
      out += "   " + std::string(w.note) + ": " + literal(question.answer_note, "   ") + "\n";
  }
  out += unnoted.line(w.asked_without_key_point);
}

void advice(std::string& out, const Words& w, const std::vector<PresenterRecord::Advice>& items) {
  if (items.empty())
    return;
  out += "\n## " + std::string(w.advice) + "\n\n";
  Unnoted unnoted;
  for (const PresenterRecord::Advice& given : items) {
    if (given.spoken && !given.key_point) {
      unnoted.add(given.by);
      continue;
    }
    out += "- " + speaker(w, given.by, given.spoken) + ": " +
           literal(given.spoken ? *given.key_point : given.text, "  ") + "\n";
  }
  out += unnoted.line(w.given_without_key_point);
}

} // namespace

std::string to_markdown(const PresenterRecord& record, Language language) {
  const Words& w = language == Language::en ? english : dutch;
  std::string out = "# " + literal(record.title) + "\n\n";
  out += std::string(w.record_of) + "  \n";
  out += std::string(w.method) + ": " + record.method_name.in(language) + "  \n";
  if (record.finished_at)
    out += std::string(w.finished) + ": " + date_of(*record.finished_at) + "\n";

  out += "\n## " + std::string(w.statement) + "\n\n";
  if (record.statements.empty())
    out += std::string(w.none) + "\n";
  for (std::size_t i = 0; i < record.statements.size(); ++i) {
    if (record.statements.size() > 1)
      out += "**" + std::string(i == 0 ? w.first_statement : w.reframed) + ":** ";
    out += literal(record.statements[i]) + "\n\n";
  }

  questions(out, w, record.questions);
  contributions(out, w.observations, record.observations);
  list(out, w.reflections, record.reflections);
  advice(out, w, record.advice);
  contributions(out, w.key_points, record.key_points);
  if (!record.shared_advice.empty()) {
    out += "\n## " + std::string(w.shared_advice) + "\n\n";
    for (const PresenterRecord::SharedAdvice& shared : record.shared_advice) {
      out += "- " + literal(shared.by) + " — **" + std::string(w.essence) + ":** " +
             literal(shared.essence, "  ") + "\n";
      if (!shared.text.empty())
        out += "  " + literal(shared.text, "  ") + "\n";
    }
  }
  if (record.reaction) {
    out += "\n## " + std::string(w.reaction) + "\n\n";
    out += "**" + std::string(w.tomorrow) + ":** " + literal(record.reaction->tomorrow) + "\n\n";
    out += "**" + std::string(w.think_over) + ":** " + literal(record.reaction->think_over) + "\n";
  }
  list(out, w.notes, record.private_notes);
  return out;
}

} // namespace intervisie::core
