// SPDX-License-Identifier: EUPL-1.2
// One change waiting for the writer thread, and whom to tell when it is durable.
#pragma once

#include "store/write_changes.hpp"

#include <cstdint>
#include <string>
#include <variant>
#include <vector>

namespace intervisie::store::sqlite {

using store::AppendEvents;
using store::CreateSession;
using store::EraseSession;
using store::PutSecret;
using store::RewriteEvents;

using Change = std::variant<AppendEvents, CreateSession, PutSecret, EraseSession, RewriteEvents>;

struct WriteRequest {
  Change change;
  AppendDone done; // the session's last seq after the change, or why nothing was written
};

} // namespace intervisie::store::sqlite
