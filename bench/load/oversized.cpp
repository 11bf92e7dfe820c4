// SPDX-License-Identifier: EUPL-1.2
#include "oversized.hpp"

#include "hostile_wire.hpp"

namespace intervisie::load {
namespace {

constexpr std::size_t kib = 1024;

} // namespace

Oversized::Oversized(HostileContext& context, Variant variant, std::string target)
    : HostileClient(context, kind_of(variant)), variant_(variant), target_(std::move(target)) {}

std::string Oversized::kind_of(Variant variant) {
  switch (variant) {
  case Variant::ws_message:
    return "oversized: ws message 100 KiB";
  case Variant::ws_fragments:
    return "oversized: ws 17 x 4 KiB fragments";
  case Variant::ws_claimed_length:
    return "oversized: ws frame claims 4 GiB";
  case Variant::http_head:
    return "oversized: http head 16 KiB";
  case Variant::http_body:
    return "oversized: http body 1 MiB";
  }
  return "oversized";
}

std::string Oversized::expected_of(Variant variant) {
  return is_websocket(variant) ? "close 1009" : "HTTP 413";
}

bool Oversized::is_websocket(Variant variant) {
  return variant == Variant::ws_message || variant == Variant::ws_fragments ||
         variant == Variant::ws_claimed_length;
}

std::string Oversized::too_much() const {
  switch (variant_) {
  case Variant::ws_message:
    return client_frame_header(opcode_text, true, 100 * kib) + std::string(100 * kib, 'x');
  case Variant::ws_fragments: {
    constexpr std::size_t fragments = 17;
    std::string bytes;
    for (std::size_t i = 0; i < fragments; ++i) {
      bytes += client_frame_header(i == 0 ? opcode_text : opcode_continuation, i + 1 == fragments,
                                   4 * kib);
      bytes.append(4 * kib, 'x');
    }
    return bytes;
  }
  case Variant::ws_claimed_length:
    return client_frame_header(opcode_text, true, std::uint64_t{4} << 30) + std::string(16, 'x');
  case Variant::http_head:
    return "GET /api/methods HTTP/1.1\r\nHost: " + context().host +
           "\r\nX-Filler: " + std::string(16 * kib, 'a') + "\r\n\r\n";
  case Variant::http_body:
    return "POST /api/sessions HTTP/1.1\r\nHost: " + context().host +
           "\r\nContent-Type: application/json\r\nContent-Length: " + std::to_string(1024 * kib) +
           "\r\n\r\n" + std::string(1024 * kib, ' ');
  }
  return {};
}

void Oversized::act() {
  head_ = 0;
  if (is_websocket(variant_)) {
    write(upgrade_request(context().host, target_));
  } else {
    mark_act();
    write(too_much());
  }
  read();
}

bool Oversized::on_received() {
  if (is_answered())
    return true; // read on until the server ends its side
  if (!is_websocket(variant_)) {
    if (head_length(received())) {
      const auto status = response_status(received());
      answered("HTTP " + (status ? std::to_string(*status) : "?"));
    }
    return true;
  }
  if (head_ == 0) {
    const auto head = head_length(received());
    if (!head)
      return true;
    const auto status = response_status(received());
    if (status != 101u) {
      answered("upgrade refused: HTTP " + (status ? std::to_string(*status) : "?"));
      return true;
    }
    head_ = *head;
    mark_act();
    write(too_much());
  }
  if (const auto code = close_code(received().substr(head_)))
    answered("close " + std::to_string(*code));
  return true;
}

} // namespace intervisie::load
