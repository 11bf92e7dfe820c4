// SPDX-License-Identifier: EUPL-1.2
// What the routes read from a request's query string: the live connection's token and
// subscription (docs/protocol.md 3.1), the report's language and the QR code's text
// (docs/api.md). Pure functions of the parsed target: the fuzzers run the code the server runs.
// A parameter given twice counts as the last one given; one the route does not know is ignored.
#pragma once

#include "server/live/subscription.hpp"

#include <boost/url/params_view.hpp>

#include <expected>
#include <string>
#include <string_view>

namespace intervisie::server {

// Why a live connection's query cannot be read; the route answers 400 with this code.
enum class QueryProblem {
  bad_since,  // since is not a sequence number (0 or more)
  bad_stream, // stream is not events, snapshots or patches
};
std::string_view to_string(QueryProblem problem); // "bad_since"
std::string_view explain(QueryProblem problem);   // one sentence for the client's developer

// GET /api/sessions/{id}/live?token=…&since=N&lang=en&stream=patches
struct LiveQuery {
  std::string token; // empty when not given: no seat has it
  Subscription subscription;
  bool operator==(const LiveQuery&) const = default;
};
std::expected<LiveQuery, QueryProblem> live_query(boost::urls::params_view params);

// GET /api/sessions/{id}/report?lang=en: English when any lang is "en", else Dutch.
Language report_language(boost::urls::params_view params);

// GET /api/qr.svg?text=…: the text to encode, decoded; empty when not given.
std::string qr_text(boost::urls::params_view params);

} // namespace intervisie::server
