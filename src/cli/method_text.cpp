// SPDX-License-Identifier: EUPL-1.2
#include "cli/method_text.hpp"

#include <algorithm>
#include <string_view>

namespace intervisie::cli {

namespace {

// Every word this file prints, in both languages.
struct Labels {
  std::string_view steps;
  std::string_view minutes;
  std::string_view preparation;
  std::string_view speaks;
  std::string_view listens;
  std::string_view rule;
  std::string_view step;
  std::string_view if_reframed;
  std::string_view otherwise;
  std::string_view rates;
  std::string_view scribe_records;
  std::string_view closed_questions_allowed;
  std::string_view show_hint;
  std::string_view facilitator;
  std::string_view presenter;
  std::string_view advisers;
  std::string_view scribe;
  std::string_view everyone;
};

constexpr Labels dutch{
    .steps = "stappen",
    .minutes = "min",
    .preparation = "voorbereiding",
    .speaks = "Aan het woord",
    .listens = "Luistert",
    .rule = "Regel",
    .step = "stap",
    .if_reframed = "bij herbenoemen",
    .otherwise = "anders",
    .rates = "De inbrenger antwoordt niet, maar noemt elke vraag warm, lauw of koud.",
    .scribe_records = "De flappenschrijver noteert de vragen met hun waardering.",
    .closed_questions_allowed = "Een gesloten vraag mag hier ook.",
    .show_hint = "De stappen van een werkvorm: intervisie methods show <id>",
    .facilitator = "begeleider",
    .presenter = "inbrenger",
    .advisers = "adviseurs",
    .scribe = "flappenschrijver",
    .everyone = "iedereen",
};

constexpr Labels english{
    .steps = "steps",
    .minutes = "min",
    .preparation = "preparation",
    .speaks = "Speaking",
    .listens = "Listening",
    .rule = "Rule",
    .step = "step",
    .if_reframed = "if reframed",
    .otherwise = "otherwise",
    .rates = "The presenter does not answer, but calls each question warm, lukewarm or cold.",
    .scribe_records = "The scribe writes down the questions with their ratings.",
    .closed_questions_allowed = "A closed question is fine here too.",
    .show_hint = "The steps of a method: intervisie methods show <id>",
    .facilitator = "facilitator",
    .presenter = "presenter",
    .advisers = "advisers",
    .scribe = "scribe",
    .everyone = "everyone",
};

const Labels& labels_for(Language language) {
  return language == Language::nl ? dutch : english;
}

const std::string& text_in(const core::LocalizedText& text, Language language) {
  return language == Language::nl ? text.nl : text.en;
}

std::string_view party_name(core::Party party, const Labels& labels) {
  switch (party) {
  case core::Party::facilitator:
    return labels.facilitator;
  case core::Party::presenter:
    return labels.presenter;
  case core::Party::advisers:
    return labels.advisers;
  case core::Party::scribe:
    return labels.scribe;
  case core::Party::everyone:
    return labels.everyone;
  }
  return "?";
}

std::string party_list(const std::vector<core::Party>& parties, const Labels& labels) {
  std::string text;
  for (const core::Party party : parties) {
    text += text.empty() ? "" : ", ";
    text += party_name(party, labels);
  }
  return text;
}

// Columns line up by characters on screen, not bytes: names may hold 'é' or '…'.
std::size_t display_width(std::string_view text) {
  return static_cast<std::size_t>(std::ranges::count_if(
      text, [](char c) { return (static_cast<unsigned char>(c) & 0xC0U) != 0x80U; }));
}

std::string padded(std::string_view text, std::size_t width) {
  std::string result{text};
  result.append(width - std::min(width, display_width(text)), ' ');
  return result;
}

// Breaks text at spaces so that no line passes `width` characters, each line indented.
std::string wrapped(std::string_view text, std::size_t indent, std::size_t width = 96) {
  std::string out;
  std::size_t line_width = 0;
  while (!text.empty()) {
    const std::size_t end = std::min(text.find(' '), text.size());
    const std::string_view word = text.substr(0, end);
    text.remove_prefix(std::min(end + 1, text.size()));
    if (line_width > 0 && line_width + 1 + display_width(word) > width) {
      out += "\n";
      line_width = 0;
    }
    if (line_width == 0) {
      out.append(indent, ' ');
      line_width = indent;
    } else {
      out += ' ';
      ++line_width;
    }
    out += word;
    line_width += display_width(word);
  }
  return out + "\n";
}

std::string step_minutes(const core::Step& step, const Labels& labels) {
  std::string text = std::to_string(step.minutes) + " " + std::string{labels.minutes};
  if (step.preparation_minutes > 0) {
    text = std::to_string(step.preparation_minutes) + " " + std::string{labels.minutes} + " " +
           std::string{labels.preparation} + " + " + text;
  }
  return text;
}

std::string step_number(const core::Method& method, std::string_view step_id) {
  const auto index = method.step_index(step_id);
  return index ? std::to_string(*index + 1) : std::string{step_id};
}

} // namespace

std::string describe_catalogue(const core::Catalogue& catalogue, Language language) {
  const Labels& labels = labels_for(language);
  std::size_t id_width = 0;
  std::size_t name_width = 0;
  for (const core::Method& method : catalogue.methods()) {
    id_width = std::max(id_width, display_width(method.id));
    name_width = std::max(name_width, display_width(text_in(method.name, language)));
  }
  std::string out;
  for (const core::Method& method : catalogue.methods()) {
    const std::string steps = std::to_string(method.steps.size()) + " " + std::string{labels.steps};
    const std::string minutes =
        std::to_string(method.total_minutes()) + " " + std::string{labels.minutes};
    out += padded(method.id, id_width + 2) +
           padded(text_in(method.name, language), name_width + 2) + padded(steps, 11) + minutes +
           "\n";
    out += wrapped(text_in(method.purpose, language), 4);
  }
  out += "\n" + std::string{labels.show_hint} + "\n";
  return out;
}

std::string describe_method(const core::Method& method, Language language) {
  const Labels& labels = labels_for(language);
  std::string out = text_in(method.name, language) + " (" + method.id + ")\n";
  out += wrapped(text_in(method.purpose, language), 0);
  out += std::to_string(method.steps.size()) + " " + std::string{labels.steps} + ", " +
         std::to_string(method.total_minutes()) + " " + std::string{labels.minutes} + "\n";
  const std::string indent(4, ' ');
  for (std::size_t i = 0; i < method.steps.size(); ++i) {
    const core::Step& step = method.steps[i];
    out += "\n" + padded(std::to_string(i + 1) + ".", 4) + text_in(step.title, language) + "  (" +
           step_minutes(step, labels) + ")\n";
    out += indent + std::string{labels.speaks} + ": " + party_list(step.speakers, labels);
    if (!step.listeners.empty()) {
      out += "  ·  " + std::string{labels.listens} + ": " + party_list(step.listeners, labels);
    }
    out += "\n";
    out += wrapped(std::string{labels.rule} + ": " + text_in(step.rule, language), indent.size());
    out += wrapped(text_in(step.instruction, language), indent.size());
    // Only what differs from the usual question rounds; the texts say the rest.
    if (step.kind == core::StepKind::question_rounds) {
      if (step.answer_mode == core::AnswerMode::rate) {
        out += wrapped(labels.rates, indent.size());
      }
      if (step.scribe_records) {
        out += wrapped(labels.scribe_records, indent.size());
      }
      if (!step.open_questions) {
        out += wrapped(labels.closed_questions_allowed, indent.size());
      }
    }
    if (step.branches) {
      out += indent + "→ " + std::string{labels.step} + " " +
             step_number(method, step.branches->on_reframe) + " " +
             std::string{labels.if_reframed} + ", " + std::string{labels.otherwise} + " " +
             std::string{labels.step} + " " + step_number(method, step.branches->on_keep) + "\n";
    }
  }
  return out;
}

} // namespace intervisie::cli
