// SPDX-License-Identifier: EUPL-1.2
// The body of a request to come back to one's place from another device
// (POST /api/sessions/{id}/returns, docs/api.md): the session's join token and the place asked
// for, read strictly with ObjectReader.
#pragma once

#include "core/session/ids.hpp"
#include "server/codec/codec_error.hpp"

#include <expected>
#include <string>
#include <string_view>

namespace intervisie::server {

struct ReturnBody {
  std::string join_token;
  core::ParticipantId participant;
  bool operator==(const ReturnBody&) const = default;
};
std::expected<ReturnBody, CodecError> return_from_json(std::string_view body);

} // namespace intervisie::server
