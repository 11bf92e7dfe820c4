// SPDX-License-Identifier: EUPL-1.2
// The difference between two JSON documents as an RFC 6902 JSON Patch: what turns a viewer's
// last view into the new one, so a live connection hears only what changed (docs/protocol.md,
// stream=patches). Only "add", "remove" and "replace" are written; arrays are compared position
// by position (the flip chart grows at its end), so an insertion in the middle costs more
// operations but is never wrong.
#pragma once

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <boost/json/value.hpp>

namespace intervisie::server {

// Applying the result to `from` gives a value equal to `to`; empty when they are equal.
boost::json::array json_patch(const boost::json::value& from, const boost::json::value& to);
// The same for two objects (a view), without wrapping them in values: that would copy them.
boost::json::array json_patch(const boost::json::object& from, const boost::json::object& to);

} // namespace intervisie::server
