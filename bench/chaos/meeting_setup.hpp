// SPDX-License-Identifier: EUPL-1.2
// Creating a meeting over HTTP while the server may die at any moment: POST /api/sessions, then
// seven joins, each sent again after a broken connection once the server is back. A request
// that broke may still have been done: a session created twice stays behind unused, and a join
// done twice leaves someone in the session without a client (the autopilot records for them),
// or fills the session before the last join (the meeting then has one person fewer).
#pragma once

#include "chaos_meeting.hpp"
#include "load/http_connection.hpp"

#include <boost/asio/awaitable.hpp>

#include <cstdint>
#include <optional>
#include <string>

namespace intervisie::chaos {

boost::asio::awaitable<std::optional<MeetingSetup>>
create_meeting(load::HttpConnection& connection, std::string method, std::uint32_t number,
               ChaosFigures& figures, std::uint32_t& requests_in_flight);

} // namespace intervisie::chaos
