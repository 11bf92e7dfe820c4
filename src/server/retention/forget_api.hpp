// SPDX-License-Identifier: EUPL-1.2
// "Vergeet deze casus": the presenter erases their own case at once, once the session has ended
// (DELETE /api/sessions/{id}/content, protocol 2.13). The content goes as retention would take
// it later: its data key destroyed, its rows removed, its screens closed.
#pragma once

#include "server/http/routes.hpp"
#include "server/live/session_registry.hpp"

#include <boost/asio/any_io_executor.hpp>

namespace intervisie::server {

class ForgetApi final : public Routes {
public:
  // `blocking` runs the erasure (it waits for commits), off the network threads.
  ForgetApi(SessionRegistry& sessions, LiveSession::Clock clock,
            boost::asio::any_io_executor blocking);

  bool handle(Request& request, const std::vector<std::string>& segments,
              const std::string& client_address, Respond& respond) override;

private:
  void forget(const Request& request, const std::string& session_id, Respond respond);
  void forget_when_finished(LiveSession& live, const Request& head, core::ParticipantId reader,
                            Respond respond);

  SessionRegistry& sessions_;
  LiveSession::Clock clock_;
  boost::asio::any_io_executor blocking_;
};

} // namespace intervisie::server
