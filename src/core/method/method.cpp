// SPDX-License-Identifier: EUPL-1.2
#include "core/method/method.hpp"

#include <algorithm>
#include <array>
#include <utility>

namespace intervisie::core {

namespace {

// One table per enum keeps the names written in method files in one place.
constexpr std::array step_kind_names{
    std::pair{StepKind::inventory, std::string_view{"inventory"}},
    std::pair{StepKind::statement, std::string_view{"statement"}},
    std::pair{StepKind::question_rounds, std::string_view{"question_rounds"}},
    std::pair{StepKind::gossip, std::string_view{"gossip"}},
    std::pair{StepKind::reframe, std::string_view{"reframe"}},
    std::pair{StepKind::advice, std::string_view{"advice"}},
    std::pair{StepKind::written_advice, std::string_view{"written_advice"}},
    std::pair{StepKind::share_advice, std::string_view{"share_advice"}},
    std::pair{StepKind::presenter_reaction, std::string_view{"presenter_reaction"}},
    std::pair{StepKind::presenter_reflection, std::string_view{"presenter_reflection"}},
    std::pair{StepKind::closing, std::string_view{"closing"}},
};

constexpr std::array answer_mode_names{
    std::pair{AnswerMode::answer, std::string_view{"answer"}},
    std::pair{AnswerMode::rate, std::string_view{"rate"}},
};

constexpr std::array contributions_names{
    std::pair{Contributions::spoken, std::string_view{"spoken"}},
    std::pair{Contributions::written, std::string_view{"written"}},
};

constexpr std::array party_names{
    std::pair{Party::facilitator, std::string_view{"facilitator"}},
    std::pair{Party::presenter, std::string_view{"presenter"}},
    std::pair{Party::advisers, std::string_view{"advisers"}},
    std::pair{Party::scribe, std::string_view{"scribe"}},
    std::pair{Party::everyone, std::string_view{"everyone"}},
};

template <typename Enum, std::size_t size>
constexpr std::array<Enum, size>
values_of(const std::array<std::pair<Enum, std::string_view>, size>& names) {
  std::array<Enum, size> values{};
  std::ranges::transform(names, values.begin(), &std::pair<Enum, std::string_view>::first);
  return values;
}

constexpr auto step_kinds = values_of(step_kind_names);
constexpr auto answer_modes = values_of(answer_mode_names);
constexpr auto parties = values_of(party_names);

template <typename Enum, std::size_t size>
std::string_view name_of(const std::array<std::pair<Enum, std::string_view>, size>& names,
                         Enum value) {
  const auto* found = std::ranges::find(names, value, &std::pair<Enum, std::string_view>::first);
  return found == names.end() ? std::string_view{"unknown"} : found->second;
}

template <typename Enum, std::size_t size>
std::optional<Enum> value_of(const std::array<std::pair<Enum, std::string_view>, size>& names,
                             std::string_view text) {
  const auto* found = std::ranges::find(names, text, &std::pair<Enum, std::string_view>::second);
  if (found == names.end()) {
    return std::nullopt;
  }
  return found->first;
}

} // namespace

int Method::total_minutes() const {
  // Every step counts, optional ones too: the slot must fit the longest route.
  int total = 0;
  for (const Step& step : steps) {
    total += step.preparation_minutes + step.minutes;
  }
  return total;
}

std::optional<std::size_t> Method::step_index(std::string_view step_id) const {
  const auto found = std::ranges::find(steps, step_id, &Step::id);
  if (found == steps.end()) {
    return std::nullopt;
  }
  return static_cast<std::size_t>(found - steps.begin());
}

bool Method::has_step_kind(StepKind kind) const {
  return std::ranges::any_of(steps, [kind](const Step& step) { return step.kind == kind; });
}

bool takes_turns(StepKind kind) {
  return kind == StepKind::question_rounds || kind == StepKind::advice ||
         kind == StepKind::share_advice;
}

std::string_view to_string(StepKind kind) {
  return name_of(step_kind_names, kind);
}

std::optional<StepKind> step_kind_from_string(std::string_view text) {
  return value_of(step_kind_names, text);
}

std::string_view to_string(AnswerMode mode) {
  return name_of(answer_mode_names, mode);
}

std::optional<AnswerMode> answer_mode_from_string(std::string_view text) {
  return value_of(answer_mode_names, text);
}

std::string_view to_string(Contributions contributions) {
  return name_of(contributions_names, contributions);
}

std::optional<Contributions> contributions_from_string(std::string_view text) {
  return value_of(contributions_names, text);
}

std::string_view to_string(Party party) {
  return name_of(party_names, party);
}

std::optional<Party> party_from_string(std::string_view text) {
  return value_of(party_names, text);
}

std::span<const StepKind> all_step_kinds() {
  return step_kinds;
}

std::span<const AnswerMode> all_answer_modes() {
  return answer_modes;
}

std::span<const Party> all_parties() {
  return parties;
}

} // namespace intervisie::core
