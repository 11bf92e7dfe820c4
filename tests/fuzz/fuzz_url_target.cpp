// SPDX-License-Identifier: EUPL-1.2
// A request's target as the API reads it (src/server/http/api.cpp): Boost.URL's origin form, its
// decoded segments matched against the route table's patterns, and the query parameters the
// routes read ("token", "since", "lang", "stream", "text").
//   - Every segment and parameter decodes; a route that matches hands on exactly its segments.
#include "server/http/route_table.hpp"
#include "support/fuzz_support.hpp"

#include <boost/url/parse.hpp>

#include <algorithm>
#include <charconv>

namespace {

using namespace intervisie;
namespace http = boost::beast::http;

// The group routes' patterns (src/server/groups/group_routes.cpp), with their method.
const server::RouteTable<int>& routes() {
  static const server::RouteTable<int> table{
      {http::verb::get, "/api/calendar/{account}/{feed}", 0},
      {http::verb::post, "/api/groups", 1},
      {http::verb::get, "/api/groups/{group}", 2},
      {http::verb::delete_, "/api/groups/{group}/cases/{case}/content", 3},
      {http::verb::get, "/api/groups/{group}/cases/{case}/report", 4},
      {http::verb::post, "/api/groups/{group}/invitations", 5},
      {http::verb::delete_, "/api/groups/{group}/invitations/{invitation}", 6},
      {http::verb::post, "/api/groups/{group}/leave", 7},
      {http::verb::post, "/api/groups/{group}/meetings", 8},
      {http::verb::post, "/api/groups/{group}/retention", 9},
      {http::verb::get, "/api/invitations/{token}", 10},
      {http::verb::post, "/api/invitations/{token}/accept", 11},
      {http::verb::get, "/api/meetings/{meeting}", 12},
      {http::verb::post, "/api/meetings/{meeting}/answers", 13},
      {http::verb::get, "/api/meetings/{meeting}/calendar.ics", 14},
      {http::verb::post, "/api/meetings/{meeting}/cases", 15},
      {http::verb::post, "/api/meetings/{meeting}/cases/{case}/participants", 16},
      {http::verb::post, "/api/meetings/{meeting}/follow-ups", 17},
  };
  return table;
}

// The placeholders of each pattern above, by the route's number.
std::vector<std::string_view> placeholders(int route) {
  switch (route) {
  case 0:
    return {"account", "feed"};
  case 2:
  case 5:
  case 7:
  case 8:
  case 9:
    return {"group"};
  case 3:
  case 4:
    return {"group", "case"};
  case 6:
    return {"group", "invitation"};
  case 10:
  case 11:
    return {"token"};
  case 16:
    return {"meeting", "case"};
  case 1:
    return {};
  default:
    return {"meeting"};
  }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const auto url = boost::urls::parse_origin_form(fuzz::text_of(data, size));
  if (!url)
    return 0;
  std::vector<std::string> segments;
  for (const auto& segment : url->segments())
    segments.push_back(segment);
  (void)url->path(); // what a page request looks up in the web app's files

  for (const auto method : {http::verb::get, http::verb::post, http::verb::delete_}) {
    const auto match = routes().match(method, segments);
    if (!match)
      continue;
    // Every placeholder of the route that matched has a value: one of the segments.
    for (const std::string_view name : placeholders(*match->handler)) {
      const std::string& value = match->params[name];
      fuzz::require(std::ranges::find(segments, value) != segments.end(),
                    "a placeholder holds one of the path's segments", value);
    }
  }

  for (const auto& param : url->params()) {
    if (param.key == "since") {
      std::uint64_t since = 0;
      (void)std::from_chars(param.value.data(), param.value.data() + param.value.size(), since);
    }
    (void)param.has_value;
  }
  // Encoded and decoded views of the query agree on how many parameters there are.
  fuzz::require(url->params().size() == url->encoded_params().size(),
                "decoded and encoded parameters agree");
  return 0;
}
