// SPDX-License-Identifier: EUPL-1.2
// The wording coach (POST /api/coach, and the hints in a meeting) on whatever someone types. The
// first byte picks the kind of text and whether closed questions are judged; the rest is the
// text, let through only if a session would take it (core::session_text), as the route does.
//   - Every hint's span lies inside the text and starts and ends between code points.
//   - The verdict is written as the route's JSON.
// The dictionary is a small fake (the hand-made list, then word endings), not Hunspell: the
// coach's own parsing is what is fuzzed, and it must not depend on what a dictionary says.
#include "core/coach/coach.hpp"
#include "core/coach/verb_lexicon.hpp"
#include "core/session/session_text.hpp"
#include "server/codec/coach_json.hpp"
#include "support/fuzz_support.hpp"

#include <boost/json.hpp>

namespace {

using namespace intervisie;
using namespace intervisie::core::coach;

class EndingsOracle : public VerbOracle {
public:
  VerbReading read(std::string_view word) const override {
    if (const VerbReading listed = read_irregular_verb(word); listed.known)
      return listed;
    const auto ends = [&](std::string_view end) { return word.ends_with(end); };
    return VerbReading{.known = word.size() > 2,
                       .present = ends("t") || ends("en"),
                       .past = ends("te") || ends("de") || ends("ten") || ends("den")};
  }
};

bool between_code_points(std::string_view text, std::size_t at) {
  return at == text.size() || (static_cast<unsigned char>(text[at]) & 0xC0) != 0x80;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0)
    return 0;
  static const EndingsOracle oracle;
  static const Coach coach{oracle};
  const auto kind = static_cast<TextKind>(data[0] % 3);
  const CoachOptions options{.judge_question_form = (data[0] & 4) == 0};
  const std::string_view text = fuzz::text_of(data + 1, size - 1);
  if (!core::session_text(text))
    return 0;
  const Verdict verdict = coach.check(kind, text, options);
  for (const Hint& hint : verdict.hints) {
    fuzz::require(hint.span.begin <= hint.span.end && hint.span.end <= text.size(),
                  "a hint's span lies inside the text");
    fuzz::require(between_code_points(text, hint.span.begin) &&
                      between_code_points(text, hint.span.end),
                  "a hint's span starts and ends between code points");
  }
  (void)boost::json::serialize(server::to_json(verdict, text));
  return 0;
}
