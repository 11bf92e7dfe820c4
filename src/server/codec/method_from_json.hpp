// SPDX-License-Identifier: EUPL-1.2
// A method back from the JSON that method_json.hpp writes: how a session_created event that
// was stored carries the method its session started with. Strict: it reads exactly that shape
// (per-kind fields only on steps of their kind); derived fields ("number", "total_minutes")
// are checked for their type and otherwise ignored, so a change in how they are computed
// never makes a stored session unreadable.
#pragma once

#include "core/method/method.hpp"
#include "server/codec/codec_error.hpp"

#include <boost/json.hpp>

#include <expected>
#include <string>

namespace intervisie::server {

// path names the value in error messages and fields, e.g. "method".
std::expected<core::Method, CodecError> method_from_json(const boost::json::value& json,
                                                         const std::string& path = "method");

} // namespace intervisie::server
