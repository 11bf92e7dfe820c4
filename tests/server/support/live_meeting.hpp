// SPDX-License-Identifier: EUPL-1.2
// A meeting driven over the network, as the web UI would: created and joined over HTTP, then
// every participant on a live connection of their own. A test says who does what; this sends
// it, waits for the answer and keeps everything each participant received, for the checks.
#pragma once

#include "ws_client.hpp"

#include <boost/json/object.hpp>

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace intervisie::server::testing {

struct Member {
  std::string name;
  std::uint32_t id = 0;
  std::string token;
  std::unique_ptr<WsClient> ws; // null while not connected
};

// /api/sessions/{id}/live?token=…[&since=N]&lang=en
std::string live_target(const std::string& session_id, const std::string& token,
                        std::optional<std::uint64_t> since = std::nullopt);

// A command as the protocol spells it: {"kind":…, fields…}.
boost::json::object command(std::string_view kind, boost::json::object fields = {});

class LiveMeeting {
public:
  // Creates the session (the first name is the facilitator's) and admits the others, in order;
  // nobody is connected yet.
  LiveMeeting(std::uint16_t port, const std::string& method, const std::vector<std::string>& names,
              bool facilitator_takes_turns = true);

  // A meeting whose session and places were made elsewhere (a group's case); the first member
  // is the facilitator. The tag keeps it apart from the constructor above.
  struct MadeElsewhere {};
  LiveMeeting(MadeElsewhere, std::uint16_t port, std::string session_id,
              std::vector<Member> members);

  std::uint16_t port = 0; // may change: a restarted server listens on a new port
  std::string session_id;
  std::string join_token;
  std::string beamer_token; // the read-only shared screen's
  std::vector<Member> members;

  Member& facilitator() { return members.front(); }
  Member& by_id(std::uint32_t id);
  Member& named(std::string_view name);

  // Connects everyone who is not connected, and waits for each one's snapshot.
  void connect_all();
  // A live connection for `who`: without `since` it waits for the snapshot; with it, nothing
  // is awaited (the test checks what the resume brings).
  void connect(Member& who, std::optional<std::uint64_t> since = std::nullopt);

  // The command must be acknowledged; returns the ack's seq. Throws with the refusal if not.
  std::uint64_t ok(Member& who, const boost::json::object& command);
  // The command must be refused; returns the error code.
  std::string refused(Member& who, const boost::json::object& command);

  // A fresh snapshot of `who`'s view, over a connection of its own that closes again.
  Json snapshot(const Member& who) const;
  Json state(const Member& who) const { return field(snapshot(who), "state"); }

  // Reads what has arrived on every connection, so no socket buffer fills up.
  void poll_all();
  // Waits until every connected member has received the event with this seq.
  void wait_everyone_has(std::uint64_t seq);
};

// --- walking through steps ------------------------------------------------------------------

// The ids in the current step's turn order, as the facilitator's view shows it.
std::vector<std::uint32_t> turn_order(const LiveMeeting& meeting);
std::uint32_t id_of(const Json& json);
// The ids in a JSON array of ids.
std::vector<std::uint32_t> ids_in(const Json& array);

// Waits until `member` is told that exactly `expected` are connected.
void wait_connected(Member& member, std::vector<std::uint32_t> expected);
// The ids of every member but `left_out` (0: of every member).
std::vector<std::uint32_t> everyone_but(const LiveMeeting& m, std::uint32_t left_out = 0);

// An incident session of "Fenna", "Pieter", "Anna", … through the inventory (Pieter's issue is
// chosen) and the statement, into the question rounds.
void incident_until_question_rounds(LiveMeeting& meeting);

// The rest of an incident session of incident_until_question_rounds's people, from the gossip
// on, without reframing; the seq of the last ack (the finish).
std::uint64_t finish_from_gossip(LiveMeeting& meeting);

enum class Response { answer, rate };
// One round in which everyone in the turn order asks and the presenter answers (or rates),
// then a round in which everyone passes, which closes the rounds.
void question_rounds(LiveMeeting& meeting, Member& presenter, Response response,
                     const std::string& question_prefix = "Wat maakt dit lastig voor je");

// Checks one connection's stream: its events come in seq order with exactly the seqs of
// `expected_seqs`, none twice, and every ack comes after the events it acknowledges.
void expect_stream(const WsClient& client, const std::vector<std::uint64_t>& expected_seqs,
                   const std::string& who);
// first, first + 1, …, last.
std::vector<std::uint64_t> seqs_from_to(std::uint64_t first, std::uint64_t last);
// Waits until `client` has had `count` answers (acks or errors) in all; returns them in order.
std::vector<Json> wait_answers(WsClient& client, std::size_t count);
// Whether any message `client` received contains `text`.
bool mentions(const WsClient& client, const std::string& text);
// The event messages of a stream, in order of arrival.
std::vector<Json> events_of(const WsClient& client);
// The event messages of a connection, by seq.
std::map<std::uint64_t, Json> events_by_seq(const WsClient& client);

} // namespace intervisie::server::testing
