// SPDX-License-Identifier: EUPL-1.2
// Which words are verbs, and in which tense. The dictionary behind it is an adapter's business
// (src/language reads Debian's hunspell-nl); the core asks through VerbOracle and keeps its own
// list of the frequent irregular and modal forms, which it trusts first.
#pragma once

#include <string_view>

namespace intervisie::core::coach {

struct VerbReading {
  bool known = false;   // the dictionary knows the word at all
  bool present = false; // a present-tense form (or a stem: "ik werk")
  bool past = false;    // a past-tense form ("werkte", "liep")
  bool is_verb() const { return present || past; }
};

class VerbOracle {
public:
  virtual ~VerbOracle() = default;
  // `word` is lowercased.
  virtual VerbReading read(std::string_view word) const = 0;
};

// The hand-made list first, then the oracle.
VerbReading read_verb(std::string_view word, const VerbOracle& oracle);

// Only the hand-made list: for tests and for a coach without a dictionary.
VerbReading read_irregular_verb(std::string_view word);

} // namespace intervisie::core::coach
