// SPDX-License-Identifier: EUPL-1.2
// What the wording coach says about one text: the verdict of each check it ran, and a hint for
// every check that found something. Hints help; they never block anything.
#pragma once

#include "core/method/method.hpp"

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace intervisie::core::coach {

enum class TextKind { statement, question, advice };

// A statement starts with "ik" and a verb, is about the presenter and about now.
enum class StatementVerdict { ok, question, about_someone_else, no_ik_verb, past };
enum class QuestionForm { open, closed };
enum class AdviceOpener { present, missing };

enum class Check { statement, question_form, hidden_advice, advice_opener };

// Byte offsets into the text the coach was given; [begin, end).
struct Span {
  std::size_t begin = 0;
  std::size_t end = 0;
  bool operator==(const Span&) const = default;
};

struct Hint {
  Check check;
  LocalizedText reason;               // one sentence: what we noticed
  LocalizedText suggestion;           // one sentence: how to put it instead
  Span span;                          // the words that triggered it
  std::vector<std::string> triggers;  // hidden advice: the words that gave it away
  std::optional<std::string> rewrite; // advice: the text with the opener added
  bool operator==(const Hint&) const = default;
};

struct Verdict {
  TextKind kind;
  std::optional<StatementVerdict> statement;
  std::optional<QuestionForm> question_form; // not judged where closed questions are fine
  std::optional<bool> hidden_advice;
  std::optional<AdviceOpener> advice_opener;
  std::vector<Hint> hints;
  bool operator==(const Verdict&) const = default;
};

} // namespace intervisie::core::coach
