// SPDX-License-Identifier: EUPL-1.2
// Owners for what libical hands out, so every component and string it makes is freed once.
#pragma once

#include <libical/ical.h>

#include <memory>

namespace intervisie::server::calendar {

struct ComponentFree {
  void operator()(icalcomponent* component) const noexcept { icalcomponent_free(component); }
};
// A component owns the properties and components added to it; freeing it frees them all.
using ComponentPtr = std::unique_ptr<icalcomponent, ComponentFree>;

struct BufferFree {
  void operator()(char* buffer) const noexcept { icalmemory_free_buffer(buffer); }
};
// A string from one of libical's `_r` functions, which the caller must free.
using BufferPtr = std::unique_ptr<char, BufferFree>;

} // namespace intervisie::server::calendar
