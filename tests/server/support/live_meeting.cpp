// SPDX-License-Identifier: EUPL-1.2
#include "live_meeting.hpp"

#include <boost/json.hpp>
#include <gtest/gtest.h>

#include <algorithm>
#include <stdexcept>

namespace intervisie::server::testing {

std::string live_target(const std::string& session_id, const std::string& token,
                        std::optional<std::uint64_t> since) {
  // Tokens are "<id>.<random>" in URL-safe characters: nothing to escape.
  std::string target = "/api/sessions/" + session_id + "/live?token=" + token;
  if (since)
    target += "&since=" + std::to_string(*since);
  return target + "&lang=en";
}

boost::json::object command(std::string_view kind, boost::json::object fields) {
  fields["kind"] = kind;
  return fields;
}

std::uint32_t id_of(const Json& json) {
  return json.to_number<std::uint32_t>();
}

std::vector<std::uint32_t> ids_in(const Json& array) {
  std::vector<std::uint32_t> ids;
  for (const Json& id : array.as_array())
    ids.push_back(id_of(id));
  return ids;
}

void wait_connected(Member& member, std::vector<std::uint32_t> expected) {
  std::ranges::sort(expected);
  member.ws->wait_for(
      [&](const Json& message) {
        return type_of(message) == "presence" && ids_in(field(message, "connected")) == expected;
      },
      member.name + " hearing that " + boost::json::serialize(boost::json::value_from(expected)) +
          " are connected");
}

std::vector<std::uint32_t> everyone_but(const LiveMeeting& m, std::uint32_t left_out) {
  std::vector<std::uint32_t> ids;
  for (const Member& member : m.members)
    if (member.id != left_out)
      ids.push_back(member.id);
  return ids;
}

LiveMeeting::LiveMeeting(MadeElsewhere, std::uint16_t server_port, std::string session,
                         std::vector<Member> places)
    : port(server_port), session_id(std::move(session)), members(std::move(places)) {}

LiveMeeting::LiveMeeting(std::uint16_t server_port, const std::string& method,
                         const std::vector<std::string>& names, bool facilitator_takes_turns)
    : port(server_port) {
  const HttpResponse created =
      http_post(port, "/api/sessions",
                boost::json::serialize(
                    boost::json::object{{"method", method},
                                        {"title", "Dinsdaggroep"},
                                        {"facilitator_name", names.front()},
                                        {"facilitator_takes_turns", facilitator_takes_turns}}));
  if (created.status != 201)
    throw std::runtime_error("POST /api/sessions: " + std::to_string(created.status) + " " +
                             created.body);
  const Json session = created.json();
  session_id = field(session, "session_id").as_string();
  join_token = field(session, "join_token").as_string();
  beamer_token = field(session, "beamer_token").as_string();
  members.push_back(Member{names.front(), id_of(field(session, "participant_id")),
                           std::string(field(session, "token").as_string()), nullptr});
  for (std::size_t i = 1; i < names.size(); ++i) {
    const HttpResponse joined = http_post(port, "/api/sessions/" + session_id + "/participants",
                                          boost::json::serialize(boost::json::object{
                                              {"join_token", join_token}, {"name", names[i]}}));
    if (joined.status != 201)
      throw std::runtime_error("joining as " + names[i] + ": " + std::to_string(joined.status) +
                               " " + joined.body);
    const Json admission = joined.json();
    members.push_back(Member{names[i], id_of(field(admission, "participant_id")),
                             std::string(field(admission, "token").as_string()), nullptr});
  }
}

Member& LiveMeeting::by_id(std::uint32_t id) {
  const auto found = std::ranges::find(members, id, &Member::id);
  if (found == members.end())
    throw std::runtime_error("no participant " + std::to_string(id));
  return *found;
}

Member& LiveMeeting::named(std::string_view name) {
  const auto found = std::ranges::find(members, name, &Member::name);
  if (found == members.end())
    throw std::runtime_error("no participant " + std::string(name));
  return *found;
}

void LiveMeeting::connect_all() {
  for (Member& member : members)
    if (!member.ws || member.ws->closed())
      connect(member);
}

void LiveMeeting::connect(Member& who, std::optional<std::uint64_t> since) {
  who.ws = WsClient::connect(port, live_target(session_id, who.token, since));
  if (!since)
    who.ws->wait_for([](const Json& message) { return type_of(message) == "snapshot"; },
                     who.name + "'s snapshot");
}

std::uint64_t LiveMeeting::ok(Member& who, const boost::json::object& command) {
  if (!who.ws)
    throw std::logic_error(who.name + " is not connected");
  const Json reply = who.ws->command(command);
  if (type_of(reply) != "ack")
    throw std::runtime_error(who.name + "'s " + boost::json::serialize(command) +
                             " was refused: " + boost::json::serialize(reply));
  poll_all();
  return field(reply, "seq").to_number<std::uint64_t>();
}

std::string LiveMeeting::refused(Member& who, const boost::json::object& command) {
  const Json reply = who.ws->command(command);
  poll_all();
  if (type_of(reply) != "error")
    throw std::runtime_error(who.name + "'s " + boost::json::serialize(command) +
                             " was accepted, not refused");
  return std::string(field(reply, "code").as_string());
}

Json LiveMeeting::snapshot(const Member& who) const {
  auto peek = WsClient::connect(port, live_target(session_id, who.token));
  Json snapshot = peek->wait_for([](const Json& message) { return type_of(message) == "snapshot"; },
                                 "a snapshot");
  peek->close();
  return snapshot;
}

void LiveMeeting::poll_all() {
  for (Member& member : members)
    if (member.ws)
      member.ws->poll();
}

void LiveMeeting::wait_everyone_has(std::uint64_t seq) {
  for (Member& member : members)
    if (member.ws && !member.ws->closed())
      member.ws->wait_seq(seq);
}

std::vector<std::uint32_t> turn_order(const LiveMeeting& meeting) {
  const Json state = meeting.state(meeting.members.front());
  std::vector<std::uint32_t> order;
  for (const Json& id : field(field(state, "turn"), "order").as_array())
    order.push_back(id_of(id));
  return order;
}

void incident_until_question_rounds(LiveMeeting& m) {
  Member& fenna = m.named("Fenna");
  m.ok(fenna, command("start"));
  m.ok(m.named("Pieter"), command("propose_issue", {{"text", "Ik zeg te vaak ja."}}));
  m.ok(m.named("Anna"), command("vote", {{"candidate", 1}}));
  m.ok(fenna, command("choose_issue"));
  m.ok(fenna, command("next_step"));
  m.ok(m.named("Pieter"), command("set_statement", {{"text", "Ik wil vaker nee zeggen."}}));
  m.ok(fenna, command("next_step"));
}

void question_rounds(LiveMeeting& meeting, Member& presenter, Response response,
                     const std::string& question_prefix) {
  const std::vector<std::uint32_t> order = turn_order(meeting);
  ASSERT_FALSE(order.empty());
  for (const std::uint32_t adviser : order) {
    Member& asker = meeting.by_id(adviser);
    meeting.ok(asker,
               command("ask_question", {{"text", question_prefix + ", " + asker.name + "?"}}));
    if (response == Response::answer)
      meeting.ok(presenter, command("answer_question"));
    else
      meeting.ok(presenter, command("rate_question", {{"rating", "warm"}}));
  }
  for (const std::uint32_t adviser : order)
    meeting.ok(meeting.by_id(adviser), command("pass"));
  EXPECT_EQ(field(field(meeting.state(meeting.facilitator()), "turn"), "closed"), Json(true))
      << "a round in which everyone passed closes the rounds";
}

std::vector<std::uint64_t> seqs_from_to(std::uint64_t first, std::uint64_t last) {
  std::vector<std::uint64_t> seqs;
  for (std::uint64_t seq = first; seq <= last; ++seq)
    seqs.push_back(seq);
  return seqs;
}

void expect_stream(const WsClient& client, const std::vector<std::uint64_t>& expected_seqs,
                   const std::string& who) {
  std::vector<std::uint64_t> seen;
  std::uint64_t highest = 0; // the highest seq this connection has been told about
  for (const Json& message : client.received()) {
    const std::string type = type_of(message);
    if (type == "snapshot") {
      highest = std::max(highest, field(message, "seq").to_number<std::uint64_t>());
    } else if (type == "event") {
      const auto seq = field(message, "seq").to_number<std::uint64_t>();
      seen.push_back(seq);
      highest = std::max(highest, seq);
    } else if (type == "ack") {
      const auto seq = field(message, "seq").to_number<std::uint64_t>();
      EXPECT_LE(seq, highest) << who << " got the ack " << boost::json::serialize(message)
                              << " before the events it acknowledges";
    }
  }
  EXPECT_EQ(seen, expected_seqs) << who << "'s events are not exactly the expected ones, in order";
}

std::vector<Json> wait_answers(WsClient& client, std::size_t count) {
  client.wait_until([&] { return client.answer_count() >= count; },
                    std::to_string(count) + " answers");
  std::vector<Json> answers;
  for (const Json& message : client.received())
    if (const std::string type = type_of(message); type == "ack" || type == "error")
      answers.push_back(message);
  return answers;
}

bool mentions(const WsClient& client, const std::string& text) {
  return std::ranges::any_of(client.received_text(), [&](const std::string& message) {
    return message.find(text) != std::string::npos;
  });
}

std::vector<Json> events_of(const WsClient& client) {
  std::vector<Json> events;
  for (const Json& message : client.received())
    if (type_of(message) == "event")
      events.push_back(message);
  return events;
}

std::map<std::uint64_t, Json> events_by_seq(const WsClient& client) {
  std::map<std::uint64_t, Json> events;
  for (const Json& message : events_of(client))
    events.emplace(field(message, "seq").to_number<std::uint64_t>(), message);
  return events;
}

std::uint64_t finish_from_gossip(LiveMeeting& m) {
  Member& fenna = m.named("Fenna");
  Member& pieter = m.named("Pieter");
  m.ok(fenna, command("close_gossip"));
  m.ok(pieter, command("reflect", {{"text", "Ja, dat herken ik."}}));
  m.ok(fenna, command("next_step"));
  m.ok(pieter, command("keep_statement"));
  m.ok(fenna, command("next_step"));
  m.ok(fenna, command("end_preparation"));
  for (const std::uint32_t adviser : turn_order(m))
    m.ok(m.by_id(adviser), command("give_advice", {{"text", "zou ik een keer nee oefenen."}}));
  m.ok(fenna, command("next_step"));
  m.ok(pieter, command("react", {{"tomorrow", "Eén keer nee zeggen."}}));
  m.ok(fenna, command("next_step"));
  for (Member& member : m.members)
    m.ok(member, command("closing_remark"));
  return m.ok(fenna, command("next_step"));
}

} // namespace intervisie::server::testing
