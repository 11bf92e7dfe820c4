// SPDX-License-Identifier: EUPL-1.2
#include "server/http/query_params.hpp"

#include <charconv>

namespace intervisie::server {

std::string_view to_string(QueryProblem problem) {
  switch (problem) {
  case QueryProblem::bad_since:
    return "bad_since";
  case QueryProblem::bad_stream:
    return "bad_stream";
  }
  return "bad_query";
}

std::string_view explain(QueryProblem problem) {
  switch (problem) {
  case QueryProblem::bad_since:
    return "since must be a sequence number (0 or more).";
  case QueryProblem::bad_stream:
    return "stream must be events, snapshots or patches.";
  }
  return "The query cannot be read.";
}

std::expected<LiveQuery, QueryProblem> live_query(boost::urls::params_view params) {
  LiveQuery query;
  for (const auto& param : params) {
    if (param.key == "token") {
      query.token = param.value;
    } else if (param.key == "since") {
      std::uint64_t since = 0;
      const char* end = param.value.data() + param.value.size();
      const auto parsed = std::from_chars(param.value.data(), end, since);
      if (parsed.ec != std::errc{} || parsed.ptr != end)
        return std::unexpected(QueryProblem::bad_since);
      query.subscription.since = since;
    } else if (param.key == "lang") {
      query.subscription.language = param.value == "en" ? Language::en : Language::nl;
    } else if (param.key == "stream") {
      if (param.value == "events")
        query.subscription.stream = Stream::events;
      else if (param.value == "snapshots")
        query.subscription.stream = Stream::snapshots;
      else if (param.value == "patches")
        query.subscription.stream = Stream::patches;
      else
        return std::unexpected(QueryProblem::bad_stream);
    }
  }
  return query;
}

Language report_language(boost::urls::params_view params) {
  for (const auto& param : params)
    if (param.key == "lang" && param.value == "en")
      return Language::en;
  return Language::nl;
}

std::string qr_text(boost::urls::params_view params) {
  std::string text;
  for (const auto& param : params)
    if (param.key == "text")
      text = param.value;
  return text;
}

} // namespace intervisie::server
