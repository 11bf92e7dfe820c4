// SPDX-License-Identifier: EUPL-1.2
// The route table: a request is matched by its method and its whole path, in one place; a
// placeholder takes exactly one segment, and a path no route has is nobody's (never read out of
// range, as GET /api/groups/{id}/cases once was).
#include "server/http/route_table.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace intervisie::server {
namespace {

using boost::beast::http::verb;

const RouteTable<std::string>& table() {
  static const RouteTable<std::string> routes{
      {verb::get, "/api/groups/{group}", "show group"},
      {verb::delete_, "/api/groups/{group}/invitations/{invitation}", "revoke"},
      {verb::get, "/api/groups/{group}/cases/{case}/report", "report"},
      {verb::post, "/api/meetings/{meeting}/cases", "start case"},
      {verb::post, "/api/meetings/{meeting}/{action}", "any other action"},
  };
  return routes;
}

std::string handler_of(verb method, const std::vector<std::string>& segments) {
  const auto found = table().match(method, segments);
  return found ? *found->handler : "none";
}

TEST(RouteTable, APlaceholderHandsOnTheSegmentItMatchedByName) {
  const auto found = table().match(verb::delete_, {"api", "groups", "g1", "invitations", "i7"});
  ASSERT_TRUE(found);
  EXPECT_EQ(*found->handler, "revoke");
  EXPECT_EQ(found->params["group"], "g1");
  EXPECT_EQ(found->params["invitation"], "i7");
  EXPECT_THROW((void)found->params["meeting"], std::out_of_range) << "not in this pattern";
}

TEST(RouteTable, TheMethodMustMatchToo) {
  EXPECT_EQ(handler_of(verb::get, {"api", "groups", "g1"}), "show group");
  EXPECT_EQ(handler_of(verb::post, {"api", "groups", "g1"}), "none");
  EXPECT_EQ(handler_of(verb::get, {"api", "groups", "g1", "invitations", "i7"}), "none");
}

TEST(RouteTable, TheWholePathMustMatchNeitherLessNorMore) {
  EXPECT_EQ(handler_of(verb::get, {"api", "groups"}), "none");
  EXPECT_EQ(handler_of(verb::get, {"api", "groups", "g1", "cases"}), "none");
  EXPECT_EQ(handler_of(verb::get, {"api", "groups", "g1", "cases", "s1"}), "none");
  EXPECT_EQ(handler_of(verb::get, {"api", "groups", "g1", "cases", "s1", "report"}), "report");
  EXPECT_EQ(handler_of(verb::get, {"api", "groups", "g1", "cases", "s1", "report", "x"}), "none");
  EXPECT_EQ(handler_of(verb::get, {"api", "groups", "g1", "cases", "s1", "content"}), "none");
}

TEST(RouteTable, TheFirstRouteThatMatchesWins) {
  EXPECT_EQ(handler_of(verb::post, {"api", "meetings", "m1", "cases"}), "start case");
  const auto other = table().match(verb::post, {"api", "meetings", "m1", "signup"});
  ASSERT_TRUE(other);
  EXPECT_EQ(*other->handler, "any other action");
  EXPECT_EQ(other->params["action"], "signup");
}

TEST(RouteTable, APatternWithoutPlaceholdersMatchesOnlyItself) {
  const RouteTable<int> routes{{verb::post, "/api/groups", 1}};
  EXPECT_TRUE(routes.match(verb::post, {"api", "groups"}));
  EXPECT_FALSE(routes.match(verb::post, {"api", "group"}));
  EXPECT_FALSE(routes.match(verb::post, {"api"}));
  EXPECT_FALSE(routes.match(verb::post, {}));
}

} // namespace
} // namespace intervisie::server
