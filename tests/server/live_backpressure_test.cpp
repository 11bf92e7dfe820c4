// SPDX-License-Identifier: EUPL-1.2
// Slow clients and large sessions: a client that cannot keep up is disconnected without holding
// anyone else back, and comes back with `since`; catching up on many events, or joining a session
// with a large flip chart, is not mistaken for being slow.
#include "support/live_meeting.hpp"
#include "support/server_process.hpp"

#include <boost/json.hpp>
#include <gtest/gtest.h>

#include <algorithm>

namespace intervisie::server::testing {
namespace {

// Proposals of `text_of(i)` from `member`, sent in chunks without waiting for each answer (but
// for each chunk's), until `enough()` or `most` have been sent. Returns how many were sent; every
// one must be acknowledged.
std::size_t propose_many(
    Member& member, std::size_t most, const std::function<std::string(std::size_t)>& text_of,
    const std::function<bool()>& enough = [] { return false; }) {
  constexpr std::size_t chunk = 50;
  const std::size_t answered_before = member.ws->answer_count();
  std::size_t sent = 0;
  while (sent < most && !enough()) {
    const std::size_t batch = std::min(chunk, most - sent);
    for (std::size_t i = 0; i < batch; ++i)
      member.ws->send_command(command("propose_issue", {{"text", text_of(sent + i)}}));
    sent += batch;
    member.ws->wait_until([&] { return member.ws->answer_count() >= answered_before + sent; },
                          std::to_string(sent) + " answers");
  }
  const auto answers = wait_answers(*member.ws, answered_before + sent);
  EXPECT_TRUE(std::ranges::all_of(answers, [](const Json& answer) {
    return type_of(answer) == "ack";
  })) << "a proposal was refused";
  return sent;
}

std::string ascii_text(std::size_t i) {
  return std::to_string(i) + " " + std::string(3990, 'x');
}

// 4000 characters, nearly all of four bytes: about the largest text a client may send.
std::string widest_text(std::size_t i) {
  std::string text = std::to_string(i) + " ";
  for (std::size_t characters = text.size(); characters < 4000; ++characters)
    text += "\xf0\x9d\x84\x9e"; // U+1D11E, the G clef
  return text;
}

// Whether a presence message after the first `from` messages leaves `id` out.
bool has_presence_without(const WsClient& client, std::size_t from, std::uint32_t id) {
  return std::any_of(client.received().begin() + static_cast<std::ptrdiff_t>(from),
                     client.received().end(), [&](const Json& message) {
                       if (type_of(message) != "presence")
                         return false;
                       const auto& connected = field(message, "connected").as_array();
                       return std::ranges::find(connected, Json(id)) == connected.end();
                     });
}

TEST(LiveBackpressure, ASlowClientIsDisconnectedWithoutHoldingUpTheOthersAndResumes) {
  ServerProcess server;
  LiveMeeting m(server.port(), "incident", {"Fenna", "Pieter", "Anna"});
  m.connect_all();
  Member& fenna = m.named("Fenna");
  Member& pieter = m.named("Pieter");
  Member& anna = m.named("Anna");
  const std::uint64_t first = anna.ws->last_seq();
  m.ok(fenna, command("start"));

  // Anna stops reading. Pieter goes on, and is answered all along, until Fenna hears that
  // Anna is gone.
  const std::size_t heard = fenna.ws->received().size();
  const std::size_t sent = propose_many(pieter, 8000, ascii_text, [&] {
    fenna.ws->poll();
    return has_presence_without(*fenna.ws, heard, anna.id);
  });
  ASSERT_TRUE(has_presence_without(*fenna.ws, heard, anna.id))
      << "Anna was never disconnected, after " << sent << " proposals";
  const std::uint64_t last = m.ok(fenna, command("adjust_time", {{"seconds", 60}}));

  // What Anna has is a gapless prefix of the session; then her connection ended.
  EXPECT_TRUE(anna.ws->wait_closed(10s).has_value());
  const std::uint64_t had = anna.ws->last_seq();
  ASSERT_LT(had, last);
  expect_stream(*anna.ws, seqs_from_to(first + 1, had), "Anna, before she fell behind");

  // She resumes and catches up on everything she missed.
  m.connect(anna, had);
  anna.ws->wait_seq(last, 20s);
  expect_stream(*anna.ws, seqs_from_to(had + 1, last), "Anna, catching up");
  EXPECT_FALSE(anna.ws->closed());
}

// A client that stops reading is dropped once 512 messages wait for it, not megabytes later:
// the server's kernel holds at most 16 KiB for it that it has not sent. Left to itself, Linux
// grows a send buffer to 4 MiB first (tcp_wmem), which a thousand such clients turn into
// gigabytes of kernel memory.
TEST(LiveBackpressure, AClientThatStopsReadingIsDroppedWhenItsQueueIsFullNotMegabytesLater) {
  ServerProcess server;
  LiveMeeting m(server.port(), "incident", {"Fenna", "Pieter", "Anna"});
  m.connect_all();
  Member& fenna = m.named("Fenna");
  Member& pieter = m.named("Pieter");
  Member& anna = m.named("Anna");
  const std::uint64_t first = anna.ws->last_seq();
  m.ok(fenna, command("start"));

  // Anna stops reading; every proposal is an event of 4 KiB for her.
  const std::size_t heard = fenna.ws->received().size();
  const std::size_t sent = propose_many(pieter, 4000, ascii_text, [&] {
    fenna.ws->poll();
    return has_presence_without(*fenna.ws, heard, anna.id);
  });
  ASSERT_TRUE(has_presence_without(*fenna.ws, heard, anna.id))
      << "Anna was never disconnected, after " << sent << " proposals";
  // Her queue's 512, what the kernels hold for her, and the proposals on their way before
  // Fenna heard: 550 to 750. With 4 MiB in the server's kernel first, 1,500.
  EXPECT_LT(sent, 1024u);

  // What reaches her after all is what the kernels held: her receive buffer and the little the
  // server's kernel had not sent, some 30 events of 4 KiB. With 4 MiB there, 950.
  EXPECT_TRUE(anna.ws->wait_closed(10s).has_value());
  EXPECT_LT(anna.ws->last_seq() - first, 256u);
}

TEST(LiveBackpressure, CatchingUpOnManyEventsIsNotBeingSlow) {
  ServerProcess server;
  LiveMeeting m(server.port(), "incident", {"Fenna", "Pieter", "Anna"});
  m.connect_all();
  Member& pieter = m.named("Pieter");
  Member& anna = m.named("Anna");
  const std::uint64_t started = m.ok(m.named("Fenna"), command("start"));
  anna.ws->wait_seq(started);
  anna.ws->close();

  // More events than a connection's outgoing queue holds at once.
  propose_many(pieter, 1500, [](std::size_t i) { return "Voorstel " + std::to_string(i); });
  const std::uint64_t last = m.ok(pieter, command("propose_issue", {{"text", "Het laatste."}}));

  m.connect(anna, started);
  anna.ws->wait_seq(last, 20s);
  expect_stream(*anna.ws, seqs_from_to(started + 1, last), "Anna, catching up");
}

TEST(LiveBackpressure, ASessionWithALargeFlipChartCanStillBeJoined) {
  ServerProcess server;
  LiveMeeting m(server.port(), "incident", {"Fenna", "Pieter"});
  Member& pieter = m.named("Pieter");
  m.connect(pieter);
  m.connect(m.facilitator());
  m.ok(m.facilitator(), command("start"));
  m.facilitator().ws->close();

  // The largest texts, many of them: the flip chart grows past 4 MiB.
  constexpr std::size_t proposals = 300;
  propose_many(pieter, proposals, widest_text);

  // Whoever opens the session now gets it whole, in one snapshot.
  const Json snapshot = m.snapshot(m.facilitator());
  EXPECT_EQ(field(field(field(snapshot, "state"), "flip_chart"), "candidates").as_array().size(),
            proposals);
}

} // namespace
} // namespace intervisie::server::testing
