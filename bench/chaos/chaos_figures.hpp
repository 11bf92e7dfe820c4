// SPDX-License-Identifier: EUPL-1.2
// What a chaos run counts: what the meetings did, what each kill interrupted, and every way in
// which the server could have failed them. The report prints them; a run passes when the
// failure counts are all zero.
#pragma once

#include <chrono>
#include <cstdint>
#include <map>
#include <string>

namespace intervisie::chaos {

struct ChaosFigures {
  // What the meetings did.
  std::uint64_t meetings_started = 0;
  std::uint64_t meetings_finished = 0; // finished and checked against the store
  std::uint64_t commands_sent = 0;
  std::uint64_t commands_acked = 0;
  // Their connection ended before the answer: fate unknown, decided again after the resume.
  std::uint64_t commands_unanswered = 0; // sent before the kill
  std::uint64_t commands_into_dead = 0;  // sent after it, before the client saw its connection end
  std::uint64_t events_received = 0;     // by all clients, live and replayed on resume
  std::uint64_t resumes = 0;             // connections opened again with `since`
  std::uint64_t http_retries = 0;        // creations and joins sent again after a broken connection
  std::uint64_t people_away_for_good = 0;        // a join durable, its answer lost: recorded for
  std::map<std::string, std::uint64_t> refusals; // code → count; the autopilot expects none

  // What the kills were aimed at, and whether the aim was met within 5 s (else the kill came
  // at that moment anyway). See chaos_run.cpp.
  std::map<std::string, std::uint64_t> kills_aimed;
  std::map<std::string, std::uint64_t> kills_aimed_and_met;

  // What the kills interrupted.
  std::uint64_t kills = 0;
  std::uint64_t kills_with_commands_in_flight = 0;
  std::uint64_t commands_in_flight_at_kills = 0;
  std::uint64_t kills_during_http = 0; // creating a session or joining one
  std::uint64_t kills_during_reconnects = 0;
  std::uint64_t kills_during_final_reads = 0; // a finished meeting reading its whole history
  std::uint64_t integrity_checks = 0;
  std::chrono::steady_clock::time_point last_kill{};

  // Failures: each must be 0.
  std::uint64_t acked_events_lost = 0; // acknowledged, then missing from the store
  std::uint64_t seen_events_lost = 0;  // received by a client, then missing from the store
  std::uint64_t duplicates = 0;        // an event a client had already received
  std::uint64_t diverged = 0;          // two clients, or the store, disagree about one seq
  std::uint64_t unreadable = 0;        // a message or event the client could not read
  std::uint64_t integrity_failures = 0;
  std::uint64_t meetings_stuck = 0; // could not finish (refused again and again, or timed out)
  std::uint64_t server_start_failures = 0;
  std::string first_failure; // what went wrong first, for the report

  void fail(std::string what) {
    if (first_failure.empty())
      first_failure = std::move(what);
  }
  std::uint64_t failures() const {
    return acked_events_lost + seen_events_lost + duplicates + diverged + unreadable +
           integrity_failures + meetings_stuck + server_start_failures;
  }
};

} // namespace intervisie::chaos
