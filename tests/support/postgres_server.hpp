// SPDX-License-Identifier: EUPL-1.2
// A real PostgreSQL 15 server for tests: one per test process, started at the first test that
// asks for a database and stopped at exit. Each test gets a database of its own.
//
// The server lives in a temporary directory with its unix socket, listens on a free loopback
// port, trusts every local connection and runs with fsync=off (tests only). It runs Debian's
// binaries from /usr/lib/postgresql/15/bin, never whatever is on PATH. PostgreSQL refuses to
// run as root, so under root (CI) it runs as `nobody`. initdb runs once per machine and user:
// later processes copy its cluster, which is what keeps a start well under a second.
#pragma once

#include <chrono>
#include <expected>
#include <string>

namespace intervisie::testing {

// A new, empty database on this process's server: its postgresql:// URL (a superuser's, so a
// test may also reach behind the store, e.g. to end a connection). Or, when the server cannot
// start, why, with the tail of its log: the test should fail with it, never skip.
std::expected<std::string, std::string> fresh_postgres_database();

// How long this process's server took to start (zero before it has).
std::chrono::milliseconds postgres_start_time();

} // namespace intervisie::testing
