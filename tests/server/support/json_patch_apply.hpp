// SPDX-License-Identifier: EUPL-1.2
// Applies an RFC 6902 JSON Patch ("add", "remove", "replace"), as a client of stream=patches
// does: the tests fold a patch stream with it and compare with what the server sent whole.
// Written apart from the server's diff, so the two check each other.
#pragma once

#include <boost/json/array.hpp>
#include <boost/json/value.hpp>

namespace intervisie::server::testing {

// Throws std::runtime_error for an operation that does not fit the document.
void apply_json_patch(boost::json::value& document, const boost::json::array& patch);

} // namespace intervisie::server::testing
