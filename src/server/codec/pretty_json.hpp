// SPDX-License-Identifier: EUPL-1.2
// JSON laid out for people (two-space indent); Boost.JSON 1.81 only writes compact text.
#pragma once

#include <boost/json.hpp>

#include <string>

namespace intervisie::server {

std::string pretty_json(const boost::json::value& value);

} // namespace intervisie::server
