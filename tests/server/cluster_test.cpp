// SPDX-License-Identifier: EUPL-1.2
// Many nodes on one PostgreSQL, behind nginx as deploy/nginx/ ships it: a meeting goes on when
// the node that serves it is killed, and goes back when that node returns; two nodes that both
// believe they serve a session leave one history; accounts, groups, session creation and join
// codes work whichever node answers.
#include "support/account_client.hpp"
#include "support/live_meeting.hpp"
#include "support/nginx_process.hpp"
#include "support/server_process.hpp"

#include "support/postgres_server.hpp"

#include <boost/json.hpp>
#include <gtest/gtest.h>

#include <array>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <map>
#include <memory>
#include <thread>

#include <sys/wait.h>

namespace intervisie::server::testing {
namespace {

using Clock = std::chrono::steady_clock;

const std::vector<std::string> seven = {"Fenna", "Pieter", "Anna", "Bram", "Carla", "Daan", "Eva"};

// What a command prints, or a failure.
std::string output_of(const std::string& command) {
  std::string text;
  FILE* pipe = ::popen(command.c_str(), "r");
  if (pipe == nullptr)
    throw std::runtime_error("cannot run: " + command);
  std::array<char, 256> chunk{};
  while (std::fgets(chunk.data(), chunk.size(), pipe) != nullptr)
    text += chunk.data();
  if (::pclose(pipe) != 0)
    throw std::runtime_error("failed: " + command + "\n" + text);
  while (!text.empty() && (text.back() == '\n' || text.back() == ' '))
    text.pop_back();
  return text;
}

// PostgreSQL, three nodes sharing it with one master key, and nginx in front of them.
class Cluster {
public:
  explicit Cluster(std::size_t count = 3) {
    auto database = intervisie::testing::fresh_postgres_database();
    if (!database)
      throw std::runtime_error("PostgreSQL: " + database.error());
    url = *database;
    key_file = keys_.path() / "master.key";
    output_of(std::string(INTERVISIE_BINARY) + " new-master-key " + key_file.string());
    for (std::size_t i = 0; i < count; ++i)
      nodes.push_back(std::make_unique<ServerProcess>(
          std::vector<std::string>{"--store", url, "--master-key", key_file.string(),
                                   "--public-url", nginx.url(), "--trusted-proxy", "127.0.0.1"}));
    std::vector<std::uint16_t> ports;
    for (const auto& node : nodes)
      ports.push_back(node->port());
    nginx.start(ports);
  }

  // The node id a node's log gives ("… as node <id>"), from its latest start.
  static std::string node_id(const ServerProcess& node) {
    const std::string log = node.log();
    const auto at = log.rfind("as node ");
    if (at == std::string::npos)
      throw std::runtime_error("the node did not say its id: " + log);
    const auto begin = at + std::string_view("as node ").size();
    return log.substr(begin, log.find_first_of(" )\n", begin) - begin);
  }

  std::string claimed_by(const std::string& session_id) const {
    return output_of("psql '" + url +
                     "' -Atc \"SELECT node FROM session_claims WHERE session_id = '" + session_id +
                     "'\"");
  }

  ServerProcess& owner_of(const std::string& session_id) {
    const std::string node = claimed_by(session_id);
    for (auto& candidate : nodes)
      if (candidate->running() && node_id(*candidate) == node)
        return *candidate;
    throw std::runtime_error("no running node has claimed session " + session_id + " (" + node +
                             ")");
  }

  std::string url;
  std::filesystem::path key_file;
  NginxProcess nginx; // before the nodes: they are told its address
  std::vector<std::unique_ptr<ServerProcess>> nodes;

private:
  TempDir keys_;
};

// The events of a connection, by seq.
std::map<std::uint64_t, Json> by_seq(const WsClient& client) {
  std::map<std::uint64_t, Json> events;
  for (const Json& message : events_of(client))
    events.emplace(field(message, "seq").to_number<std::uint64_t>(), message);
  return events;
}

// Everything the members were told before their connections closed: events (all durable, and
// the same for everyone) and the seqs of their acks.
struct Told {
  std::map<std::uint64_t, Json> events;
  std::vector<std::uint64_t> acks;
};

Told collect_told(LiveMeeting& m) {
  Told told;
  for (Member& member : m.members) {
    for (auto& [seq, event] : by_seq(*member.ws)) {
      const auto [at, added] = told.events.emplace(seq, event);
      EXPECT_EQ(at->second, event) << "seq " << seq << " differed between clients";
    }
    for (const Json& message : member.ws->received())
      if (type_of(message) == "ack")
        told.acks.push_back(field(message, "seq").to_number<std::uint64_t>());
  }
  return told;
}

// The whole history as a new connection of `reader` reads it (the facilitator's unless said;
// after the finish only the presenter still reads the texts), checked against what anyone was
// told.
std::map<std::uint64_t, Json> expect_history_keeps(LiveMeeting& m, const Told& told,
                                                   const Member* reader = nullptr) {
  const Member& who = reader != nullptr ? *reader : m.facilitator();
  auto history = WsClient::connect(m.port, live_target(m.session_id, who.token, 0));
  history->wait_for([](const Json& message) { return type_of(message) == "presence"; },
                    "the presence after the history");
  std::map<std::uint64_t, Json> stored = by_seq(*history);
  history->close();
  EXPECT_FALSE(stored.empty());
  if (!stored.empty()) {
    EXPECT_EQ(stored.begin()->first, 1u);
    EXPECT_EQ(stored.rbegin()->first, stored.size()) << "the history has a gap";
  }
  for (const auto& [seq, event] : told.events) {
    EXPECT_TRUE(stored.contains(seq)) << "acknowledged event " << seq << " was lost";
    if (stored.contains(seq)) {
      EXPECT_EQ(stored.at(seq), event) << "seq " << seq << " was told otherwise";
    }
  }
  for (const std::uint64_t seq : told.acks)
    EXPECT_TRUE(stored.contains(seq)) << "acknowledged event " << seq << " was lost";
  return stored;
}

// Everyone (but `staying`) waits for their connection to close and reconnects with `since`.
void everyone_resumes(LiveMeeting& m, std::uint64_t durable, const Member* staying = nullptr) {
  std::map<std::uint32_t, std::uint64_t> from;
  for (Member& member : m.members) {
    if (&member == staying) {
      from[member.id] = durable;
      continue;
    }
    member.ws->wait_closed();
    from[member.id] = member.ws->last_seq();
    m.connect(member, member.ws->last_seq());
  }
  for (Member& member : m.members)
    if (durable > from[member.id])
      member.ws->wait_seq(durable);
}

TEST(Cluster, AMeetingGoesOnWhenItsNodeIsKilledAndGoesBackWhenTheNodeReturns) {
  Cluster cluster;
  LiveMeeting m(cluster.nginx.port(), "incident", seven);
  m.connect_all();
  incident_until_question_rounds(m);
  question_rounds(m, m.named("Pieter"), Response::answer);
  m.ok(m.named("Fenna"), command("next_step"));
  m.ok(m.named("Anna"), command("add_observation", {{"text", "Hij lachte bij elke vraag."}}));

  // Mid-round: observations on their way, then the node that serves the meeting dies.
  ServerProcess& owner = cluster.owner_of(m.session_id);
  for (int i = 0; i < 3; ++i)
    for (const char* name : {"Anna", "Bram", "Carla", "Daan"})
      m.named(name).ws->send_command(command(
          "add_observation", {{"text", "Observatie " + std::to_string(i) + " van " + name}}));
  const int status = owner.kill(SIGKILL);
  ASSERT_TRUE(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL) << status;
  const auto killed = Clock::now();
  for (Member& member : m.members)
    member.ws->wait_closed();
  const Told told = collect_told(m);
  ASSERT_FALSE(told.events.empty());

  // Everyone back through the proxy, on another node that restores the session from the store.
  const auto stored = expect_history_keeps(m, told);
  const std::uint64_t durable = stored.rbegin()->first;
  everyone_resumes(m, durable);
  const auto back = std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - killed);
  EXPECT_LT(back.count(), 5'000) << "everyone should be back within a few seconds";
  std::cout << "[ cluster  ] everyone back " << back.count() << " ms after the kill\n";
  ServerProcess& stand_in = cluster.owner_of(m.session_id);
  EXPECT_NE(&stand_in, &owner);
  m.ok(m.named("Eva"), command("add_observation", {{"text", "Zij keek steeds naar de klok."}}));

  // The node comes back on its port: after the proxy's pause it gets the session back, and
  // the screens on the stand-in move over with `since`.
  owner.restart_on_same_port();
  std::this_thread::sleep_for(std::chrono::milliseconds(2'500)); // nginx's fail_timeout
  // A screen reaches the owner again. On a loaded machine nginx may count one more slow connect
  // against it and wait out another fail_timeout: then the stand-in answers meanwhile.
  Json snapshot = m.snapshot(m.named("Fenna"));
  for (int tries = 1; tries < 6 && cluster.claimed_by(m.session_id) != Cluster::node_id(owner);
       ++tries) {
    std::this_thread::sleep_for(std::chrono::milliseconds(2'500));
    snapshot = m.snapshot(m.named("Fenna"));
  }
  EXPECT_EQ(cluster.claimed_by(m.session_id), Cluster::node_id(owner));
  const std::uint64_t now_at = field(snapshot, "seq").to_number<std::uint64_t>();
  everyone_resumes(m, now_at);

  const std::uint64_t last = finish_from_gossip(m);
  m.wait_everyone_has(last);
  for (Member& member : m.members)
    EXPECT_EQ(event_kind(events_of(*member.ws).back()), "session_finished") << member.name;
  EXPECT_EQ(field(m.state(m.facilitator()), "finished"), Json(true));
  // One history, without gaps or doubles, that holds everything anyone was told.
  Told all = collect_told(m);
  for (const auto& [seq, event] : told.events)
    all.events.emplace(seq, event);
  expect_history_keeps(m, all, &m.named("Pieter"));
}

TEST(Cluster, TwoNodesThatBothBelieveTheyServeASessionLeaveOneHistory) {
  Cluster cluster(2);
  ServerProcess& first = *cluster.nodes[0];
  ServerProcess& second = *cluster.nodes[1];
  // Straight to the nodes, around the proxy: the first serves the meeting, into the gossip.
  LiveMeeting m(first.port(), "incident", seven);
  m.connect_all();
  incident_until_question_rounds(m);
  question_rounds(m, m.named("Pieter"), Response::answer);
  m.ok(m.named("Fenna"), command("next_step"));
  m.ok(m.named("Anna"), command("add_observation", {{"text", "Hij lachte bij elke vraag."}}));

  // Bram's screen reaches the second node, which claims the session as well.
  Member& bram = m.named("Bram");
  bram.ws->close();
  m.port = second.port();
  m.connect(bram, bram.ws->last_seq());
  m.ok(bram, command("add_observation", {{"text", "Hij keek weg bij het woord nee."}}));

  // Whatever the first node still tries is refused: its screens hear an error, or are closed.
  Member& anna = m.named("Anna");
  bool refused = false;
  try {
    const std::string id =
        anna.ws->send_command(command("add_observation", {{"text", "Te laat voor deze node."}}));
    const Json answer = anna.ws->wait_for(
        [&](const Json& message) {
          return message.is_object() && message.as_object().contains("id") &&
                 field(message, "id") == Json(id);
        },
        "the answer to Anna's observation");
    refused = type_of(answer) == "error";
  } catch (const std::exception&) {
    refused = true; // closed before it was sent or answered: the first node let the session go
  }
  EXPECT_TRUE(refused) << "the node that lost the claim must not write";

  // One history: everything acknowledged on either node is in it once, at its seq.
  Told told;
  for (Member& member : m.members) {
    for (auto& [seq, event] : by_seq(*member.ws))
      told.events.emplace(seq, event);
    for (const Json& message : member.ws->received())
      if (type_of(message) == "ack")
        told.acks.push_back(field(message, "seq").to_number<std::uint64_t>());
  }
  const auto stored = expect_history_keeps(m, told);
  for (const auto& [seq, event] : stored)
    EXPECT_EQ(boost::json::serialize(event).find("Te laat voor deze node"), std::string::npos)
        << "the refused observation is not in the history";
  EXPECT_EQ(cluster.claimed_by(m.session_id), Cluster::node_id(second));

  // The meeting goes on with everyone on the second node.
  everyone_resumes(m, stored.rbegin()->first, &bram);
  const std::uint64_t last = finish_from_gossip(m);
  m.wait_everyone_has(last);
}

TEST(Cluster, AccountsGroupsSessionsAndJoinCodesWorkWhicheverNodeAnswers) {
  Cluster cluster;
  ServerProcess& a = *cluster.nodes[0];
  ServerProcess& b = *cluster.nodes[1];
  ServerProcess& c = *cluster.nodes[2];

  // An account made on one node logs in on another; a group made on one is read on another.
  AccountClient fenna{a.port()};
  ASSERT_EQ(fenna.sign_up(unique_email("fenna"), "een lang wachtwoord", "Fenna").status, 201u);
  const auto made = fenna.post("/api/groups", {{"name", "Dinsdaggroep"}});
  ASSERT_EQ(made.status, 201u) << made.body;
  const std::string group_id(made.json().at("id").as_string());
  fenna.set_port(b.port());
  const auto read = fenna.get("/api/groups/" + group_id);
  ASSERT_EQ(read.status, 200u) << read.body;
  EXPECT_EQ(read.json().at("name").as_string(), "Dinsdaggroep");

  // An invitation made on the second node is accepted on the third; the first sees two members.
  const auto invited = fenna.post("/api/groups/" + group_id + "/invitations");
  ASSERT_EQ(invited.status, 201u) << invited.body;
  AccountClient pieter{c.port()};
  ASSERT_EQ(pieter.sign_up(unique_email("pieter"), "een lang wachtwoord", "Pieter").status, 201u);
  const auto accepted = pieter.post(
      "/api/invitations/" + std::string(invited.json().at("token").as_string()) + "/accept",
      {{"accept_ground_rules", true}});
  ASSERT_EQ(accepted.status, 200u) << accepted.body;
  fenna.set_port(a.port());
  const auto seen = fenna.get("/api/groups/" + group_id);
  ASSERT_EQ(seen.status, 200u);
  EXPECT_EQ(seen.json().at("members").as_array().size(), 2u) << seen.body;

  // A session made on one node is found by its code on another and joined on a third; the
  // live connection goes through the proxy to whichever node serves it.
  const auto created =
      http_post(a.port(), "/api/sessions",
                boost::json::serialize(boost::json::object{
                    {"method", "incident"}, {"title", "Dinsdag"}, {"facilitator_name", "Fenna"}}));
  ASSERT_EQ(created.status, 201u) << created.body;
  const std::string session(created.json().at("session_id").as_string());
  const std::string code(created.json().at("join_code").as_string());
  const auto found = http_post(b.port(), "/api/join-codes",
                               boost::json::serialize(boost::json::object{{"code", code}}));
  ASSERT_EQ(found.status, 200u) << found.body;
  EXPECT_EQ(found.json().at("session_id").as_string(), session);
  const auto joined =
      http_post(c.port(), "/api/sessions/" + session + "/participants",
                boost::json::serialize(boost::json::object{
                    {"join_token", found.json().at("join_token")}, {"name", "Anna"}}));
  ASSERT_EQ(joined.status, 201u) << joined.body;
  auto live =
      WsClient::connect(cluster.nginx.port(),
                        live_target(session, std::string(joined.json().at("token").as_string())));
  live->wait_for([](const Json& message) { return type_of(message) == "snapshot"; },
                 "Anna's snapshot through the proxy");
}

} // namespace
} // namespace intervisie::server::testing
