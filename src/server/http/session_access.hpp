// SPDX-License-Identifier: EUPL-1.2
// What every route of a live session shares over HTTP: the bearer token (bearer_token.hpp), the
// answer to a wrong one (that costs what a right one costs), the status of an engine refusal, and a
// request's head kept for answering later from another thread.
#pragma once

#include "server/http/bearer_token.hpp"
#include "server/http/responses.hpp"
#include "server/live/admission_error.hpp"
#include "server/live/live_session.hpp"

#include <boost/beast/http/status.hpp>

#include <optional>
#include <string_view>

namespace intervisie::server {

// For a session or request that does not exist: the same hashing and comparison a real check
// costs, so a wrong token and an unknown session cannot be told apart by their timing.
void check_against_nothing(std::string_view token);

// The participant whose token this is in `live`; nothing for a wrong token or no session (null),
// which cost the same work to find out.
std::optional<core::ParticipantId> participant_of(const LiveSession* live, std::string_view token);
// Whether `join_token` is the join token of `live`; false, at the same cost, when `live` is null.
bool admitted(const LiveSession* live, std::string_view join_token);

// 401 unauthorized: "This link or token is not valid."
Response unauthorized(const Request& request);

// The status of an admission's failure met over HTTP: refusals about people (full, name taken,
// finished, a place to claim) are conflicts; a failed store is 503; about texts, ids and
// methods, the request was understood but cannot be done as given (422).
boost::beast::http::status status_of(const AdmissionError& error);
// That status, with the error's wire code and English message; `message` replaces the latter.
Response error_response(const Request& request, const AdmissionError& error,
                        std::optional<std::string_view> message = std::nullopt);

// The request without its body, with its keep-alive: what an answer given later needs.
Request head_of(const Request& request);

} // namespace intervisie::server
