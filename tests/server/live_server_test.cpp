// SPDX-License-Identifier: EUPL-1.2
// Whole sessions of the three methods against the real server, over HTTP and WebSockets: every
// participant on a connection of their own sees every event they may see, in seq order, once.
#include "support/live_meeting.hpp"
#include "support/server_process.hpp"

#include <boost/json.hpp>
#include <gtest/gtest.h>

#include <algorithm>
#include <map>

namespace intervisie::server::testing {
namespace {

std::vector<std::uint64_t> step_starts(const WsClient& client) {
  std::vector<std::uint64_t> steps;
  for (const Json& message : events_of(client))
    if (event_kind(message) == "step_started")
      steps.push_back(field(field(message, "event"), "step").to_number<std::uint64_t>());
  return steps;
}

// Every member saw the same events, with the same content, as the first one.
void expect_same_events(const LiveMeeting& meeting) {
  const std::vector<Json> reference = events_of(*meeting.members.front().ws);
  for (const Member& member : meeting.members)
    EXPECT_EQ(events_of(*member.ws), reference) << member.name << " saw other events";
}

std::vector<std::uint32_t> advisers(const Json& state) {
  std::vector<std::uint32_t> ids;
  for (const Json& participant : field(state, "participants").as_array()) {
    const auto& roles = field(participant, "roles").as_array();
    if (std::ranges::find(roles, Json("adviser")) != roles.end())
      ids.push_back(id_of(field(participant, "id")));
  }
  return ids;
}

TEST(LiveServer, IncidentSessionWithSixParticipantsFromStartToFinish) {
  ServerProcess server;
  LiveMeeting m(server.port(), "incident", {"Fenna", "Pieter", "Anna", "Bram", "Carla", "Daan"});
  m.connect_all();
  Member& fenna = m.named("Fenna");
  Member& pieter = m.named("Pieter");
  const std::uint64_t first = fenna.ws->last_seq();
  for (const Member& member : m.members)
    EXPECT_EQ(member.ws->last_seq(), first) << member.name << "'s snapshot";

  // 1 inventory
  m.ok(fenna, command("start"));
  m.ok(pieter, command("propose_issue", {{"text", "Ik weet niet hoe ik een collega aanspreek."}}));
  m.ok(m.named("Anna"), command("propose_issue", {{"text", "Ik wil minder overwerken."}}));
  m.ok(m.named("Bram"), command("vote", {{"candidate", 1}}));
  m.ok(m.named("Carla"), command("vote", {{"candidate", 1}}));
  m.ok(m.named("Daan"), command("vote", {{"candidate", 2}}));
  m.ok(fenna, command("choose_issue"));
  EXPECT_EQ(field(m.state(fenna), "presenter"), Json(pieter.id));
  m.ok(fenna, command("next_step"));
  // 2 statement
  m.ok(pieter, command("set_statement",
                       {{"text", "Ik weet niet hoe ik mijn collega aanspreek op te laat komen."}}));
  m.ok(pieter, command("start_preparation"));
  m.ok(fenna, command("next_step"));
  // 3 question rounds
  question_rounds(m, pieter, Response::answer);
  m.ok(fenna, command("next_step"));
  // 4 gossip
  m.ok(m.named("Anna"),
       command("add_observation",
               {{"text", "Het bleef even stil bij de vraag over de teamleider."}}));
  m.ok(fenna, command("close_gossip"));
  m.ok(pieter, command("reflect", {{"text", "Dat klopt, daar zit iets."}}));
  m.ok(fenna, command("next_step"));
  // 5 reframe, so 6 follows
  m.ok(pieter, command("reframe",
                       {{"text", "Ik wil leren grenzen stellen zonder de sfeer te verliezen."}}));
  m.ok(fenna, command("next_step"));
  // 6 new question rounds
  question_rounds(m, pieter, Response::answer, "Wat betekent de sfeer voor je");
  m.ok(fenna, command("next_step"));
  // 7 advice, after the time to think
  m.ok(fenna, command("end_preparation"));
  for (const std::uint32_t adviser : turn_order(m))
    m.ok(m.by_id(adviser),
         command("give_advice", {{"text", "zou ik eerst met mijn leidinggevende praten."}}));
  m.ok(fenna, command("next_step"));
  // 8 the presenter's reaction
  m.ok(pieter, command("react", {{"tomorrow", "Morgen spreek ik hem aan."},
                                 {"think_over", "Hoe ik dat volhoud."}}));
  m.ok(fenna, command("next_step"));
  // 9 closing
  for (Member& member : m.members)
    m.ok(member, command("closing_remark", {{"text", "Fijn gedaan."}}));
  const std::uint64_t last = m.ok(fenna, command("next_step"));

  m.wait_everyone_has(last);
  for (const Member& member : m.members) {
    const std::vector<Json> events = events_of(*member.ws);
    ASSERT_FALSE(events.empty()) << member.name;
    EXPECT_EQ(event_kind(events.back()), "session_finished") << member.name;
    expect_stream(*member.ws, seqs_from_to(first + 1, last), member.name);
    EXPECT_EQ(step_starts(*member.ws), (std::vector<std::uint64_t>{0, 1, 2, 3, 4, 5, 6, 7, 8}))
        << member.name << " did not see all nine steps begin";
  }
  expect_same_events(m);

  const Json state = m.state(pieter);
  EXPECT_EQ(field(state, "finished"), Json(true));
  EXPECT_EQ(field(state, "visited_steps").as_array().size(), 9u);
  EXPECT_EQ(field(field(state, "flip_chart"), "statements").as_array().size(), 2u);
  EXPECT_EQ(field(field(state, "flip_chart"), "advice").as_array().size(), 5u);
  EXPECT_EQ(field(state, "version"), Json(last));
}

TEST(LiveServer, FreshQuestioningWithAScribe) {
  ServerProcess server;
  LiveMeeting m(server.port(), "fresh-questioning", {"Fenna", "Pieter", "Anna", "Bram", "Carla"});
  m.connect_all();
  Member& fenna = m.named("Fenna");
  Member& pieter = m.named("Pieter");
  Member& anna = m.named("Anna");
  const std::uint64_t first = fenna.ws->last_seq();

  m.ok(fenna, command("assign_presenter", {{"participant", pieter.id}}));
  m.ok(fenna, command("assign_scribe", {{"participant", anna.id}}));
  m.ok(fenna, command("start"));
  m.ok(pieter, command("set_statement", {{"text", "Ik heb er last van dat ik altijd ja zeg."}}));
  m.ok(fenna, command("next_step"));

  // The presenter does not answer here: the questions are rated, by the presenter or, on
  // their word, by the scribe; the scribe may also write a question down for the asker.
  EXPECT_EQ(m.refused(pieter, command("answer_question")), "wrong_step");
  const std::vector<std::uint32_t> order = turn_order(m);
  ASSERT_EQ(order.size(), 4u);
  const std::vector<std::string> ratings = {"warm", "lukewarm", "cold", "warm"};
  for (std::size_t i = 0; i < order.size(); ++i) {
    Member& asker = m.by_id(order[i]);
    if (i == 2 && asker.id != anna.id)
      m.ok(anna, command("ask_question",
                         {{"text", "Wanneer zeg je wel nee?"}, {"on_behalf_of", asker.id}}));
    else
      m.ok(asker, command("ask_question", {{"text", "Wat gebeurt er als je nee zegt?"}}));
    m.ok(i % 2 == 0 ? pieter : anna, command("rate_question", {{"rating", ratings[i]}}));
  }
  for (const std::uint32_t adviser : order)
    m.ok(m.by_id(adviser), command("pass"));
  m.ok(fenna, command("next_step"));

  m.ok(m.named("Bram"),
       command("add_observation", {{"text", "De warme vragen gingen allemaal over zijn team."}}));
  // The gossip is still open: only a confirmed move on closes it.
  EXPECT_EQ(m.refused(fenna, command("next_step")), "step_rule_not_met");
  m.ok(fenna, command("next_step", {{"confirm", true}}));
  m.ok(pieter, command("reflect", {{"text", "Het gaat dus over mijn team, niet over mij."}}));
  const std::uint64_t last = m.ok(fenna, command("next_step"));

  m.wait_everyone_has(last);
  for (const Member& member : m.members) {
    expect_stream(*member.ws, seqs_from_to(first + 1, last), member.name);
    EXPECT_EQ(event_kind(events_of(*member.ws).back()), "session_finished") << member.name;
  }
  expect_same_events(m);

  // After the end the case is the presenter's alone.
  EXPECT_TRUE(field(field(m.state(fenna), "flip_chart"), "questions").as_array().empty());
  const Json state = m.state(pieter);
  EXPECT_EQ(field(state, "finished"), Json(true));
  const auto& questions = field(field(state, "flip_chart"), "questions").as_array();
  ASSERT_EQ(questions.size(), 4u);
  for (std::size_t i = 0; i < questions.size(); ++i) {
    EXPECT_EQ(field(questions[i], "rating"), Json(ratings[i]));
    EXPECT_EQ(field(questions[i], "rating_recorded_by"),
              i % 2 == 0 ? Json(nullptr) : Json(anna.id));
  }
}

TEST(LiveServer, BalintDraftsStayWithTheirAuthorUntilShared) {
  ServerProcess server;
  LiveMeeting m(server.port(), "balint", {"Fenna", "Pieter", "Anna", "Bram", "Carla", "Daan"});
  m.connect_all();
  Member& fenna = m.named("Fenna");
  Member& pieter = m.named("Pieter");
  const std::uint64_t first = fenna.ws->last_seq();

  m.ok(fenna, command("assign_presenter", {{"participant", pieter.id}}));
  m.ok(fenna, command("start"));
  m.ok(pieter, command("set_statement", {{"text", "Ik wil beter omgaan met een boze ouder."}}));
  m.ok(fenna, command("next_step"));
  question_rounds(m, pieter, Response::answer, "Wat doet die boosheid met je");
  m.ok(fenna, command("next_step"));

  // 3: everyone writes in silence. Each draft is known to its author alone.
  const std::vector<std::uint32_t> writers = advisers(m.state(fenna));
  ASSERT_EQ(writers.size(), 5u);
  std::map<std::uint32_t, std::string> secret;    // adviser → their draft
  std::map<std::uint32_t, std::uint64_t> written; // adviser → the seq of their draft
  for (const std::uint32_t writer : writers) {
    Member& author = m.by_id(writer);
    secret[writer] = "Concept van " + author.name + ": bel eerst de mentor, dan de ouder.";
    written[writer] = m.ok(author, command("write_draft", {{"text", secret[writer]}}));
  }
  for (const Member& viewer : m.members) {
    const std::string view_text = boost::json::serialize(m.state(viewer));
    for (const std::uint32_t writer : writers) {
      const bool own = writer == viewer.id;
      EXPECT_EQ(mentions(*viewer.ws, secret[writer]), own)
          << viewer.name << "'s stream and the draft of " << m.by_id(writer).name;
      EXPECT_EQ(view_text.find(secret[writer]) != std::string::npos, own)
          << viewer.name << "'s snapshot and the draft of " << m.by_id(writer).name;
    }
  }
  // A resume replays the history as each event was seen: again only Anna's own draft.
  Member& anna = m.named("Anna");
  anna.ws->close();
  m.connect(anna, first);
  anna.ws->wait_for([](const Json& message) { return type_of(message) == "presence"; },
                    "the presence after Anna's replay");
  for (const std::uint32_t writer : writers)
    EXPECT_EQ(mentions(*anna.ws, secret[writer]), writer == anna.id)
        << "Anna's replay and the draft of " << m.by_id(writer).name;
  m.ok(fenna, command("next_step"));

  // 4: in turn, each shares the essence; only then does the draft reach the others.
  const std::vector<std::uint32_t> order = turn_order(m);
  ASSERT_EQ(order.size(), writers.size());
  for (std::size_t i = 0; i < order.size(); ++i) {
    Member& sharer = m.by_id(order[i]);
    const std::uint64_t shared = m.ok(sharer, command("share_advice", {{"essence", "Samen."}}));
    m.wait_everyone_has(shared);
    for (const Member& viewer : m.members)
      for (std::size_t j = 0; j < order.size(); ++j)
        EXPECT_EQ(mentions(*viewer.ws, secret[order[j]]), j <= i || order[j] == viewer.id)
            << viewer.name << " and the draft of " << m.by_id(order[j]).name << " after "
            << sharer.name << " shared";
  }
  m.ok(fenna, command("next_step"));
  m.ok(pieter, command("react", {{"tomorrow", "Ik vraag Anna mee."}}));
  const std::uint64_t last = m.ok(fenna, command("next_step"));

  // Everyone saw every event but the drafts of others.
  m.wait_everyone_has(last);
  for (const Member& member : m.members) {
    std::vector<std::uint64_t> expected;
    for (std::uint64_t seq = first + 1; seq <= last; ++seq)
      if (std::ranges::none_of(written, [&](const auto& draft) {
            return draft.second == seq && draft.first != member.id;
          }))
        expected.push_back(seq);
    expect_stream(*member.ws, expected, member.name);
    EXPECT_EQ(event_kind(events_of(*member.ws).back()), "session_finished") << member.name;
  }
  const Json final_state = m.state(pieter);
  const auto& drafts = field(field(final_state, "flip_chart"), "drafts").as_array();
  EXPECT_EQ(drafts.size(), writers.size());
  for (const Json& draft : drafts)
    EXPECT_EQ(field(draft, "shared"), Json(true));
}

TEST(LiveServer, ThePresentersNotesReachThePresenterAlone) {
  ServerProcess server;
  LiveMeeting m(server.port(), "incident", {"Fenna", "Pieter", "Anna", "Bram", "Carla"});
  m.connect_all();
  const std::uint64_t first = m.facilitator().ws->last_seq();
  Member& pieter = m.named("Pieter");
  incident_until_question_rounds(m);
  const std::string answer_note = "Notitie bij het antwoord: dit raakt me meer dan ik zeg.";
  const std::string private_note = "Alleen voor mij: bespreken met mijn coach.";
  const std::uint32_t asker = turn_order(m).front();
  m.ok(m.by_id(asker), command("ask_question", {{"text", "Wat maakt nee zeggen moeilijk?"}}));
  const std::uint64_t answered = m.ok(pieter, command("answer_question", {{"note", answer_note}}));
  const std::uint64_t noted = m.ok(pieter, command("write_private_note", {{"text", private_note}}));
  const std::uint64_t last = m.ok(m.facilitator(), command("adjust_time", {{"seconds", 60}}));
  m.wait_everyone_has(last);

  // Bram resumes from the start: his replay is as private as the live stream was.
  Member& bram = m.named("Bram");
  bram.ws->close();
  m.connect(bram, first);
  bram.ws->wait_seq(last);

  for (const Member& member : m.members) {
    const bool presenter = member.id == pieter.id;
    const std::string snapshot = boost::json::serialize(m.state(member));
    for (const std::string& note : {answer_note, private_note}) {
      EXPECT_EQ(mentions(*member.ws, note), presenter) << member.name << "'s stream: " << note;
      EXPECT_EQ(snapshot.find(note) != std::string::npos, presenter)
          << member.name << "'s snapshot: " << note;
    }
    // The answer itself is everyone's business; the private note is nobody else's.
    std::vector<std::uint64_t> expected = seqs_from_to(first + 1, last);
    if (!presenter)
      std::erase(expected, noted);
    expect_stream(*member.ws, expected, member.name);
    const auto events = events_of(*member.ws);
    EXPECT_TRUE(std::ranges::any_of(events, [&](const Json& event) {
      return field(event, "seq") == Json(answered) && event_kind(event) == "question_answered";
    })) << member.name;
  }
}

TEST(LiveServer, CommandsSentAtOnceAreOrderedTheSameForEveryone) {
  ServerProcess server;
  LiveMeeting m(server.port(), "incident", {"Fenna", "Pieter", "Anna", "Bram", "Carla", "Daan"});
  m.connect_all();
  const std::uint64_t first = m.facilitator().ws->last_seq();
  const std::uint64_t started = m.ok(m.facilitator(), command("start"));

  // Everyone fires ten commands without waiting for answers; the server interleaves them.
  constexpr std::size_t per_member = 10;
  for (std::size_t round = 0; round < per_member; ++round)
    for (Member& member : m.members)
      member.ws->send_command(
          member.id == m.facilitator().id
              ? command("adjust_time", {{"seconds", 60}})
              : command("propose_issue", {{"text", "Voorstel " + std::to_string(round) + " van " +
                                                       member.name + "."}}));
  std::map<std::uint64_t, std::uint32_t> acked_by; // seq → who
  for (Member& member : m.members)
    for (const Json& answer :
         wait_answers(*member.ws, per_member + (member.id == m.facilitator().id ? 1 : 0))) {
      ASSERT_EQ(type_of(answer), "ack") << member.name << ": " << boost::json::serialize(answer);
      const auto seq = field(answer, "seq").to_number<std::uint64_t>();
      EXPECT_TRUE(acked_by.emplace(seq, member.id).second) << "seq " << seq << " acked twice";
    }
  const std::uint64_t last = started + per_member * m.members.size();
  EXPECT_EQ(acked_by.size(), per_member * m.members.size() + 1);
  EXPECT_EQ(acked_by.rbegin()->first, last);

  m.wait_everyone_has(last);
  const std::vector<Json> reference = events_of(*m.facilitator().ws);
  for (const Member& member : m.members) {
    expect_stream(*member.ws, seqs_from_to(first + 1, last), member.name);
    EXPECT_EQ(events_of(*member.ws), reference) << member.name;
  }
  // Each ack names the event its own command caused.
  for (const Json& event : reference) {
    const auto seq = field(event, "seq").to_number<std::uint64_t>();
    if (const auto found = acked_by.find(seq); found != acked_by.end() && seq > started) {
      EXPECT_EQ(field(field(event, "event"), "actor"), Json(found->second)) << "seq " << seq;
    }
  }
  // And each member's own commands took effect in the order they were sent.
  for (const Member& member : m.members) {
    if (member.id == m.facilitator().id)
      continue;
    std::vector<std::string> proposed;
    for (const Json& event : reference)
      if (event_kind(event) == "issue_proposed" &&
          field(field(event, "event"), "owner") == Json(member.id))
        proposed.push_back(std::string(field(field(event, "event"), "text").as_string()));
    ASSERT_EQ(proposed.size(), per_member) << member.name;
    for (std::size_t round = 0; round < per_member; ++round)
      EXPECT_EQ(proposed[round], "Voorstel " + std::to_string(round) + " van " + member.name + ".");
  }
}

} // namespace
} // namespace intervisie::server::testing
