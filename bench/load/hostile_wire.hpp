// SPDX-License-Identifier: EUPL-1.2
// The bytes hostile clients write by hand, and what they read in the server's answer: a raw
// socket lets a client do what no well-behaved WebSocket library would (stop reading, claim a
// 4 GiB frame, send 68 KiB in fragments).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace intervisie::load {

// A WebSocket upgrade request (RFC 6455 4.1), without an Origin: not a browser.
std::string upgrade_request(std::string_view host, std::string_view target);

// A client frame's header: FIN (or not), the opcode, the payload length and a mask key of
// zeros, so the payload goes as it is (masked with zeros) right after it.
std::string client_frame_header(std::uint8_t opcode, bool fin, std::uint64_t length);

inline constexpr std::uint8_t opcode_continuation = 0x0;
inline constexpr std::uint8_t opcode_text = 0x1;
inline constexpr std::uint8_t opcode_pong = 0xa;

// The length of an HTTP head (through its blank line) at the start of `bytes`, once complete.
std::optional<std::size_t> head_length(std::string_view bytes);

// The status code of the HTTP response at the start of `bytes`.
std::optional<unsigned> response_status(std::string_view bytes);

// The code of the first close frame among the server's frames in `frames` (the bytes after
// the 101 response's head); nothing if there is none, or the frames are cut off before it.
std::optional<std::uint16_t> close_code(std::string_view frames);

} // namespace intervisie::load
