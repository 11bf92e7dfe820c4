// SPDX-License-Identifier: EUPL-1.2
// A patch stream is only as good as its diff: applying the patch to the old view must give the
// new view exactly, whatever changed, and a view that did not change costs nothing.
#include "server/codec/json_patch.hpp"
#include "support/json_patch_apply.hpp"

#include <boost/json.hpp>
#include <gtest/gtest.h>

#include <random>
#include <string>

namespace intervisie::server::testing {
namespace {

using boost::json::array;
using boost::json::object;
using boost::json::parse;
using boost::json::value;

value patched(value document, const array& patch) {
  apply_json_patch(document, patch);
  return document;
}

TEST(JsonPatch, AnUnchangedViewNeedsNoPatch) {
  const value view = parse(R"({"version":3,"flip_chart":{"questions":[{"id":1,"text":"Wat?"}]}})");
  EXPECT_TRUE(json_patch(view, view).empty());
}

TEST(JsonPatch, ANewQuestionIsOneAddAtTheEndOfTheList) {
  const value before = parse(R"({"version":3,"questions":[{"id":1,"text":"Wat?"}]})");
  const value after =
      parse(R"({"version":4,"questions":[{"id":1,"text":"Wat?"},{"id":2,"text":"Hoe?"}]})");
  EXPECT_EQ(value(json_patch(before, after)), parse(R"([
    {"op":"replace","path":"/version","value":4},
    {"op":"add","path":"/questions/1","value":{"id":2,"text":"Hoe?"}}])"));
}

TEST(JsonPatch, AChangedFieldDeepInsideIsReplacedAloneAndKeysComeAndGo) {
  const value before = parse(R"({"turn":{"holder":2,"round":1},"may":["pass"],"next_step":{}})");
  const value after = parse(R"({"turn":{"holder":3,"round":1},"may":[],"timer":null})");
  EXPECT_EQ(value(json_patch(before, after)), parse(R"([
    {"op":"replace","path":"/turn/holder","value":3},
    {"op":"remove","path":"/may/0"},
    {"op":"remove","path":"/next_step"},
    {"op":"add","path":"/timer","value":null}])"));
}

TEST(JsonPatch, KeysWithSlashesAndTildesAreEscaped) {
  const value before = parse(R"({"a/b":1,"c~d":{"e":1}})");
  const value after = parse(R"({"a/b":2,"c~d":{"e":2}})");
  const array patch = json_patch(before, after);
  EXPECT_EQ(patch[0].at("path"), value("/a~1b"));
  EXPECT_EQ(patch[1].at("path"), value("/c~0d/e"));
  EXPECT_EQ(patched(before, patch), after);
}

TEST(JsonPatch, AShorterListLosesItsTailFromTheEnd) {
  const value before = parse(R"([1,2,3,4])");
  const value after = parse(R"([1,5])");
  EXPECT_EQ(patched(before, json_patch(before, after)), after);
}

TEST(JsonPatch, AValueThatChangesKindIsReplacedWhole) {
  const value before = parse(R"({"step":null,"timer":{"left_ms":5}})");
  const value after = parse(R"({"step":{"index":0},"timer":null})");
  EXPECT_EQ(patched(before, json_patch(before, after)), after);
  EXPECT_EQ(json_patch(before, after).size(), 2U);
}

// Random documents and random edits of them: the patch always leads to the edited document.
class RandomJson {
public:
  explicit RandomJson(unsigned seed) : random_(seed) {}

  value document(int depth = 0) {
    switch (pick(depth >= 3 ? 4 : 6)) {
    case 0:
      return nullptr;
    case 1:
      return pick(2) == 0;
    case 2:
      return static_cast<std::int64_t>(pick(7)) - 3;
    case 3:
      return value(key());
    case 4: {
      array list;
      for (int i = pick(5); i > 0; --i)
        list.push_back(document(depth + 1));
      return list;
    }
    default: {
      object map;
      for (int i = pick(5); i > 0; --i)
        map[key()] = document(depth + 1);
      return map;
    }
    }
  }

  // Changes, adds or removes things at random places.
  void edit(value& target, int depth = 0) {
    if (pick(4) == 0 || depth > 4) {
      target = document(depth);
      return;
    }
    if (target.is_object()) {
      object& map = target.as_object();
      if (pick(3) == 0)
        map[key()] = document(depth + 1);
      if (!map.empty() && pick(3) == 0)
        map.erase(map.begin() + pick(static_cast<int>(map.size())));
      for (auto& [name, inner] : map)
        if (pick(2) == 0)
          edit(inner, depth + 1);
    } else if (target.is_array()) {
      array& list = target.as_array();
      if (pick(3) == 0)
        list.insert(list.begin() + pick(static_cast<int>(list.size()) + 1), document(depth + 1));
      if (!list.empty() && pick(3) == 0)
        list.erase(list.begin() + pick(static_cast<int>(list.size())));
      for (value& inner : list)
        if (pick(2) == 0)
          edit(inner, depth + 1);
    }
  }

private:
  int pick(int below) { return std::uniform_int_distribution<int>(0, below - 1)(random_); }
  std::string key() {
    static constexpr std::string_view keys[] = {"a", "b", "0", "1", "a/b", "~", "~1", ""};
    return std::string(keys[pick(std::size(keys))]);
  }
  std::mt19937 random_;
};

TEST(JsonPatch, ThePatchOfAnyTwoDocumentsLeadsFromTheFirstToTheSecond) {
  RandomJson random(20261206);
  for (int i = 0; i < 20000; ++i) {
    const value before = random.document();
    value after = before;
    random.edit(after);
    const array patch = json_patch(before, after);
    ASSERT_EQ(patched(before, patch), after)
        << "from " << before << " to " << after << " by " << patch;
    if (before == after) {
      EXPECT_TRUE(patch.empty());
    }
  }
}

} // namespace
} // namespace intervisie::server::testing
