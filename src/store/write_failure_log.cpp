// SPDX-License-Identifier: EUPL-1.2
#include "store/write_failure_log.hpp"

#include <spdlog/spdlog.h>

namespace intervisie::store {

WriteFailureLog::WriteFailureLog(std::string writer, std::string meanwhile)
    : writer_{std::move(writer)}, meanwhile_{std::move(meanwhile)} {}

void WriteFailureLog::failed(const StoreError& error) {
  if (error.code != StoreErrorCode::io && error.code != StoreErrorCode::corrupt)
    return;
  if (failed_writes_++ == 0) {
    since_ = std::chrono::steady_clock::now();
    spdlog::error("{} cannot write: {}; {}", writer_, error.message, meanwhile_);
  }
}

void WriteFailureLog::succeeded() {
  if (failed_writes_ == 0)
    return;
  const auto seconds = std::chrono::duration_cast<std::chrono::duration<double>>(
      std::chrono::steady_clock::now() - since_);
  spdlog::info("{} writes again, after {:.1f} s in which {} writes failed", writer_,
               seconds.count(), failed_writes_);
  failed_writes_ = 0;
}

} // namespace intervisie::store
