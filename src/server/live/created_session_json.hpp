// SPDX-License-Identifier: EUPL-1.2
// What creating a session answers (protocol 2.4), whether it was made on its own
// (POST /api/sessions) or as a group's case (POST /api/meetings/{id}/cases): one shape.
#pragma once

#include "server/live/session_registry.hpp"

#include <boost/json/object.hpp>

#include <string_view>

namespace intervisie::server {

// The links are the public URL's (`public_url` without a trailing slash).
boost::json::object created_session_json(const CreatedSession& created,
                                         std::string_view public_url);

} // namespace intervisie::server
