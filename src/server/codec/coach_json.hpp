// SPDX-License-Identifier: EUPL-1.2
// The coach's verdict as JSON: for POST /api/coach, the live flags and `intervisie coach`.
#pragma once

#include "core/coach/verdict.hpp"

#include <boost/json/object.hpp>

#include <string_view>

namespace intervisie::server {

// `text` is the text the verdict is about. Spans are given in UTF-16 code units, the way a
// browser counts a string, with the words themselves beside them.
boost::json::object to_json(const core::coach::Verdict& verdict, std::string_view text);

} // namespace intervisie::server
