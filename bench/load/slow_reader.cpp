// SPDX-License-Identifier: EUPL-1.2
#include "slow_reader.hpp"

#include "hostile_wire.hpp"

namespace intervisie::load {

using namespace std::chrono_literals;

SlowReader::SlowReader(HostileContext& context, std::string target)
    : HostileClient(context, kind), target_(std::move(target)) {}

void SlowReader::act() {
  upgraded_ = false;
  write(upgrade_request(context().host, target_));
  read();
}

bool SlowReader::on_received() {
  if (!upgraded_) {
    if (!head_length(received()))
      return true;
    const auto status = response_status(received());
    if (status != 101u) {
      answered("upgrade refused: HTTP " + (status ? std::to_string(*status) : "?"));
      return true;
    }
    upgraded_ = true;
    stop_reading_at_ = Clock::now() + context().between(0s, 30s);
    probe(client_frame_header(opcode_pong, true, 0), 2s);
  }
  if (Clock::now() < stop_reading_at_) {
    clear_received(); // read and forgotten
    return true;
  }
  // From now on nothing is read. What the server judges is how long it keeps sending to a
  // client that does not take it.
  mark_act();
  return false;
}

void SlowReader::on_released() {
  boost::beast::error_code error;
  const std::size_t unread = socket().available(error);
  if (!error)
    tally().unread_bytes += unread;
}

} // namespace intervisie::load
