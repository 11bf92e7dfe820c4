// SPDX-License-Identifier: EUPL-1.2
// What encryption at rest costs per event, alone (store/sealed/): sealing a payload with its
// session's data key on the way into the store, and opening it on the way out (a restart, a
// resume from the store). Compare with a command's server CPU (issue 14 measured ~330 µs under
// load) and with bench/event_store_benchmark's BM_Append sealed=1 against sealed=0.
#include "store/sealed/sealed_event_store.hpp"
#include "store/sealed/sealed_text.hpp"

#include <benchmark/benchmark.h>

#include <string>

namespace intervisie::store::sealed {
namespace {

// A question_asked event as the server stores it, padded to the size asked for.
std::string payload_of(std::size_t bytes) {
  std::string json = R"({"kind":"question_asked","participant":3,"question":")";
  json += std::string(bytes > json.size() + 20 ? bytes - json.size() - 20 : 1, 'q');
  json += R"(","step":3,"r":2})";
  return json;
}

void SealEventPayload(benchmark::State& state) {
  const SecretKey key = SecretKey::random();
  const std::string payload = payload_of(static_cast<std::size_t>(state.range(0)));
  std::uint64_t seq = 0;
  for (auto _ : state) {
    std::string sealed = seal(
        key, payload, event_associated_data("NPN4lXUd6uzaHs516MLuJg", ++seq, "question_asked"));
    benchmark::DoNotOptimize(sealed);
  }
  state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(payload.size()));
}
BENCHMARK(SealEventPayload)->ArgName("bytes")->Arg(200)->Arg(1000)->Arg(4000);

void OpenEventPayload(benchmark::State& state) {
  const SecretKey key = SecretKey::random();
  const std::string payload = payload_of(static_cast<std::size_t>(state.range(0)));
  const std::string associated =
      event_associated_data("NPN4lXUd6uzaHs516MLuJg", 7, "question_asked");
  const std::string sealed = seal(key, payload, associated);
  for (auto _ : state) {
    auto plain = open(key, sealed, associated);
    benchmark::DoNotOptimize(plain);
  }
  state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(payload.size()));
  state.counters["stored_bytes"] = static_cast<double>(sealed.size());
  state.counters["plain_bytes"] = static_cast<double>(payload.size());
}
BENCHMARK(OpenEventPayload)->ArgName("bytes")->Arg(200)->Arg(1000)->Arg(4000);

} // namespace
} // namespace intervisie::store::sealed

BENCHMARK_MAIN();
