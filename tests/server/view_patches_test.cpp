// SPDX-License-Identifier: EUPL-1.2
// The patch stream's views over hundreds of random meetings (every method, every kind of event,
// presenters chosen and changed, drafts shared, the end with its forgotten case): after every
// command, each viewer's view with its patch applied is exactly the view made whole from the
// state, and nobody gets a patch that changes nothing.
#include "core/random_session.hpp"
#include "server/codec/state_json.hpp"
#include "server/live/view_patches.hpp"
#include "support/json_patch_apply.hpp"

#include <boost/json.hpp>
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <optional>
#include <vector>

namespace intervisie::server::testing {
namespace {

using core::ParticipantId;
using core::SessionState;

constexpr std::uint32_t first_seed = 20260001;
constexpr std::uint32_t session_count = 200;
// No participant has this id: the shared screen.
constexpr ParticipantId shared_screen{1'000'000};

// A stand-in for the coach: it flags every question with an even number of bytes.
boost::json::value mark_of(const core::Question& question) {
  return question.text.size() % 2 == 0 ? boost::json::value("flagged") : boost::json::value();
}

ViewPatches::Key key_of(const SessionState& state, ParticipantId viewer) {
  return {.cut = core::view_cut(state, viewer),
          .marked = state.coach_hints && viewer == state.facilitator};
}

boost::json::object own_of(const SessionState& viewed, ParticipantId viewer) {
  return viewer_to_json(viewed, viewer);
}

// The view made whole, the way a snapshot is made.
boost::json::value whole_view(const SessionState& state, ParticipantId viewer, core::Instant now) {
  const ViewPatches::Key key = key_of(state, viewer);
  const SessionState viewed = core::view(state, key.cut);
  boost::json::object view = shared_view_to_json(viewed, now);
  view["connected"] = boost::json::array{7};
  view["join_code"] = "ABCD-1234";
  if (key.marked)
    for (boost::json::value& item : view["flip_chart"].as_object()["questions"].as_array()) {
      const auto id = item.as_object()["id"].to_number<std::uint32_t>();
      if (auto mark = mark_of(*state.find_question(core::QuestionId{id})); !mark.is_null())
        item.as_object()["coach"] = mark;
    }
  set_viewer_fields(view, own_of(viewed, viewer));
  return view;
}

struct Watch {
  ViewPatches patches;
  std::map<ParticipantId, boost::json::value> folded; // what each viewer's screen shows
  std::size_t commands = 0;
  std::size_t patches_sent = 0;
  std::size_t whole_views_checked = 0;
};

void check(Watch& watch, const SessionState& state, core::Instant now, std::uint32_t seed) {
  ++watch.commands;
  // Everyone watches, the shared screen too; now and then someone's phone is off for a while.
  std::vector<ParticipantId> viewers{shared_screen};
  for (const core::Participant& participant : state.participants)
    if ((participant.id.value + watch.commands / 7) % 5 != 0)
      viewers.push_back(participant.id);
  std::erase_if(watch.folded, [&](const auto& entry) {
    return std::ranges::find(viewers, entry.first) == viewers.end();
  });

  SessionState borrowed = state;
  const ViewPatches::Context context{
      .now = now,
      .connected = boost::json::array{7},
      .join_code = "ABCD-1234",
      .key_of = [&](ParticipantId viewer) { return key_of(state, viewer); },
      .own_of = own_of,
      .mark_of = mark_of,
  };
  // Each new screen gets its view whole; a second update of the same state sends nothing.
  std::vector<ParticipantId> newcomers;
  for (const ParticipantId viewer : viewers)
    if (!watch.folded.contains(viewer))
      newcomers.push_back(viewer);
  for (std::size_t round = 0; round < std::max<std::size_t>(newcomers.size(), 1); ++round) {
    const auto whole_for =
        newcomers.empty() ? std::nullopt : std::optional<ParticipantId>(newcomers[round]);
    auto update = watch.patches.update(borrowed, viewers, context, whole_for);
    ASSERT_EQ(borrowed, state) << "seed " << seed << ": the lists came back";
    if (round > 0) {
      EXPECT_TRUE(update.patches.empty()) << "seed " << seed << ": a patch with nothing changed";
    }
    for (const ViewPatches::Patch& patch : update.patches) {
      ++watch.patches_sent;
      ASSERT_TRUE(watch.folded.contains(patch.viewer))
          << "seed " << seed << ": a patch to a newcomer";
      boost::json::value& screen = watch.folded[patch.viewer];
      const boost::json::value before = screen;
      apply_json_patch(screen, boost::json::parse("[" + patch.operations + "]").as_array());
      EXPECT_NE(screen, before) << "seed " << seed << ": a patch that changes nothing for "
                                << patch.viewer.value << ": " << patch.operations;
    }
    if (whole_for)
      watch.folded[*whole_for] = std::move(update.whole);
  }
  for (const ParticipantId viewer : viewers) {
    ++watch.whole_views_checked;
    ASSERT_EQ(watch.folded.at(viewer), whole_view(state, viewer, now))
        << "seed " << seed << ", viewer " << viewer.value << ", after command " << watch.commands;
  }
}

TEST(ViewPatches, FoldingEveryPatchGivesTheWholeViewInRandomMeetings) {
  const std::vector<std::shared_ptr<const core::Method>> methods{
      core::testing::shipped_method("incident"), core::testing::shipped_method("balint"),
      core::testing::shipped_method("fresh-questioning")};
  core::testing::Stats stats;
  std::size_t commands = 0;
  std::size_t patches_sent = 0;
  std::size_t checked = 0;
  for (std::uint32_t seed = first_seed; seed < first_seed + session_count; ++seed) {
    core::testing::RandomSession session(seed, methods[seed % methods.size()], stats, false);
    Watch watch;
    session.watch([&](const SessionState& state, core::Instant now) {
      if (!::testing::Test::HasFatalFailure())
        check(watch, state, now, seed);
    });
    session.run();
    ASSERT_FALSE(::testing::Test::HasFatalFailure());
    commands += watch.commands;
    patches_sent += watch.patches_sent;
    checked += watch.whole_views_checked;
  }
  EXPECT_EQ(stats.failed_sessions, 0);
  for (const auto& [id, count] : stats.sessions)
    EXPECT_GE(stats.finished[id] * 2, count) << id << ": too few meetings reach their end";
  std::cout << "random meetings: " << session_count << ", accepted commands: " << commands
            << ", patches: " << patches_sent << ", views compared whole: " << checked << "\n";
}

} // namespace
} // namespace intervisie::server::testing
