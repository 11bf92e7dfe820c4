// SPDX-License-Identifier: EUPL-1.2
// The views of one session's patch subscribers (docs/protocol.md, stream=patches): what each of
// them holds now, and the patch that brings it to the session's next state.
//
// Only the flip chart's lists grow with a meeting. They are compared item by item with the
// lists as last shown (texts compare as bytes, nothing is made of an unchanged item), and only
// a changed item becomes an operation, once per way of cutting the lists. The rest of a view is
// bounded by the group and the method: it is made once per cut of the state, and each of its
// fields is replaced whole when its digest changed. A viewer holds only those digests, not its
// view, so an idle connection costs a few hundred bytes here. A viewer's patch costs the size of
// the change, not of the meeting.
#pragma once

#include "core/session/session_state.hpp"
#include "core/session/view.hpp"

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <boost/json/value.hpp>

#include <array>
#include <compare>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace intervisie::server {

class ViewPatches {
public:
  // Who sees the same view apart from their own fields: the same cut of the state, and the
  // coach's marks on the questions or not (the facilitator's alone).
  struct Key {
    core::ViewCut cut;
    bool marked = false;
    auto operator<=>(const Key&) const = default;
  };
  // The coach's mark on a question (null: none).
  using MarkOf = std::function<boost::json::value(const core::Question&)>;
  // What the session adds to the view of its state.
  struct Context {
    core::Instant now;
    boost::json::array connected;
    boost::json::value join_code;
    std::function<Key(core::ParticipantId)> key_of;
    // The viewer's own fields ("you", "may", …), given the state as its cut shows it.
    std::function<boost::json::object(const core::SessionState& viewed, core::ParticipantId)>
        own_of;
    MarkOf mark_of;
  };
  struct Patch {
    core::ParticipantId viewer;
    std::string operations; // a JSON Patch's operations without the brackets; never empty
  };
  struct Update {
    std::vector<Patch> patches;
    boost::json::object whole; // the view of `whole_for`, when asked
  };

  // Brings every viewer's view to `state`, and returns the patch of each whose view changed.
  // A viewer seen for the first time starts from the view it has now and gets no patch;
  // viewers not listed are forgotten. `whole_for` (one of the viewers) gets its view whole, as
  // the others' patches leave it: a new connection's snapshot. The state's growing lists are
  // borrowed for a moment (to copy the rest without them) and are back when this returns.
  Update update(core::SessionState& state, std::span<const core::ParticipantId> viewers,
                const Context& context,
                std::optional<core::ParticipantId> whole_for = std::nullopt);

  void clear();

  // A field of a view (a JSON Pointer, e.g. "/step" or "/flip_chart/drafts", by number) and the
  // digest of its value as last sent.
  struct Field {
    std::uint16_t name = 0;
    std::array<unsigned char, 16> digest{};
    bool operator==(const Field&) const = default;
  };
  using Fields = std::vector<Field>;

private:
  struct ListKey {
    core::ListCut cut;
    bool marked = false;
    auto operator<=>(const ListKey&) const = default;
  };
  struct Held {
    core::ViewCut cut;
    ListKey lists;
    std::shared_ptr<const Fields> bounded; // shared by every viewer of the cut
    Fields own;
  };

  // The lists as the viewers hold them: only the growing lists of this state are filled.
  core::SessionState shown_;
  std::map<core::ParticipantId, Held> held_;
};

} // namespace intervisie::server
