// SPDX-License-Identifier: EUPL-1.2
// A QR code as an SVG image: how people join from a phone, scanning the facilitator's screen.
#pragma once

#include <expected>
#include <string>
#include <string_view>

namespace intervisie::server {

inline constexpr std::size_t max_qr_text_bytes = 1024;

// Black modules on white with the standard quiet zone of four modules; the image scales with
// its box (viewBox only), so the page decides how large it is. Error correction M: readable
// from a phone across a room even when part of the beamer image is washed out.
std::expected<std::string, std::string> qr_svg(std::string_view text);

} // namespace intervisie::server
