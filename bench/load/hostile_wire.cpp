// SPDX-License-Identifier: EUPL-1.2
#include "hostile_wire.hpp"

#include <charconv>

namespace intervisie::load {

std::string upgrade_request(std::string_view host, std::string_view target) {
  std::string request = "GET ";
  request += target;
  request += " HTTP/1.1\r\nHost: ";
  request += host;
  request += "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
             "Sec-WebSocket-Key: aG9zdGlsZSBjbGllbnQhIQ==\r\nSec-WebSocket-Version: 13\r\n\r\n";
  return request;
}

std::string client_frame_header(std::uint8_t opcode, bool fin, std::uint64_t length) {
  std::string header;
  header += static_cast<char>((fin ? 0x80 : 0x00) | opcode);
  constexpr std::uint8_t masked = 0x80;
  if (length < 126) {
    header += static_cast<char>(masked | length);
  } else if (length <= 0xffff) {
    header += static_cast<char>(masked | 126);
    for (int shift = 8; shift >= 0; shift -= 8)
      header += static_cast<char>((length >> shift) & 0xff);
  } else {
    header += static_cast<char>(masked | 127);
    for (int shift = 56; shift >= 0; shift -= 8)
      header += static_cast<char>((length >> shift) & 0xff);
  }
  header.append(4, '\0'); // the mask key
  return header;
}

std::optional<std::size_t> head_length(std::string_view bytes) {
  const auto end = bytes.find("\r\n\r\n");
  if (end == std::string_view::npos)
    return std::nullopt;
  return end + 4;
}

std::optional<unsigned> response_status(std::string_view bytes) {
  // "HTTP/1.1 413 Payload Too Large"
  if (bytes.size() < 12 || !bytes.starts_with("HTTP/1."))
    return std::nullopt;
  unsigned status = 0;
  const auto digits = bytes.substr(9, 3);
  const auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), status);
  if (error != std::errc{} || end != digits.data() + digits.size())
    return std::nullopt;
  return status;
}

std::optional<std::uint16_t> close_code(std::string_view frames) {
  const auto byte = [&](std::size_t i) { return static_cast<std::uint8_t>(frames[i]); };
  std::size_t at = 0;
  while (at + 2 <= frames.size()) {
    const std::uint8_t opcode = byte(at) & 0x0f;
    std::uint64_t length = byte(at + 1) & 0x7f; // server frames are not masked
    std::size_t header = 2;
    if (length >= 126) {
      const std::size_t extra = length == 126 ? 2 : 8;
      if (at + 2 + extra > frames.size())
        return std::nullopt;
      length = 0;
      for (std::size_t i = 0; i < extra; ++i)
        length = (length << 8) | byte(at + 2 + i);
      header += extra;
    }
    if (opcode == 0x8) {
      if (length < 2 || at + header + 2 > frames.size())
        return std::nullopt;
      return static_cast<std::uint16_t>((byte(at + header) << 8) | byte(at + header + 1));
    }
    if (at + header > frames.size() || length > frames.size() - at - header)
      return std::nullopt;
    at += header + length;
  }
  return std::nullopt;
}

} // namespace intervisie::load
