// SPDX-License-Identifier: EUPL-1.2
// A request's target as the API reads it (src/server/http/api.cpp): Boost.URL's origin form, its
// decoded segments matched against the route table's patterns, the query parameters the routes
// read (query_params: the live connection's, the report's language, the QR code's text, and the
// QR code made of it), and the decoded path looked up in the web app's files (StaticSite::find).
//   - Every segment and parameter decodes; a route that matches hands on exactly its segments.
//   - A live query that reads, written back as the web app writes a query, reads the same.
//   - The QR code of a text of 1 to max_qr_text_bytes is an SVG image (texts up to 96 bytes are
//     encoded: a long one takes milliseconds); of any other, a refusal.
//   - The web app's lookup gives the file at exactly that path, or the app's index.html, or
//     nothing: never a file outside the web directory, a dot-file or one behind a symbolic link.
#include "server/http/qr_svg.hpp"
#include "server/http/query_params.hpp"
#include "server/http/route_table.hpp"
#include "server/http/static_site.hpp"
#include "support/fuzz_support.hpp"

#include <boost/url/encode.hpp>
#include <boost/url/parse.hpp>
#include <boost/url/rfc/unreserved_chars.hpp>

#include <algorithm>
#include <array>
#include <filesystem>
#include <fstream>
#include <map>
#include <unistd.h>

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

// A web directory beside things it must never serve: a file outside it, dot-files, and symbolic
// links that lead out (StaticSite::load leaves them out). Written once, in a fresh temp folder
// that goes at exit (the site holds its files in memory).
struct WebRoot {
  std::filesystem::path top;
  std::map<std::string, std::string, std::less<>> served; // path → content
  server::StaticSite site;

  WebRoot() {
    char folder[] = "/tmp/fuzz_url_target.XXXXXX";
    top = ::mkdtemp(folder);
    const auto root = top / "web";
    const auto put = [](const std::filesystem::path& path, std::string_view content) {
      std::filesystem::create_directories(path.parent_path());
      std::ofstream(path, std::ios::binary) << content;
    };
    put(top / "secret.txt", "SECRET outside the web directory");
    put(root / ".env", "SECRET dot-file");
    put(root / ".git" / "config", "SECRET in a dot-directory");
    std::filesystem::create_symlink(top / "secret.txt", root / "link.txt");
    std::filesystem::create_directory_symlink(top, root / "up");
    served = {{"index.html", "<!doctype html>index"},
              {"assets/app-1a2b.js", "console.log(1)"},
              {"favicon.ico", "ico"},
              {"join/page.txt", "a page"}};
    for (const auto& [path, content] : served)
      put(root / path, content);
    put(root / "assets" / "app-1a2b.js.gz", "gzip");
    auto loaded = server::StaticSite::load(root);
    fuzz::require(loaded.has_value(), "the test web directory loads");
    site = std::move(*loaded);
  }
  WebRoot(const WebRoot&) = delete;
  WebRoot& operator=(const WebRoot&) = delete;
  ~WebRoot() {
    std::error_code ignored;
    std::filesystem::remove_all(top, ignored);
  }
};

// What the web app's lookup gives for `path`: the file at that path, index.html, or nothing.
void check_page(std::string_view path) {
  static const WebRoot web;
  const server::StaticSite::File* file = web.site.find(path);
  if (file == nullptr)
    return;
  std::string_view relative = path;
  if (relative.starts_with('/'))
    relative.remove_prefix(1);
  const auto exact = web.served.find(relative);
  const bool right = (exact != web.served.end() && file->content == exact->second) ||
                     file->content == web.served.at("index.html");
  fuzz::require(right, "a page is the file at its path or the app's index.html", path);
}

// The live connection's query, read, written back as the web app writes it (every byte but the
// unreserved ones percent-encoded, as URLSearchParams does: a '+' as %2B, for a '+' in a query
// is a space) and read again.
void check_live_query(const boost::urls::url_view& url) {
  const auto query = server::live_query(url.params());
  if (!query)
    return;
  const auto encoded = [](std::string_view value) {
    return boost::urls::encode(value, boost::urls::unreserved_chars);
  };
  std::string written = "/api/sessions/s/live?token=" + encoded(query->token);
  if (query->subscription.since)
    written += "&since=" + std::to_string(*query->subscription.since);
  written += query->subscription.language == server::Language::en ? "&lang=en" : "&lang=nl";
  constexpr std::array streams{"events", "snapshots", "patches"};
  written += "&stream=";
  written += streams.at(static_cast<std::size_t>(query->subscription.stream));
  const auto again = server::live_query(boost::urls::parse_origin_form(written).value().params());
  fuzz::require(again && *again == *query, "a live query written back reads the same", written);
}

// Encoding a long text takes milliseconds (libqrencode's, not ours to fuzz): only texts up to
// this long are encoded; the refusals of empty and too long texts are checked whatever their size.
constexpr std::size_t encoded_text_max = 96;

void check_qr_code(const std::string& text) {
  const bool fits = !text.empty() && text.size() <= server::max_qr_text_bytes;
  if (fits && text.size() > encoded_text_max)
    return;
  const auto svg = server::qr_svg(text);
  fuzz::require(svg.has_value() == fits, "a QR code is made of a text that fits, only", text);
  fuzz::require(!svg || (svg->starts_with("<svg") && svg->ends_with("</svg>")),
                "a QR code is an SVG image");
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const auto url = boost::urls::parse_origin_form(fuzz::text_of(data, size));
  if (!url)
    return 0;
  std::vector<std::string> segments;
  for (const auto& segment : url->segments())
    segments.push_back(segment);

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

  check_live_query(*url);
  (void)server::report_language(url->params());
  if (segments == std::vector<std::string>{"api", "qr.svg"})
    check_qr_code(server::qr_text(url->params()));
  check_page(url->path()); // what a page request looks up (Api::page)
  check_page(url->encoded_path());
  // Encoded and decoded views of the query agree on how many parameters there are.
  fuzz::require(url->params().size() == url->encoded_params().size(),
                "decoded and encoded parameters agree");
  return 0;
}
