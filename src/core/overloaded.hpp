// SPDX-License-Identifier: EUPL-1.2
// One callable from several lambdas, for std::visit over the events and commands.
#pragma once

namespace intervisie::core {

template <class... Handlers> struct Overloaded : Handlers... { using Handlers::operator()...; };
// Spelled out: clang before 17 (clang-tidy on Debian 12) does not deduce aggregates' arguments.
template <class... Handlers> Overloaded(Handlers...) -> Overloaded<Handlers...>;

} // namespace intervisie::core
