// SPDX-License-Identifier: EUPL-1.2
#include "core/method/method_parser.hpp"

#include "core/text/edit_distance.hpp"
#include "core/text/typed_text.hpp"

#include <toml++/toml.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

namespace intervisie::core {

namespace {

// A step longer than a whole meeting is a typo, not a plan.
constexpr std::int64_t max_minutes = 240;

constexpr std::array<std::string_view, 5> method_keys{"id", "has_scribe", "name", "purpose",
                                                      "steps"};
constexpr std::array<std::string_view, 10> common_step_keys{
    "id",        "kind",  "minutes", "preparation_minutes", "speakers",
    "listeners", "title", "rule",    "instruction",         "contributions"};
constexpr std::array<std::string_view, 2> language_keys{"nl", "en"};
constexpr std::array<std::string_view, 2> branch_keys{"on_reframe", "on_keep"};

// Keys that only one kind of step may carry.
struct KindKey {
  std::string_view key;
  StepKind kind;
};
constexpr std::array kind_keys{
    KindKey{"answer_mode", StepKind::question_rounds},
    KindKey{"open_questions", StepKind::question_rounds},
    KindKey{"scribe_records", StepKind::question_rounds},
    KindKey{"presenter_reflects", StepKind::gossip},
    KindKey{"branches", StepKind::reframe},
};

// How much a text may hold: names and titles fit on a line, a rule is one sentence.
enum class TextShape { paragraph, line, sentence };

std::string quoted(std::string_view text) {
  return "'" + std::string{text} + "'";
}

std::string joined(std::span<const std::string_view> words) {
  std::string text;
  for (std::string_view word : words) {
    text += text.empty() ? "" : ", ";
    text += word;
  }
  return text;
}

// "; did you mean 'x'?" for a near miss, else the full list of what is allowed.
std::string hint(std::string_view word, std::span<const std::string_view> allowed) {
  std::string_view best;
  std::size_t best_distance = 3; // further than two edits is not a typo
  for (std::string_view candidate : allowed) {
    const std::size_t distance = edit_distance(word, candidate);
    if (distance < best_distance) {
      best = candidate;
      best_distance = distance;
    }
  }
  if (!best.empty()) {
    return "; did you mean " + quoted(best) + "?";
  }
  return "; expected one of: " + joined(allowed);
}

bool contains(std::span<const std::string_view> words, std::string_view word) {
  return std::ranges::find(words, word) != words.end();
}

bool is_known_key(std::string_view key) {
  return contains(method_keys, key) || contains(common_step_keys, key) ||
         contains(language_keys, key) || contains(branch_keys, key) ||
         std::ranges::find(kind_keys, key, &KindKey::key) != kind_keys.end();
}

// A misspelt key is reported once, as unknown with a suggestion, not also as missing.
bool has_misspelling_of(const toml::table& table, std::string_view key) {
  return std::ranges::any_of(table, [key](const auto& entry) {
    const std::string_view written = entry.first.str();
    return !is_known_key(written) && edit_distance(written, key) <= 2;
  });
}

std::string_view type_name(toml::node_type type) {
  switch (type) {
  case toml::node_type::table:
    return "a table";
  case toml::node_type::array:
    return "an array";
  case toml::node_type::string:
    return "a string";
  case toml::node_type::integer:
    return "an integer";
  case toml::node_type::floating_point:
    return "a floating-point number";
  case toml::node_type::boolean:
    return "a boolean";
  case toml::node_type::date:
    return "a date";
  case toml::node_type::time:
    return "a time";
  case toml::node_type::date_time:
    return "a date-time";
  case toml::node_type::none:
    break;
  }
  return "nothing";
}

bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

// Ids end up in URLs and protocol messages: lowercase words joined by hyphens.
bool is_identifier(std::string_view text) {
  if (text.empty() || text.front() < 'a' || text.front() > 'z' || text.back() == '-') {
    return false;
  }
  char previous = '\0';
  for (char c : text) {
    const bool allowed = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
    if (!allowed || (c == '-' && previous == '-')) {
      return false;
    }
    previous = c;
  }
  return true;
}

bool ends_a_sentence(std::string_view text) {
  // A closing quote or bracket may follow the full stop.
  while (!text.empty() && (text.back() == '"' || text.back() == ')')) {
    text.remove_suffix(1);
  }
  for (std::string_view quote : {"\u2019", "\u201d"}) {
    if (text.ends_with(quote)) {
      text.remove_suffix(quote.size());
    }
  }
  if (text.ends_with("\u2026")) {
    return true;
  }
  return !text.empty() && (text.back() == '.' || text.back() == '!' || text.back() == '?');
}

// A second sentence starts where '.', '!' or '?' is followed by a space.
bool has_second_sentence(std::string_view text) {
  for (std::size_t i = 0; i + 1 < text.size(); ++i) {
    const char c = text[i];
    if ((c == '.' || c == '!' || c == '?') && is_space(text[i + 1])) {
      return true;
    }
  }
  return false;
}

bool overlaps(Party a, Party b) {
  return a == b || a == Party::everyone || b == Party::everyone;
}

template <typename Enum, typename Values>
std::vector<std::string_view> names_of(const Values& values) {
  std::vector<std::string_view> names;
  for (Enum value : values) {
    names.push_back(to_string(value));
  }
  return names;
}

// Where a step's parts were written, for the checks that span steps.
struct StepOrigin {
  toml::source_position kind;
  toml::source_position id;
  toml::source_position scribe_records;
  std::optional<toml::source_position> scribe_party;
  toml::source_position on_reframe;
  toml::source_position on_keep;
};

class MethodReader {
public:
  explicit MethodReader(std::string_view source) : source_{source} {}

  std::expected<ParsedMethod, MethodError> read(const toml::table& root);

private:
  MethodError error_at(toml::source_position where, std::string message) const {
    return MethodError{std::string{source_}, static_cast<int>(where.line),
                       static_cast<int>(where.column), std::move(message)};
  }
  void fail(toml::source_position where, std::string message) {
    errors_.push_back(error_at(where, std::move(message)));
  }

  // Phase one: every value on its own. All problems are gathered; the earliest is reported.
  void check_keys(const toml::table& table, std::span<const std::string_view> allowed,
                  const std::string& prefix, std::string_view path);
  void check_step_keys(const toml::table& table, std::optional<StepKind> kind,
                       const std::string& prefix);
  const toml::node* require(const toml::table& table, std::string_view key,
                            const std::string& prefix, std::string_view why = {},
                            std::string_view path = {});
  std::optional<std::string> read_string(const toml::node& node, const std::string& what);
  std::optional<std::string> read_identifier(const toml::node& node, const std::string& what);
  std::optional<bool> read_bool(const toml::node& node, const std::string& what);
  std::optional<int> read_minutes(const toml::node& node, const std::string& what);
  std::optional<LocalizedText> read_text(const toml::node& node, const std::string& prefix,
                                         std::string_view key, TextShape shape);
  std::vector<Party> read_parties(const toml::node& node, const std::string& prefix,
                                  std::string_view key, StepOrigin& origin);
  void read_steps(const toml::node& node, Method& method);
  void read_step(const toml::table& table, std::size_t number, Step& step, StepOrigin& origin);
  void read_kind_fields(const toml::table& table, const std::string& prefix, Step& step,
                        StepOrigin& origin);
  void check_parties(const toml::table& table, const std::string& prefix, const Step& step);

  // Phase two: rules across steps, run only on a method whose values are all sound.
  std::optional<MethodError> check_step_ids(const Method& method) const;
  std::optional<MethodError> check_branches(const Method& method) const;
  std::optional<MethodError> check_scribe(const Method& method) const;
  std::optional<MethodError> check_step_order(const Method& method) const;

  std::string step_name(const Method& method, std::size_t index) const {
    return "step " + std::to_string(index + 1) + " (" + quoted(method.steps[index].id) + ")";
  }

  std::string_view source_;
  std::vector<MethodError> errors_;
  std::vector<StepOrigin> origins_;
  toml::source_position has_scribe_at_{};
  toml::source_position steps_at_{};
};

void MethodReader::check_keys(const toml::table& table, std::span<const std::string_view> allowed,
                              const std::string& prefix, std::string_view path) {
  for (const auto& [key, node] : table) {
    if (contains(allowed, key.str())) {
      continue;
    }
    const std::string full =
        path.empty() ? std::string{key.str()} : std::string{path} + "." + std::string{key.str()};
    fail(key.source().begin, prefix + "unknown key " + quoted(full) + hint(key.str(), allowed));
  }
}

void MethodReader::check_step_keys(const toml::table& table, std::optional<StepKind> kind,
                                   const std::string& prefix) {
  std::vector<std::string_view> every_key(common_step_keys.begin(), common_step_keys.end());
  for (const KindKey& kind_key : kind_keys) {
    every_key.push_back(kind_key.key);
  }
  for (const auto& [key, node] : table) {
    if (contains(common_step_keys, key.str())) {
      continue;
    }
    const auto* kind_key = std::ranges::find(kind_keys, key.str(), &KindKey::key);
    if (kind_key == kind_keys.end()) {
      fail(key.source().begin,
           prefix + "unknown key " + quoted(key.str()) + hint(key.str(), every_key));
    } else if (kind && kind_key->kind != *kind) {
      fail(key.source().begin, prefix + quoted(key.str()) + " belongs to " +
                                   std::string{to_string(kind_key->kind)} + " steps, not to a " +
                                   std::string{to_string(*kind)} + " step");
    }
  }
}

const toml::node* MethodReader::require(const toml::table& table, std::string_view key,
                                        const std::string& prefix, std::string_view why,
                                        std::string_view path) {
  const toml::node* node = table.get(key);
  if (node == nullptr && !has_misspelling_of(table, key)) {
    const std::string name =
        path.empty() ? std::string{key} : std::string{path} + "." + std::string{key};
    std::string message = prefix + quoted(name) + " is missing";
    if (!why.empty()) {
      message += "; " + std::string{why};
    }
    fail(table.source().begin, std::move(message));
  }
  return node;
}

std::optional<std::string> MethodReader::read_string(const toml::node& node,
                                                     const std::string& what) {
  const auto* value = node.as_string();
  if (value == nullptr) {
    fail(node.source().begin,
         what + " must be a string, not " + std::string{type_name(node.type())});
    return std::nullopt;
  }
  return value->get();
}

std::optional<std::string> MethodReader::read_identifier(const toml::node& node,
                                                         const std::string& what) {
  auto text = read_string(node, what);
  if (text && !is_identifier(*text)) {
    fail(node.source().begin, what + " must be lowercase words joined by hyphens, like " +
                                  "'fresh-questioning'; got " + quoted(*text));
    return std::nullopt;
  }
  return text;
}

std::optional<bool> MethodReader::read_bool(const toml::node& node, const std::string& what) {
  const auto* value = node.as_boolean();
  if (value == nullptr) {
    fail(node.source().begin,
         what + " must be true or false, not " + std::string{type_name(node.type())});
    return std::nullopt;
  }
  return value->get();
}

std::optional<int> MethodReader::read_minutes(const toml::node& node, const std::string& what) {
  const auto* value = node.as_integer();
  if (value == nullptr) {
    fail(node.source().begin,
         what + " must be a whole number of minutes, not " + std::string{type_name(node.type())});
    return std::nullopt;
  }
  const std::int64_t minutes = value->get();
  if (minutes < 0 || minutes > max_minutes) {
    fail(node.source().begin, what + " must be between 0 and " + std::to_string(max_minutes) +
                                  " minutes, got " + std::to_string(minutes));
    return std::nullopt;
  }
  return static_cast<int>(minutes);
}

std::optional<LocalizedText> MethodReader::read_text(const toml::node& node,
                                                     const std::string& prefix,
                                                     std::string_view key, TextShape shape) {
  const auto* table = node.as_table();
  if (table == nullptr) {
    fail(node.source().begin, prefix + quoted(key) + " must be a table with 'nl' and 'en', not " +
                                  std::string{type_name(node.type())});
    return std::nullopt;
  }
  check_keys(*table, language_keys, prefix, key);
  LocalizedText text;
  bool complete = true;
  for (std::string_view language : language_keys) {
    const std::string path = std::string{key} + "." + std::string{language};
    const toml::node* value_node = table->get(language);
    if (value_node == nullptr) {
      if (!has_misspelling_of(*table, language)) {
        fail(node.source().begin, prefix + quoted(path) + " is missing");
      }
      complete = false;
      continue;
    }
    auto value = read_string(*value_node, prefix + quoted(path));
    if (!value) {
      complete = false;
      continue;
    }
    const std::string_view content = trimmed(*value);
    const toml::source_position at = value_node->source().begin;
    if (content.empty()) {
      fail(at, prefix + quoted(path) + " is empty");
      complete = false;
    } else if (shape != TextShape::paragraph && content.find('\n') != std::string_view::npos) {
      fail(at, prefix + quoted(path) + " must fit on one line");
      complete = false;
    } else if (shape == TextShape::sentence &&
               (!ends_a_sentence(content) || has_second_sentence(content))) {
      fail(at, prefix + quoted(path) +
                   " must be exactly one sentence, ending in '.', '!' or '?' "
                   "(it is shown on every screen of the step)");
      complete = false;
    }
    (language == "nl" ? text.nl : text.en) = std::string{content};
  }
  if (!complete) {
    return std::nullopt;
  }
  return text;
}

std::vector<Party> MethodReader::read_parties(const toml::node& node, const std::string& prefix,
                                              std::string_view key, StepOrigin& origin) {
  std::vector<Party> found;
  const auto* array = node.as_array();
  if (array == nullptr) {
    fail(node.source().begin, prefix + quoted(key) + " must be an array of party names, not " +
                                  std::string{type_name(node.type())});
    return found;
  }
  const std::vector<std::string_view> known_names = names_of<Party>(all_parties());
  for (const toml::node& element : *array) {
    auto name = read_string(element, prefix + "each entry of " + quoted(key));
    if (!name) {
      continue;
    }
    const auto party = party_from_string(*name);
    if (!party) {
      fail(element.source().begin, prefix + "unknown party " + quoted(*name) + " in " +
                                       quoted(key) + hint(*name, known_names));
      continue;
    }
    if (std::ranges::find(found, *party) != found.end()) {
      fail(element.source().begin, prefix + quoted(*name) + " appears twice in " + quoted(key));
      continue;
    }
    if (*party == Party::scribe && !origin.scribe_party) {
      origin.scribe_party = element.source().begin;
    }
    found.push_back(*party);
  }
  if (key == "speakers" && array->empty()) {
    fail(node.source().begin, prefix + "'speakers' must name at least one party");
  }
  if (std::ranges::find(found, Party::everyone) != found.end() && found.size() > 1) {
    fail(node.source().begin,
         prefix + "'everyone' already includes every party; list it alone in " + quoted(key));
  }
  return found;
}

void MethodReader::check_parties(const toml::table& table, const std::string& prefix,
                                 const Step& step) {
  const toml::node* listeners = table.get("listeners");
  if (listeners != nullptr && listeners->is_array()) {
    for (const Party listener : step.listeners) {
      for (const Party speaker : step.speakers) {
        if (overlaps(speaker, listener)) {
          fail(listeners->source().begin,
               prefix + quoted(to_string(listener)) + " in 'listeners' also speaks (" +
                   quoted(to_string(speaker)) + " is in 'speakers'); a party either speaks or " +
                   "listens");
          return;
        }
      }
    }
  }
  const toml::node* speakers = table.get("speakers");
  if (step.kind == StepKind::gossip && speakers != nullptr &&
      std::ranges::any_of(step.speakers,
                          [](Party party) { return overlaps(party, Party::presenter); })) {
    fail(speakers->source().begin,
         prefix + "in a gossip step the presenter only listens; 'speakers' must not include them");
  }
}

void MethodReader::read_kind_fields(const toml::table& table, const std::string& prefix, Step& step,
                                    StepOrigin& origin) {
  switch (step.kind) {
  case StepKind::question_rounds: {
    if (const auto* node = require(table, "answer_mode", prefix,
                                   "say whether the presenter answers or rates each question")) {
      if (auto mode = read_string(*node, prefix + "'answer_mode'")) {
        const auto parsed = answer_mode_from_string(*mode);
        if (parsed) {
          step.answer_mode = *parsed;
        } else {
          fail(node->source().begin, prefix + "unknown answer mode " + quoted(*mode) +
                                         hint(*mode, names_of<AnswerMode>(all_answer_modes())));
        }
      }
    }
    if (const auto* node = table.get("open_questions")) {
      step.open_questions = read_bool(*node, prefix + "'open_questions'").value_or(true);
    }
    if (const auto* node = table.get("scribe_records")) {
      origin.scribe_records = node->source().begin;
      step.scribe_records = read_bool(*node, prefix + "'scribe_records'").value_or(false);
    }
    break;
  }
  case StepKind::gossip:
    if (const auto* node = table.get("presenter_reflects")) {
      step.presenter_reflects = read_bool(*node, prefix + "'presenter_reflects'").value_or(false);
    }
    break;
  case StepKind::reframe:
    if (const auto* node = require(table, "branches", prefix,
                                   "a reframe step needs [steps.branches] with on_reframe and "
                                   "on_keep")) {
      const auto* branches = node->as_table();
      if (branches == nullptr) {
        fail(node->source().begin,
             prefix + "'branches' must be a table, not " + std::string{type_name(node->type())});
        break;
      }
      check_keys(*branches, branch_keys, prefix, "branches");
      StepBranches targets;
      if (const auto* target = require(*branches, "on_reframe", prefix, {}, "branches")) {
        origin.on_reframe = target->source().begin;
        targets.on_reframe =
            read_identifier(*target, prefix + "'branches.on_reframe'").value_or("");
      }
      if (const auto* target = require(*branches, "on_keep", prefix, {}, "branches")) {
        origin.on_keep = target->source().begin;
        targets.on_keep = read_identifier(*target, prefix + "'branches.on_keep'").value_or("");
      }
      step.branches = std::move(targets);
    }
    break;
  default:
    break;
  }
}

void MethodReader::read_step(const toml::table& table, std::size_t number, Step& step,
                             StepOrigin& origin) {
  std::string prefix = "step " + std::to_string(number);
  if (const auto* node = require(table, "id", prefix + ": ")) {
    origin.id = node->source().begin;
    if (auto id = read_identifier(*node, prefix + ": 'id'")) {
      step.id = *id;
      prefix += " (" + quoted(*id) + ")";
    }
  }
  prefix += ": ";

  std::optional<StepKind> kind;
  if (const auto* node = require(table, "kind", prefix)) {
    origin.kind = node->source().begin;
    if (auto name = read_string(*node, prefix + "'kind'")) {
      kind = step_kind_from_string(*name);
      if (!kind) {
        fail(node->source().begin, prefix + "unknown step kind " + quoted(*name) +
                                       hint(*name, names_of<StepKind>(all_step_kinds())));
      }
    }
  }
  check_step_keys(table, kind, prefix);

  if (const auto* node = require(table, "minutes", prefix)) {
    step.minutes = read_minutes(*node, prefix + "'minutes'").value_or(0);
  }
  if (const auto* node = table.get("preparation_minutes")) {
    step.preparation_minutes = read_minutes(*node, prefix + "'preparation_minutes'").value_or(0);
  }
  if (const auto* node = require(table, "speakers", prefix)) {
    step.speakers = read_parties(*node, prefix, "speakers", origin);
  }
  if (const auto* node = require(table, "listeners", prefix, "write [] when nobody only listens")) {
    step.listeners = read_parties(*node, prefix, "listeners", origin);
  }
  if (const auto* node = table.get("contributions")) {
    if (auto name = read_string(*node, prefix + "'contributions'")) {
      if (auto parsed = contributions_from_string(*name))
        step.contributions = *parsed;
      else
        fail(node->source().begin,
             prefix + "contributions are 'spoken' or 'written', not " + quoted(*name));
    }
  }
  if (const auto* node = require(table, "title", prefix)) {
    step.title = read_text(*node, prefix, "title", TextShape::line).value_or(LocalizedText{});
  }
  if (const auto* node = require(table, "rule", prefix)) {
    step.rule = read_text(*node, prefix, "rule", TextShape::sentence).value_or(LocalizedText{});
  }
  if (const auto* node = require(table, "instruction", prefix)) {
    step.instruction =
        read_text(*node, prefix, "instruction", TextShape::paragraph).value_or(LocalizedText{});
  }
  if (kind) {
    step.kind = *kind;
    read_kind_fields(table, prefix, step, origin);
    check_parties(table, prefix, step);
  }
}

void MethodReader::read_steps(const toml::node& node, Method& method) {
  steps_at_ = node.source().begin;
  const auto* array = node.as_array();
  if (array == nullptr) {
    fail(node.source().begin, "'steps' must be an array of tables, written as [[steps]], not " +
                                  std::string{type_name(node.type())});
    return;
  }
  if (array->empty()) {
    fail(node.source().begin, "the method has no steps; add at least one [[steps]] table");
    return;
  }
  std::size_t number = 0;
  for (const toml::node& element : *array) {
    ++number;
    const auto* table = element.as_table();
    if (table == nullptr) {
      fail(element.source().begin, "step " + std::to_string(number) + " must be a table, not " +
                                       std::string{type_name(element.type())});
      continue;
    }
    Step& step = method.steps.emplace_back();
    StepOrigin& origin = origins_.emplace_back();
    read_step(*table, number, step, origin);
  }
}

std::optional<MethodError> MethodReader::check_step_ids(const Method& method) const {
  for (std::size_t i = 0; i < method.steps.size(); ++i) {
    const std::size_t first = *method.step_index(method.steps[i].id);
    if (first != i) {
      return error_at(origins_[i].id, "step " + std::to_string(i + 1) + " has the same id " +
                                          quoted(method.steps[i].id) + " as step " +
                                          std::to_string(first + 1) + "; step ids must be unique");
    }
  }
  return std::nullopt;
}

std::optional<MethodError> MethodReader::check_branches(const Method& method) const {
  std::vector<std::string_view> step_ids;
  for (const Step& step : method.steps) {
    step_ids.push_back(step.id);
  }
  for (std::size_t i = 0; i < method.steps.size(); ++i) {
    const Step& step = method.steps[i];
    if (!step.branches) {
      continue;
    }
    const std::array targets{
        std::tuple{std::string_view{"branches.on_reframe"}, step.branches->on_reframe,
                   origins_[i].on_reframe},
        std::tuple{std::string_view{"branches.on_keep"}, step.branches->on_keep,
                   origins_[i].on_keep},
    };
    for (const auto& [key, target, at] : targets) {
      const auto index = method.step_index(target);
      if (!index) {
        return error_at(at, step_name(method, i) + ": " + quoted(key) + " names step " +
                                quoted(target) + ", which does not exist" + hint(target, step_ids));
      }
      if (*index <= i) {
        return error_at(at, step_name(method, i) + ": " + quoted(key) + " points back to " +
                                step_name(method, *index) + "; a branch may only move forward");
      }
    }
    if (step.branches->on_reframe == step.branches->on_keep) {
      return error_at(origins_[i].on_keep,
                      step_name(method, i) + ": both branches lead to " +
                          quoted(step.branches->on_keep) +
                          "; reframing and keeping the issue must lead to different steps");
    }
  }
  return std::nullopt;
}

std::optional<MethodError> MethodReader::check_scribe(const Method& method) const {
  bool scribe_has_work = false;
  for (std::size_t i = 0; i < method.steps.size(); ++i) {
    const Step& step = method.steps[i];
    if (step.scribe_records && !method.has_scribe) {
      return error_at(origins_[i].scribe_records,
                      step_name(method, i) +
                          ": the scribe records here, but the method has no scribe; set "
                          "has_scribe = true at the top of the file");
    }
    if (origins_[i].scribe_party && !method.has_scribe) {
      return error_at(*origins_[i].scribe_party,
                      step_name(method, i) +
                          ": names the 'scribe', but the method has no scribe; set "
                          "has_scribe = true at the top of the file");
    }
    scribe_has_work = scribe_has_work || step.scribe_records || origins_[i].scribe_party;
  }
  if (method.has_scribe && !scribe_has_work) {
    return error_at(has_scribe_at_,
                    "has_scribe is true, but no step gives the scribe anything to do; set "
                    "scribe_records = true on a question_rounds step");
  }
  return std::nullopt;
}

// The order a case must follow: name the issue first, ask before reflecting,
// advise before reacting, close last.
std::optional<MethodError> MethodReader::check_step_order(const Method& method) const {
  std::optional<std::size_t> statement;
  std::optional<std::size_t> inventory;
  bool asked = false;
  bool advised = false;
  bool written = false;
  for (std::size_t i = 0; i < method.steps.size(); ++i) {
    const Step& step = method.steps[i];
    const auto fail_here = [&](std::string message) {
      return error_at(origins_[i].kind, step_name(method, i) + ": " + std::move(message));
    };
    switch (step.kind) {
    case StepKind::inventory:
      if (inventory) {
        return fail_here("a second inventory step; a method has at most one");
      }
      if (statement) {
        return fail_here("the inventory must come before the statement step");
      }
      inventory = i;
      continue;
    case StepKind::statement:
      if (statement) {
        return fail_here("a second statement step; the presenter names the issue once (step " +
                         std::to_string(*statement + 1) + ")");
      }
      statement = i;
      continue;
    default:
      break;
    }
    if (!statement) {
      return fail_here("comes before the statement step; only an inventory may come before the "
                       "presenter names the issue");
    }
    switch (step.kind) {
    case StepKind::question_rounds:
      asked = true;
      break;
    case StepKind::gossip:
    case StepKind::reframe:
    case StepKind::presenter_reflection:
      if (!asked) {
        return fail_here("a " + std::string{to_string(step.kind)} +
                         " step needs question rounds before it");
      }
      break;
    case StepKind::advice:
      advised = true;
      break;
    case StepKind::written_advice:
      written = true;
      if (std::ranges::none_of(
              method.steps.begin() + static_cast<std::ptrdiff_t>(i), method.steps.end(),
              [](const Step& later) { return later.kind == StepKind::share_advice; })) {
        return fail_here("written advice must reach the presenter; add a share_advice step "
                         "after it");
      }
      break;
    case StepKind::share_advice:
      if (!written) {
        return fail_here("a share_advice step needs a written_advice step before it");
      }
      advised = true;
      break;
    case StepKind::presenter_reaction:
      if (!advised) {
        return fail_here("a presenter_reaction step needs advice before it (an advice or "
                         "share_advice step)");
      }
      break;
    case StepKind::closing:
      if (i + 1 != method.steps.size()) {
        return fail_here("the closing step must be the last step");
      }
      break;
    default:
      break;
    }
  }
  if (!statement) {
    return error_at(steps_at_, "the method has no statement step; the presenter must name the "
                               "issue before anything else can happen");
  }
  return std::nullopt;
}

std::expected<ParsedMethod, MethodError> MethodReader::read(const toml::table& root) {
  ParsedMethod parsed;
  Method& method = parsed.method;
  check_keys(root, method_keys, "", "");
  if (const auto* node = require(root, "id", "")) {
    parsed.id_position = {static_cast<int>(node->source().begin.line),
                          static_cast<int>(node->source().begin.column)};
    method.id = read_identifier(*node, "'id'").value_or("");
  }
  if (const auto* node = require(root, "has_scribe", "")) {
    has_scribe_at_ = node->source().begin;
    method.has_scribe = read_bool(*node, "'has_scribe'").value_or(false);
  }
  if (const auto* node = require(root, "name", "")) {
    method.name = read_text(*node, "", "name", TextShape::line).value_or(LocalizedText{});
  }
  if (const auto* node = require(root, "purpose", "")) {
    method.purpose = read_text(*node, "", "purpose", TextShape::line).value_or(LocalizedText{});
  }
  if (const auto* node = require(root, "steps", "", "add at least one [[steps]] table")) {
    read_steps(*node, method);
  }
  if (!errors_.empty()) {
    return std::unexpected(*std::ranges::min_element(errors_, {}, [](const MethodError& error) {
      return std::pair{error.line, error.column};
    }));
  }
  for (auto check : {&MethodReader::check_step_ids, &MethodReader::check_branches,
                     &MethodReader::check_scribe, &MethodReader::check_step_order}) {
    if (auto error = (this->*check)(method)) {
      return std::unexpected(std::move(*error));
    }
  }
  return parsed;
}

} // namespace

std::expected<ParsedMethod, MethodError> parse_method_source(std::string_view toml_text,
                                                             std::string_view source_name) {
  const auto syntax_error = [source_name](const toml::parse_error& error) {
    return MethodError{std::string{source_name}, static_cast<int>(error.source().begin.line),
                       static_cast<int>(error.source().begin.column),
                       std::string{error.description()}};
  };
#if TOML_EXCEPTIONS
  // toml++ was built to throw: this is the edge where its exception becomes a value.
  toml::table root;
  try {
    root = toml::parse(toml_text, source_name);
  } catch (const toml::parse_error& error) {
    return std::unexpected(syntax_error(error));
  }
#else
  toml::parse_result result = toml::parse(toml_text, source_name);
  if (!result) {
    return std::unexpected(syntax_error(result.error()));
  }
  toml::table root = std::move(result).table();
#endif
  return MethodReader{source_name}.read(root);
}

std::expected<Method, MethodError> parse_method(std::string_view toml_text,
                                                std::string_view source_name) {
  auto parsed = parse_method_source(toml_text, source_name);
  if (!parsed) {
    return std::unexpected(std::move(parsed.error()));
  }
  return std::move(parsed->method);
}

} // namespace intervisie::core
