// SPDX-License-Identifier: EUPL-1.2
#include "server/http/join_code_api.hpp"

#include "server/codec/join_code_json.hpp"
#include "server/http/json_body.hpp"

#include <boost/asio/post.hpp>
#include <boost/json.hpp>

namespace intervisie::server {

namespace http = boost::beast::http;

JoinCodeApi::JoinCodeApi(SessionRegistry& sessions, LiveSession::Clock clock,
                         std::string public_url, boost::asio::any_io_executor blocking,
                         JoinCodeLimits limits)
    : sessions_(sessions), clock_(std::move(clock)), public_url_(std::move(public_url)),
      blocking_(std::move(blocking)),
      guesses_(limits.tries_per_address, limits.failures_per_minute) {}

bool JoinCodeApi::handle(Request& request, const std::vector<std::string>& segments,
                         const std::string& client_address, Respond& respond) {
  if (segments != std::vector<std::string>{"api", "join-codes"} ||
      request.method() != http::verb::post)
    return false;
  // The code is looked up in the store, and with many nodes so is the count of failed codes.
  boost::asio::post(blocking_,
                    [this, request = std::move(request), client_address,
                     respond = std::move(respond)] { respond(join(request, client_address)); });
  return true;
}

Response JoinCodeApi::join(const Request& request, const std::string& client_address) {
  const core::Instant now = clock_();
  if (!guesses_.allow(client_address, now))
    return error_response(request, http::status::too_many_requests, "rate_limited",
                          "Too many codes tried; wait a minute.");
  const auto code = join_code_from_json(request.body()); // "123 456" as typed: the spaces go
  if (!code)
    return bad_body(request, code.error());
  if (!JoinCodes::well_formed(*code))
    return error_response(request, http::status::bad_request, "bad_value",
                          "join code: \"code\" must be six digits");
  const auto found = sessions_.find_by_code_blocking(*code); // on a blocking thread
  if (!found) {
    guesses_.failed(now);
    return error_response(request, http::status::not_found, "unknown_code",
                          "No running session has this code.");
  }
  const std::string& id = found->session_id;
  const std::string& token = found->offer.join_token;
  return json_response(request, http::status::ok,
                       boost::json::serialize(boost::json::object{
                           {"session_id", id},
                           {"join_token", token},
                           {"join_url", public_url_ + "/join/" + id + "#" + token}}));
}

} // namespace intervisie::server
