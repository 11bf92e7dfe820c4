// SPDX-License-Identifier: EUPL-1.2
#include "server/http/return_api.hpp"

#include "server/codec/return_request_json.hpp"
#include "server/http/json_body.hpp"
#include "server/http/session_access.hpp"

#include <boost/json.hpp>

#include <charconv>

namespace intervisie::server {

namespace http = boost::beast::http;

namespace {

std::string_view wire_status(core::ReturnOutcome outcome) {
  switch (outcome) {
  case core::ReturnOutcome::waiting:
    return "waiting";
  case core::ReturnOutcome::admitted:
    return "admitted";
  case core::ReturnOutcome::declined:
  case core::ReturnOutcome::replaced: // a newer request for the same place came first
    return "declined";
  }
  return "declined";
}

} // namespace

Response waiting_ticket(const Request& head, const ReturnTicket& ticket) {
  return json_response(head, http::status::accepted,
                       boost::json::serialize(boost::json::object{
                           {"request", ticket.request.value},
                           {"participant_id", ticket.participant.value},
                           {"token", ticket.token},
                           {"status", ticket.admitted ? "admitted" : "waiting"}}));
}

ReturnApi::ReturnApi(SessionRegistry& sessions, LiveSession::Clock clock,
                     std::size_t requests_per_minute)
    : sessions_(sessions), clock_(std::move(clock)), requests_(requests_per_minute) {}

bool ReturnApi::handle(Request& request, const std::vector<std::string>& segments,
                       const std::string& client_address, Respond& respond) {
  if (segments.size() < 4 || segments[0] != "api" || segments[1] != "sessions" ||
      segments[3] != "returns")
    return false;
  if (segments.size() == 4 && request.method() == http::verb::post) {
    ask(request, segments[2], client_address, std::move(respond));
    return true;
  }
  if (segments.size() == 5 && request.method() == http::verb::get) {
    status(request, segments[2], segments[4], std::move(respond));
    return true;
  }
  return false;
}

void ReturnApi::ask(const Request& request, const std::string& session_id,
                    const std::string& client_address, Respond respond) {
  if (!requests_.allow(client_address, clock_()))
    return respond(error_response(request, http::status::too_many_requests, "rate_limited",
                                  "Too many requests to come back from this address; wait a "
                                  "minute."));
  auto body = return_from_json(request.body());
  if (!body)
    return respond(bad_body(request, body.error()));
  sessions_.find(session_id, [this, head = head_of(request), session_id,
                              join_token = std::move(body->join_token),
                              participant = body->participant, respond = std::move(respond)](
                                 const std::shared_ptr<LiveSession>& live) mutable {
    // An unknown session and a wrong token look alike, down to the work done to check them.
    if (!admitted(live.get(), join_token))
      return respond(unauthorized(head));
    if (case_members_ != nullptr && case_members_->is_members_place(session_id, participant.value))
      return respond(error_response(head, http::status::conflict, "member_place",
                                    "This place is a group member's: log in to come back to it."));
    live->request_return(
        participant, false,
        [head, respond = std::move(respond)](std::expected<ReturnTicket, AdmissionError> ticket) {
          if (!ticket)
            return respond(error_response(head, ticket.error()));
          respond(waiting_ticket(head, *ticket));
        });
  });
}

void ReturnApi::status(const Request& request, const std::string& session_id,
                       const std::string& request_id, Respond respond) {
  const std::string_view token = bearer_token(request);
  std::uint32_t number = 0;
  const auto parsed =
      std::from_chars(request_id.data(), request_id.data() + request_id.size(), number);
  const bool readable =
      parsed.ec == std::errc{} && parsed.ptr == request_id.data() + request_id.size() && number > 0;
  if (!readable) {
    check_against_nothing(token);
    return respond(unauthorized(request));
  }
  sessions_.find(
      session_id, [head = head_of(request), token = std::string(token), number,
                   respond = std::move(respond)](const std::shared_ptr<LiveSession>& live) mutable {
        if (!live) {
          check_against_nothing(token);
          return respond(unauthorized(head));
        }
        live->return_status(
            core::ReturnId{number}, std::move(token),
            [head, respond = std::move(respond)](std::optional<core::ReturnOutcome> outcome) {
              if (!outcome)
                return respond(unauthorized(head));
              respond(json_response(
                  head, http::status::ok,
                  boost::json::serialize(boost::json::object{{"status", wire_status(*outcome)}})));
            });
      });
}

} // namespace intervisie::server
