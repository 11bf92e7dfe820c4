// SPDX-License-Identifier: EUPL-1.2
#include "server/groups/group_context.hpp"

#include <boost/asio/execution/outstanding_work.hpp>
#include <boost/asio/prefer.hpp>

#include <chrono>

namespace intervisie::server {

boost::asio::any_io_executor GroupContext::back_to_blocking() const {
  return boost::asio::prefer(blocking, boost::asio::execution::outstanding_work.tracked);
}

std::int64_t GroupContext::now_ms() const {
  return std::chrono::duration_cast<std::chrono::milliseconds>(clock().time_since_epoch()).count();
}

} // namespace intervisie::server
