// SPDX-License-Identifier: EUPL-1.2
// Joining with the six-digit code the beamer shows, typed on the start page:
//   POST /api/join-codes {"code":"123 456"} → 200 {"session_id","join_token","join_url"}
// Guessing is rationed (GuessGuard): ten tries a minute per address, and a ceiling on failed
// tries for the whole server.
#pragma once

#include "server/http/guess_guard.hpp"
#include "server/http/routes.hpp"
#include "server/live/session_registry.hpp"

namespace intervisie::server {

struct JoinCodeLimits {
  std::size_t tries_per_address = 10;    // a minute, every try counts
  std::size_t failures_per_minute = 300; // for the whole server
};

class JoinCodeApi final : public Routes {
public:
  // `blocking` looks codes up (a read of the store), off the network threads.
  JoinCodeApi(SessionRegistry& sessions, LiveSession::Clock clock, std::string public_url,
              boost::asio::any_io_executor blocking, JoinCodeLimits limits = {});

  // Set once the port is known, before the first request.
  void set_public_url(std::string url) { public_url_ = std::move(url); }
  // Nodes sharing a store: the ceiling on failed codes holds for all of them together.
  void share_failures(GuessGuard::SharedCount shared) {
    guesses_.share_failures(std::move(shared));
  }

  bool handle(Request& request, const std::vector<std::string>& segments,
              const std::string& client_address, Respond& respond) override;

private:
  Response join(const Request& request, const std::string& client_address);

  SessionRegistry& sessions_;
  LiveSession::Clock clock_;
  std::string public_url_;
  boost::asio::any_io_executor blocking_;
  GuessGuard guesses_;
};

} // namespace intervisie::server
