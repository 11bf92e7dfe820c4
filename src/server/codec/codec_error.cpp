// SPDX-License-Identifier: EUPL-1.2
#include "server/codec/codec_error.hpp"

namespace intervisie::server {

std::string_view to_string(CodecErrorCode code) {
  switch (code) {
  case CodecErrorCode::bad_message:
    return "bad_message";
  case CodecErrorCode::unknown_type:
    return "unknown_type";
  case CodecErrorCode::unknown_kind:
    return "unknown_kind";
  case CodecErrorCode::missing_field:
    return "missing_field";
  case CodecErrorCode::wrong_type:
    return "wrong_type";
  case CodecErrorCode::bad_value:
    return "bad_value";
  case CodecErrorCode::unknown_field:
    return "unknown_field";
  case CodecErrorCode::text_too_long:
    return "text_too_long";
  }
  return "bad_message";
}

} // namespace intervisie::server
