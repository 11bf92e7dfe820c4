// SPDX-License-Identifier: EUPL-1.2
#include "failing_store_meeting.hpp"

#include <boost/json.hpp>
#include <gtest/gtest.h>

#include <algorithm>
#include <stdexcept>

namespace intervisie::server::testing {

namespace {} // namespace

std::string long_issue(const std::string& marker) {
  std::string text = "Ik " + marker + " zeg te vaak ja.";
  text.resize(3900, '.');
  return text;
}

Proposals propose_until_refused(LiveMeeting& m, Member& who, int in_a_row) {
  Proposals proposals;
  int refused_in_a_row = 0;
  for (int i = 0; refused_in_a_row < in_a_row; ++i) {
    if (i == 1000)
      throw std::runtime_error("the store took a thousand long issues and refused none");
    const std::string marker = "vol-" + std::to_string(i) + "-";
    const Json reply = who.ws->command(command("propose_issue", {{"text", long_issue(marker)}}));
    m.poll_all();
    if (type_of(reply) == "ack") {
      proposals.acknowledged.emplace(field(reply, "seq").to_number<std::uint64_t>(), marker);
      refused_in_a_row = 0;
      continue;
    }
    EXPECT_EQ(field(reply, "code"), Json("storage_failed")) << boost::json::serialize(reply);
    EXPECT_EQ(field(reply, "message"), Json(storage_failed_message));
    proposals.refused.push_back(marker);
    ++refused_in_a_row;
  }
  return proposals;
}

bool contains_text(const Json& json, const std::string& text) {
  return boost::json::serialize(json).find(text) != std::string::npos;
}

std::map<std::uint64_t, Json> stored_history(const LiveMeeting& m, const Member& who) {
  auto history = WsClient::connect(m.port, live_target(m.session_id, who.token, 0));
  history->wait_for([](const Json& message) { return type_of(message) == "presence"; },
                    "the presence after the history");
  auto events = events_by_seq(*history);
  history->close();
  return events;
}

std::uint64_t finish_from_inventory(LiveMeeting& m) {
  Member& fenna = m.named("Fenna");
  m.ok(m.named("Anna"), command("vote", {{"candidate", 1}}));
  m.ok(fenna, command("choose_issue"));
  m.ok(fenna, command("next_step"));
  m.ok(m.named("Pieter"), command("set_statement", {{"text", "Ik wil vaker nee zeggen."}}));
  m.ok(fenna, command("next_step"));
  question_rounds(m, m.named("Pieter"), Response::answer);
  m.ok(fenna, command("next_step"));
  return finish_from_gossip(m);
}

} // namespace intervisie::server::testing
