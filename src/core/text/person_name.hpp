// SPDX-License-Identifier: EUPL-1.2
// When two names are the same person's: "Anna", "ANNA", "Anna" with a zero-width space or with a
// Cyrillic "а" all read as Anna to the people in the room, so one group or session may hold only
// one of them. Names are compared by Unicode's rules (NFKC with case folding, then the
// confusable skeleton of UTS #39, through ICU), and a name may not hold invisible format
// characters (bidi overrides, zero-width joiners and spaces) at all.
#pragma once

#include <string>
#include <string_view>

namespace intervisie::core {

// Holds a format character (Unicode category Cf): invisible, or reordering what follows.
bool has_format_character(std::string_view name);

// What a name is compared by; two names clash when their keys are equal. For well-formed UTF-8.
std::string name_key(std::string_view name);

inline bool same_person_name(std::string_view a, std::string_view b) {
  return name_key(a) == name_key(b);
}

} // namespace intervisie::core
