// SPDX-License-Identifier: EUPL-1.2
#include "server/live/view_patches.hpp"

#include "server/codec/json_patch.hpp"
#include "server/codec/state_json.hpp"

#include <boost/json/serialize.hpp>
#include <sodium.h>

#include <algorithm>
#include <mutex>
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

// The fields a view has, by number: a viewer holds numbers and digests, not names. The growing
// lists and the method are not among them (they are patched apart).
constexpr std::array<std::string_view, 34> known_fields{"/version",
                                                        "/phase",
                                                        "/finished",
                                                        "/finished_at",
                                                        "/title",
                                                        "/step",
                                                        "/visited_steps",
                                                        "/participants",
                                                        "/facilitator",
                                                        "/facilitator_takes_turns",
                                                        "/coach_hints",
                                                        "/contributions_override",
                                                        "/presenter",
                                                        "/scribe",
                                                        "/turn",
                                                        "/timer",
                                                        "/disturbance",
                                                        "/paused",
                                                        "/paused_since",
                                                        "/warnings",
                                                        "/returns",
                                                        "/floor",
                                                        "/connected",
                                                        "/join_code",
                                                        "/you",
                                                        "/may",
                                                        "/may_for",
                                                        "/next_step",
                                                        "/flip_chart/candidates",
                                                        "/flip_chart/chosen",
                                                        "/flip_chart/statement",
                                                        "/flip_chart/statements",
                                                        "/flip_chart/drafts",
                                                        "/flip_chart/reaction"};

// A field the list above lacks still works: it gets a number for the life of the process.
class OtherFields {
public:
  static OtherFields& instance() {
    static OtherFields fields;
    return fields;
  }
  std::uint16_t number(std::string_view name) {
    const std::scoped_lock lock(mutex_);
    auto found = std::ranges::find(names_, name);
    if (found == names_.end())
      found = names_.insert(names_.end(), std::string(name));
    return static_cast<std::uint16_t>(known_fields.size() +
                                      static_cast<std::size_t>(found - names_.begin()));
  }
  std::string name(std::uint16_t number) {
    const std::scoped_lock lock(mutex_);
    return names_.at(number - known_fields.size());
  }

private:
  std::mutex mutex_;
  std::vector<std::string> names_;
};

std::uint16_t field_number(std::string_view name) {
  for (std::size_t i = 0; i < known_fields.size(); ++i)
    if (known_fields[i] == name)
      return static_cast<std::uint16_t>(i);
  return OtherFields::instance().number(name);
}

std::string field_name(std::uint16_t number) {
  if (number < known_fields.size())
    return std::string(known_fields[number]);
  return OtherFields::instance().name(number);
}

// A view's fields, each with its value as text: what a patch sends when the field changed.
struct MadeFields {
  std::shared_ptr<const ViewPatches::Fields> fields;
  std::vector<std::string> texts; // by position in *fields
};

void add_field(ViewPatches::Fields& fields, std::vector<std::string>& texts, std::string_view name,
               const value& field) {
  std::string text = boost::json::serialize(field);
  ViewPatches::Field made{.name = field_number(name), .digest = {}};
  crypto_generichash(made.digest.data(), made.digest.size(),
                     reinterpret_cast<const unsigned char*>(text.data()), text.size(), nullptr, 0);
  fields.push_back(made);
  texts.push_back(std::move(text));
}

// The bounded part's fields ("you" there is only a placeholder; the viewer's own fields say it).
MadeFields bounded_fields(const object& bounded) {
  ViewPatches::Fields fields;
  std::vector<std::string> texts;
  std::string name;
  for (const auto& [key, field] : bounded) {
    if (key == "method" || key == "you")
      continue;
    if (key == "flip_chart") {
      for (const auto& [list, items] : field.as_object()) {
        bool growing = false;
        each_list([&](std::string_view name_of_list, auto) { growing |= name_of_list == list; });
        if (!growing)
          add_field(fields, texts, "/flip_chart/" + std::string(list), items);
      }
      continue;
    }
    name.assign("/").append(key);
    add_field(fields, texts, name, field);
  }
  return {std::make_shared<const ViewPatches::Fields>(std::move(fields)), std::move(texts)};
}

MadeFields own_fields(const object& own) {
  ViewPatches::Fields fields;
  std::vector<std::string> texts;
  for (const auto& [key, field] : own)
    add_field(fields, texts, "/" + std::string(key), field);
  return {std::make_shared<const ViewPatches::Fields>(std::move(fields)), std::move(texts)};
}

// What turns the fields `before` into `after`: each new or changed field whole, each gone one
// removed.
std::string field_operations(const ViewPatches::Fields& before, const MadeFields& after) {
  std::string operations;
  const ViewPatches::Fields& now = *after.fields;
  for (std::size_t i = 0; i < now.size(); ++i) {
    const auto old = std::ranges::find(before, now[i].name, &ViewPatches::Field::name);
    if (old != before.end() && old->digest == now[i].digest)
      continue;
    const char* op = old == before.end() ? "add" : "replace";
    join(operations, R"({"op":")" + std::string(op) + R"(","path":")" + field_name(now[i].name) +
                         R"(","value":)" + after.texts[i] + "}");
  }
  for (const ViewPatches::Field& old : before)
    if (std::ranges::find(now, old.name, &ViewPatches::Field::name) == now.end())
      join(operations, R"({"op":"remove","path":")" + field_name(old.name) + R"("})");
  return operations;
}

} // namespace

ViewPatches::Update ViewPatches::update(core::SessionState& state,
                                        std::span<const core::ParticipantId> viewers,
                                        const Context& context,
                                        std::optional<core::ParticipantId> whole_for) {
  std::erase_if(held_, [&](const auto& entry) {
    return std::ranges::find(viewers, entry.first) == viewers.end();
  });
  Update result;

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
    object bounded;
    MadeFields fields;
  };
  std::map<core::ViewCut, Made> made;
  std::map<std::pair<const Fields*, const Fields*>, std::string> bounded_changes;
  std::map<ListKey, std::string> item_changes;
  std::map<std::pair<ListKey, ListKey>, std::string> list_changes;
  // The fields replaced here stay alive until the end, so no address is reused for new ones
  // while `bounded_changes` is keyed by addresses.
  std::vector<std::shared_ptr<const Fields>> replaced;
  std::string method_change;
  if (shown_.method != state.method) {
    method_change = R"({"op":"replace","path":"/method","value":)" +
                    boost::json::serialize(method_to_json(state)) + "}";
    shown_.method = state.method;
  }

  for (const core::ParticipantId viewer : viewers) {
    const Key key = context.key_of(viewer);
    auto [entry, fresh] = made.try_emplace(key.cut);
    Made& view = entry->second;
    if (fresh) {
      view.viewed = core::view(light, key.cut);
      view.bounded = shared_view_to_json(view.viewed, context.now, false);
      view.bounded["connected"] = context.connected;
      view.bounded["join_code"] = context.join_code;
      view.fields = bounded_fields(view.bounded);
    }
    const ListKey lists{.cut = core::list_cut(key.cut), .marked = key.marked};
    object own = context.own_of(view.viewed, viewer);
    const MadeFields own_made = own_fields(own);
    if (whole_for == viewer) {
      result.whole = view.bounded;
      result.whole["method"] = method_to_json(state);
      set_lists(result.whole["flip_chart"].as_object(), state, lists.cut, lists.marked,
                context.mark_of);
      set_viewer_fields(result.whole, std::move(own));
    }
    auto [place, first] = held_.try_emplace(viewer);
    Held& held = place->second;
    if (!first) {
      std::string operations;
      auto [bounded_change, unknown] =
          bounded_changes.try_emplace({held.bounded.get(), view.fields.fields.get()});
      if (unknown)
        bounded_change->second = field_operations(*held.bounded, view.fields);
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
      join(operations, field_operations(held.own, own_made));
      if (!operations.empty())
        result.patches.push_back(Patch{viewer, std::move(operations)});
      replaced.push_back(std::move(held.bounded));
    }
    held = Held{.cut = key.cut,
                .lists = lists,
                .bounded = view.fields.fields,
                .own = Fields(*own_made.fields)};
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
  return result;
}

void ViewPatches::clear() {
  held_.clear();
}

} // namespace intervisie::server
