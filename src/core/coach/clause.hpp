// SPDX-License-Identifier: EUPL-1.2
// Where a question really starts. People lead in ("En, Sanne, ...", "Ik ben benieuwd: ...",
// "Toen je teamleider dat zei, ...") before the words that make it open or closed.
#pragma once

#include "core/coach/words.hpp"

#include <cstddef>
#include <string_view>
#include <vector>

namespace intervisie::core::coach {

// wie, wat, hoe, waarom, welke, waarmee, ... (lowercased).
bool is_question_word(std::string_view word);

// A question word, or a preposition followed by one ("met wie", "in hoeverre", "op welke
// manier"), starting at words[at]; marks are skipped.
bool starts_with_question_word(const std::vector<Word>& words, std::size_t at);

// The index in `words` (marks included) of the first word of the main clause, after lead-in
// words, a name and a comma, a phrase before a colon, a subordinate clause before a comma, or
// "ik ben benieuwd" / "ik vraag me af" and the like.
std::size_t main_clause_start(const std::vector<Word>& words);

// The next index at or after `at` that is not a mark; words.size() if none.
std::size_t skip_marks(const std::vector<Word>& words, std::size_t at);

} // namespace intervisie::core::coach
