// SPDX-License-Identifier: EUPL-1.2
// Whether a stored history can be folded. apply() takes every event as decide() made it: the
// ids it names exist, a new item has the next id, a step is one of the method's. A history the
// engine wrote always fits; a store damaged or edited by hand may not, and a restore must refuse
// it with a reason rather than fold it into a state that breaks (an id past the end of a list).
#pragma once

#include "core/session/engine.hpp"

#include <expected>
#include <string>

namespace intervisie::core {

// Why `event` cannot follow `state`, or nothing when it can.
std::expected<void, std::string> fits(const SessionState& state, const Event& event);

} // namespace intervisie::core
