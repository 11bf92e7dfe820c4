// SPDX-License-Identifier: EUPL-1.2
// Coming back on another device, over HTTP: ask for one's own place with the join link and wait
// until someone in the group vouches for it.
//   POST /api/sessions/{id}/returns            {"join_token","participant"} → 202 a waiting ticket
//   GET  /api/sessions/{id}/returns/{request}  Bearer <the ticket's token>  → 200 its status
#pragma once

#include "server/http/case_members.hpp"
#include "server/http/rate_limiter.hpp"
#include "server/http/routes.hpp"
#include "server/live/session_registry.hpp"

namespace intervisie::server {

class ReturnApi final : public Routes {
public:
  // `requests_per_minute`: per client address; every request to come back counts.
  ReturnApi(SessionRegistry& sessions, LiveSession::Clock clock,
            std::size_t requests_per_minute = 10);

  bool handle(Request& request, const std::vector<std::string>& segments,
              const std::string& client_address, Respond& respond) override;

  // A member's place in a group's case is reached by logging in, not by asking (set once).
  void set_case_members(const CaseMembers* members) { case_members_ = members; }

private:
  void ask(const Request& request, const std::string& session_id, const std::string& client_address,
           Respond respond);
  void status(const Request& request, const std::string& session_id, const std::string& request_id,
              Respond respond);

  SessionRegistry& sessions_;
  LiveSession::Clock clock_;
  RateLimiter requests_;
  const CaseMembers* case_members_ = nullptr;
};

// The answer to a request to come back (also the join route's "that's me"): 202
// {"request","participant_id","token","status":"waiting"}.
Response waiting_ticket(const Request& head, const ReturnTicket& ticket);

} // namespace intervisie::server
