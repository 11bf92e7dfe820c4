#include "server/live/view_patches.hpp"

#include "server/codec/json_patch.hpp"
#include "server/codec/state_json.hpp"

#include <boost/json/serialize.hpp>

#include <algorithm>
#include <string_view>
#include <utility>

namespace intervisie::server {
namespace {

using boost::json::array;
using boost::json::object;
using boost::json::value;

// The flip chart's lists that grow through a meeting, by their name under "flip_chart". The
// statements stay with the bounded part: the floor reads the last of them, and there are few.
template <class Visit> void each_list(Visit&& visit) {
  visit(std::string_view("questions"), &core::SessionState::questions);
  visit(std::string_view("observations"), &core::SessionState::observations);
  visit(std::string_view("reflections"), &core::SessionState::reflections);
  visit(std::string_view("advice"), &core::SessionState::advice);
  visit(std::string_view("closing_remarks"), &core::SessionState::closing_remarks);
  visit(std::string_view("notes"), &core::SessionState::notes);
  visit(std::string_view("private_notes"), &core::SessionState::private_notes);
}

bool shows(std::string_view list, const core::ListCut& cut) {
  return !cut.hidden && (list != "private_notes" || cut.presenter_private);
}

value item_json(const core::Question& question, const core::ListCut& cut, bool marked,
                const ViewPatches::MarkOf& mark_of) {
  object json = question_to_json(core::view(question, cut));
  if (marked)
    if (value mark = mark_of(question); !mark.is_null())
      json["coach"] = std::move(mark);
  return json;
}
value item_json(const core::Observation& item, const core::ListCut&, bool,
                const ViewPatches::MarkOf&) {
  return observation_to_json(item);
}
value item_json(const core::Reflection& item, const core::ListCut&, bool,
                const ViewPatches::MarkOf&) {
  return reflection_to_json(item);
}
value item_json(const core::Advice& item, const core::ListCut&, bool, const ViewPatches::MarkOf&) {
  return advice_to_json(item);
}
value item_json(const core::ClosingRemark& item, const core::ListCut&, bool,
                const ViewPatches::MarkOf&) {
  return closing_remark_to_json(item);
}
value item_json(const core::Note& item, const core::ListCut&, bool, const ViewPatches::MarkOf&) {
  return note_to_json(item);
}
value item_json(const std::string& text, const core::ListCut&, bool, const ViewPatches::MarkOf&) {
  return value(text);
}

// Every growing list of `state` as a viewer with this cut sees it, each under its name.
void set_lists(object& flip_chart, const core::SessionState& state, const core::ListCut& cut,
               bool marked, const ViewPatches::MarkOf& mark_of) {
  each_list([&](std::string_view name, auto member) {
    array items;
    if (shows(name, cut))
      for (const auto& item : state.*member)
        items.push_back(item_json(item, cut, marked, mark_of));
    flip_chart[name] = std::move(items);
  });
}

// Which items of one list differ between what was shown and the state now.
struct ListChange {
  std::vector<std::size_t> changed; // below both sizes
  std::size_t before = 0;
  std::size_t after = 0;
};

// Moves a state's growing lists out, and back when it ends: the rest of the state can then be
// copied at the cost of the group and the method, not of the meeting.
class BorrowedLists {
public:
  explicit BorrowedLists(core::SessionState& state) : state_(state) { swap(); }
  ~BorrowedLists() { swap(); }
  BorrowedLists(const BorrowedLists&) = delete;
  BorrowedLists& operator=(const BorrowedLists&) = delete;

private:
  void swap() {
    each_list([&](std::string_view, auto member) { std::swap(state_.*member, lists_.*member); });
  }
  core::SessionState& state_;
  core::SessionState lists_;
};

std::string operations_text(const array& operations) {
  if (operations.empty())
    return {};
  std::string text = boost::json::serialize(operations);
  return text.substr(1, text.size() - 2);
}

void join(std::string& into, std::string_view operations) {
  if (operations.empty())
    return;
  if (!into.empty())
    into += ',';
  into += operations;
}

std::string path_of(std::string_view list, std::size_t index) {
  std::string path = "/flip_chart/";
  path += list;
  path += '/';
  path += std::to_string(index);
  return path;
}

} // namespace

std::vector<ViewPatches::Patch> ViewPatches::update(core::SessionState& state,
                                                    std::span<const core::ParticipantId> viewers,
                                                    const Context& context) {
  std::erase_if(held_, [&](const auto& entry) {
    return std::ranges::find(viewers, entry.first) == viewers.end();
  });
  std::vector<Patch> patches;

  // What changed in the lists since they were last shown: compared once, for every viewer.
  std::vector<ListChange> changes;
  each_list([&](std::string_view, auto member) {
    const auto& before = shown_.*member;
    const auto& after = state.*member;
    ListChange change{.changed = {}, .before = before.size(), .after = after.size()};
    for (std::size_t i = 0; i < std::min(change.before, change.after); ++i)
      if (before[i] != after[i])
        change.changed.push_back(i);
    changes.push_back(std::move(change));
  });

  // A list key's operations when it held the same key before: only the changed items.
  const auto changed_items = [&](const ListKey& key) {
    array operations;
    std::size_t n = 0;
    each_list([&](std::string_view name, auto member) {
      const ListChange& change = changes[n++];
      if (!shows(name, key.cut))
        return;
      const auto& before = shown_.*member;
      const auto& after = state.*member;
      for (const std::size_t i : change.changed) {
        value now = item_json(after[i], key.cut, key.marked, context.mark_of);
        if (item_json(before[i], key.cut, key.marked, context.mark_of) != now)
          operations.push_back(
              object{{"op", "replace"}, {"path", path_of(name, i)}, {"value", std::move(now)}});
      }
      for (std::size_t i = change.before; i < change.after; ++i)
        operations.push_back(
            object{{"op", "add"},
                   {"path", path_of(name, i)},
                   {"value", item_json(after[i], key.cut, key.marked, context.mark_of)}});
      for (std::size_t i = change.before; i > change.after; --i)
        operations.push_back(object{{"op", "remove"}, {"path", path_of(name, i - 1)}});
    });
    return operations_text(operations);
  };
  // When a viewer's cut of the lists changed (a new presenter, the end of the meeting): the
  // lists whole, before and after. Rare, and bounded by the meeting.
  const auto whole_lists = [&](const ListKey& from, const ListKey& to) {
    object before{{"flip_chart", object{}}};
    object after{{"flip_chart", object{}}};
    set_lists(before["flip_chart"].as_object(), shown_, from.cut, from.marked, context.mark_of);
    set_lists(after["flip_chart"].as_object(), state, to.cut, to.marked, context.mark_of);
    return operations_text(json_patch(before, after));
  };

  // The bounded part, made once per cut from the state without its growing lists.
  core::SessionState light;
  {
    const BorrowedLists borrowed(state);
    light = state;
  }
  struct Made {
    core::SessionState viewed;
    std::shared_ptr<const object> bounded;
  };
  std::map<core::ViewCut, Made> made;
  std::map<std::pair<const object*, const object*>, std::string> bounded_changes;
  std::map<ListKey, std::string> item_changes;
  std::map<std::pair<ListKey, ListKey>, std::string> list_changes;
  // The bounded parts replaced here stay alive until the end, so no address is reused for a new
  // one while `bounded_changes` is keyed by addresses.
  std::vector<std::shared_ptr<const object>> replaced;
  std::string method_change;
  if (shown_.method != state.method) {
    method_ = method_to_json(state);
    array operations{object{{"op", "replace"}, {"path", "/method"}, {"value", method_}}};
    method_change = operations_text(operations);
  }

  for (const core::ParticipantId viewer : viewers) {
    const Key key = context.key_of(viewer);
    auto [entry, fresh] = made.try_emplace(key.cut);
    Made& view = entry->second;
    if (fresh) {
      view.viewed = core::view(light, key.cut);
      object bounded = shared_view_to_json(view.viewed, context.now, false);
      bounded["connected"] = context.connected;
      bounded["join_code"] = context.join_code;
      view.bounded = std::make_shared<const object>(std::move(bounded));
    }
    const ListKey lists{.cut = core::list_cut(key.cut), .marked = key.marked};
    object own = context.own_of(view.viewed, viewer);
    auto [place, first] = held_.try_emplace(viewer);
    Held& held = place->second;
    if (!first) {
      std::string operations;
      auto [bounded_change, unknown] =
          bounded_changes.try_emplace({held.bounded.get(), view.bounded.get()});
      if (unknown)
        bounded_change->second = operations_text(json_patch(*held.bounded, *view.bounded));
      join(operations, bounded_change->second);
      if (held.lists == lists) {
        auto [items, new_key] = item_changes.try_emplace(lists);
        if (new_key)
          items->second = changed_items(lists);
        join(operations, items->second);
      } else {
        auto [whole, new_pair] = list_changes.try_emplace({held.lists, lists});
        if (new_pair)
          whole->second = whole_lists(held.lists, lists);
        join(operations, whole->second);
      }
      join(operations, method_change);
      join(operations, operations_text(json_patch(held.own, own)));
      if (!operations.empty())
        patches.push_back(Patch{viewer, std::move(operations)});
      replaced.push_back(std::move(held.bounded));
    }
    held = Held{.cut = key.cut, .lists = lists, .bounded = view.bounded, .own = std::move(own)};
  }

  // The lists as shown now: only what changed is copied.
  std::size_t n = 0;
  each_list([&](std::string_view, auto member) {
    const ListChange& change = changes[n++];
    auto& shown = shown_.*member;
    const auto& now = state.*member;
    for (const std::size_t i : change.changed)
      shown[i] = now[i];
    shown.resize(std::min(shown.size(), change.after));
    shown.insert(shown.end(), now.begin() + static_cast<std::ptrdiff_t>(shown.size()), now.end());
  });
  shown_.method = state.method;
  return patches;
}

object ViewPatches::held(core::ParticipantId viewer, const MarkOf& mark_of) const {
  const Held& held = held_.at(viewer);
  object view = *held.bounded;
  view["method"] = method_;
  set_lists(view["flip_chart"].as_object(), shown_, held.lists.cut, held.lists.marked, mark_of);
  set_viewer_fields(view, held.own);
  return view;
}

void ViewPatches::clear() {
  held_.clear();
}

} // namespace intervisie::server
