// SPDX-License-Identifier: EUPL-1.2
// The names of the command kinds: one list, for the protocol's codec and for the tests.
#include "core/session/command.hpp"

#include <array>

namespace intervisie::core {
namespace {

// In the order of CommandBody's alternatives.
constexpr std::array<std::string_view, std::variant_size_v<CommandBody>> names = {
    "join",
    "assign_presenter",
    "assign_scribe",
    "hand_over_facilitator",
    "start",
    "next_step",
    "adjust_time",
    "raise_disturbance",
    "resolve_disturbance",
    "pause",
    "resume",
    "propose_issue",
    "withdraw_issue",
    "vote",
    "choose_issue",
    "set_statement",
    "start_preparation",
    "end_preparation",
    "ask_question",
    "pass",
    "answer_question",
    "decline_question",
    "rate_question",
    "close_rounds",
    "add_observation",
    "close_gossip",
    "reflect",
    "reframe",
    "keep_statement",
    "give_advice",
    "write_draft",
    "share_advice",
    "react",
    "closing_remark",
    "write_private_note",
    "set_coach_hints",
    "add_participant",
    "add_note",
    "set_contributions",
    "note_key_point",
    "request_return",
    "admit_return",
    "decline_return",
};

} // namespace

std::string_view kind_name(const CommandBody& body) {
  return names[body.index()];
}

std::span<const std::string_view> command_kind_names() {
  return names;
}

} // namespace intervisie::core
