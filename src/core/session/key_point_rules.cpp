// SPDX-License-Identifier: EUPL-1.2
// Key points: a question asked or an advice given out loud leaves no words on the flip chart, so
// its speaker (right after speaking), the scribe, the facilitator or the presenter notes its
// core in one line. The presenter's record then names every contribution with its point.
#include "core/session/decision.hpp"

#include "core/text/typed_text.hpp"

namespace intervisie::core::rules {
namespace {

// One line: a line break typed on a phone becomes a space, like any run of white space around it.
std::string one_line(std::string_view text) {
  std::string line;
  bool breaking = false;
  for (const char c : text) {
    const bool space = c == ' ' || c == '\t' || c == '\n' || c == '\r';
    if (space && (c == '\n' || c == '\r'))
      breaking = true;
    if (!space && breaking) {
      while (!line.empty() && (line.back() == ' ' || line.back() == '\t'))
        line.pop_back();
      line += ' ';
      breaking = false;
    }
    if (!breaking)
      line += c;
  }
  return line;
}

struct Spoken {
  ParticipantId author;
  bool written; // it has words of its own: no key point needed
};

std::expected<Spoken, Refusal> target(const SessionState& state,
                                      const command::NoteKeyPoint& command) {
  if (command.question.has_value() == command.advice.has_value())
    return refuse(RefusalCode::wrong_target);
  if (command.question) {
    const Question* question = state.find_question(*command.question);
    if (!question)
      return refuse(RefusalCode::unknown_question);
    return Spoken{question->asker, !question->text.empty()};
  }
  const Advice* advice = state.find_advice(*command.advice);
  if (!advice)
    return refuse(RefusalCode::unknown_advice);
  return Spoken{advice->adviser, !advice->text.empty()};
}

} // namespace

Decision decide(const Context& context, const command::NoteKeyPoint& command) {
  const auto spoken = target(context.state, command);
  if (!spoken)
    return std::unexpected(spoken.error());
  const bool own = spoken->author == context.actor;
  if (!own && !context.is_facilitator() && !context.is_scribe() && !context.is_presenter())
    return refuse(RefusalCode::not_allowed_for_role);
  if (spoken->written)
    return refuse(RefusalCode::already_written);
  auto text = required_text(command.text);
  if (!text)
    return std::unexpected(text.error());
  std::string line = one_line(*text);
  if (typed_length(line).value_or(0) > max_key_point_chars)
    return refuse(RefusalCode::key_point_too_long);
  return Events{
      context.event(event::KeyPointNoted{command.question, command.advice, std::move(line),
                                         own ? std::nullopt : std::optional{context.actor}})};
}

} // namespace intervisie::core::rules
