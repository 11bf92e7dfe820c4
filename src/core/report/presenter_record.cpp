#include "core/report/presenter_record.hpp"

#include <chrono>
#include <cstdio>

namespace intervisie::core {

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
    record.questions.push_back(
        {question.text, question.outcome, question.rating, question.answer_note});
  for (const Observation& observation : state.observations)
    record.observations.push_back(observation.text);
  for (const Reflection& reflection : state.reflections)
    record.reflections.push_back(reflection.text);
  for (const Advice& advice : state.advice)
    record.advice.push_back(advice.text);
  for (const Note& note : state.notes)
    record.key_points.push_back(note.text);
  for (const Draft& draft : state.drafts)
    if (draft.shared)
      record.shared_advice.push_back({draft.essence, draft.text});
  record.reaction = state.reaction;
  record.private_notes = state.private_notes;
  return record;
}

namespace {

struct Words {
  std::string_view record_of, method, finished, statement, first_statement, reframed, questions,
      answered, declined, pending, observations, reflections, advice, shared_advice, essence,
      reaction, tomorrow, think_over, notes, warm, lukewarm, cold, note, none, key_points, out_loud;
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
                      "(hardop)"};

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
                        "(out loud)"};

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

void list(std::string& out, std::string_view heading, const std::vector<std::string>& items) {
  if (items.empty())
    return;
  out += "\n## ";
  out += heading;
  out += "\n\n";
  for (const std::string& item : items)
    out += "- " + literal(item, "  ") + "\n";
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

  if (!record.questions.empty()) {
    out += "\n## " + std::string(w.questions) + "\n\n";
    int number = 1;
    for (const PresenterRecord::Question& question : record.questions) {
      out += std::to_string(number++) + ". " +
             (question.text.empty() ? std::string(w.out_loud) : literal(question.text, "   ")) +
             " — *";
      if (question.rating)
        out += *question.rating == Rating::warm       ? w.warm
               : *question.rating == Rating::lukewarm ? w.lukewarm
                                                      : w.cold;
      else
        out += question.outcome == QuestionOutcome::answered   ? w.answered
               : question.outcome == QuestionOutcome::declined ? w.declined
                                                               : w.pending;
      out += "*\n";
      if (!question.answer_note.empty())
        out += "   " + std::string(w.note) + ": " + literal(question.answer_note, "   ") + "\n";
    }
  }
  list(out, w.observations, record.observations);
  list(out, w.reflections, record.reflections);
  std::vector<std::string> all_advice;
  for (const std::string& given : record.advice)
    all_advice.push_back(given.empty() ? std::string(w.out_loud) : given);
  list(out, w.advice, all_advice);
  list(out, w.key_points, record.key_points);
  if (!record.shared_advice.empty()) {
    out += "\n## " + std::string(w.shared_advice) + "\n\n";
    for (const PresenterRecord::SharedAdvice& advice : record.shared_advice) {
      out += "- **" + std::string(w.essence) + ":** " + literal(advice.essence, "  ") + "\n";
      if (!advice.text.empty())
        out += "  " + literal(advice.text, "  ") + "\n";
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
