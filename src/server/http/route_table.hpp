// SPDX-License-Identifier: EUPL-1.2
// Requests matched by method and path, declared in one place: each route is a method, a path
// pattern and what handles it. In a pattern ("/api/groups/{group}/meetings") a segment in
// braces matches any one segment and is handed on under its name; every other segment matches
// itself. The first route that matches wins; a path no route has is left to the caller.
#pragma once

#include <boost/beast/http/verb.hpp>

#include <initializer_list>
#include <optional>
#include <ostream> // boost/core's string_view (under verb.hpp) needs it, and includes <iosfwd> only
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace intervisie::server {

// The segments a pattern's placeholders matched, by name.
class PathParams {
public:
  void add(std::string_view name, std::string value);
  // What "{name}" matched; a name the pattern does not have throws std::out_of_range.
  const std::string& operator[](std::string_view name) const;

private:
  // The names are views into the route's pattern, which lives as long as the table.
  std::vector<std::pair<std::string_view, std::string>> values_;
};

// One path pattern, split into its segments once. `pattern` must outlive it (a literal).
class PathPattern {
public:
  explicit PathPattern(std::string_view pattern);

  // The placeholders' values when `segments` (the decoded path) fits; nothing otherwise.
  std::optional<PathParams> match(const std::vector<std::string>& segments) const;

private:
  struct Segment {
    std::string_view text; // the literal, or the placeholder's name
    bool placeholder = false;
  };
  std::vector<Segment> segments_;
};

template <class Handler> class RouteTable {
public:
  struct Route {
    boost::beast::http::verb method;
    std::string_view pattern; // a literal: the table keeps views into it
    Handler handler;
  };
  struct Match {
    const Handler* handler;
    PathParams params;
  };

  RouteTable(std::initializer_list<Route> routes) {
    entries_.reserve(routes.size());
    for (const Route& route : routes)
      entries_.push_back(Entry{route.method, PathPattern{route.pattern}, route.handler});
  }

  std::optional<Match> match(boost::beast::http::verb method,
                             const std::vector<std::string>& segments) const {
    for (const Entry& entry : entries_) {
      if (entry.method != method)
        continue;
      if (auto params = entry.pattern.match(segments))
        return Match{&entry.handler, std::move(*params)};
    }
    return std::nullopt;
  }

private:
  struct Entry {
    boost::beast::http::verb method;
    PathPattern pattern;
    Handler handler;
  };
  std::vector<Entry> entries_;
};

} // namespace intervisie::server
