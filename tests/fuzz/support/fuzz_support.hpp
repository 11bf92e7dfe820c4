// SPDX-License-Identifier: EUPL-1.2
// What several fuzzers share: the input as text, the shipped methods, and a check that stops the
// run (a crash libFuzzer keeps as a reproducer) when a property does not hold.
#pragma once

#include "core/method/method.hpp"

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace intervisie::fuzz {

inline std::string_view text_of(const std::uint8_t* data, std::size_t size) {
  return {reinterpret_cast<const char*>(data), size};
}

// Aborts with `what` when `holds` is false: libFuzzer saves the input that did it.
void require(bool holds, const char* what);
void require(bool holds, const char* what, std::string_view detail);

// Prints why an input was refused when FUZZ_EXPLAIN is set: to see whether a seed gets as far
// as it should (`FUZZ_EXPLAIN=1 fuzz_x seed`).
void explain(std::string_view why);

// The input cut at `separator`; the last part may be empty.
std::vector<std::string_view> split(std::string_view text, char separator);

// methods/<id>.toml, parsed once (the methods folder is compiled in).
std::shared_ptr<const core::Method> shipped_method(std::string_view id);

} // namespace intervisie::fuzz
