// SPDX-License-Identifier: EUPL-1.2
// A calendar as an HTTP answer: text/calendar, to be saved under `filename` (a meeting's .ics,
// or a member's feed), with the security headers every response carries.
#pragma once

#include "server/http/responses.hpp"

#include <string>
#include <string_view>

namespace intervisie::server {

Response calendar_response(const Request& request, std::string ics, std::string_view filename);

} // namespace intervisie::server
