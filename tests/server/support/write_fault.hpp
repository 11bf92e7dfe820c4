// SPDX-License-Identifier: EUPL-1.2
// A fault in the running server's writes to its store files, injected where the kernel would
// report it: strace attaches to the server and makes the chosen system calls on those files
// fail with the errno a real fault gives, until the fault is lifted (strace detaches).
//
// Why not `mount -o remount,ro`: Linux refuses to make a file system read-only while a process
// holds a file on it open for writing ("mount point is busy"), and a server always holds its
// store open. A file system that the kernel turns read-only after an error (ext4's
// errors=remount-ro) gives every write EROFS as this does, but on this kernel it cannot be made
// writable again without unmounting it.
#pragma once

#include <chrono>
#include <expected>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include <sys/types.h>

namespace intervisie::server::testing {

enum class Fault {
  read_only,  // every write, truncation and removal fails with EROFS
  sync_fails, // every fsync and fdatasync fails with EIO (a disk that lost what it was given)
};

class WriteFault {
public:
  // The fault, in force for every thread of `server` once this returns; or why there is none
  // here (no strace, no permission to trace), for GTEST_SKIP.
  static std::expected<std::unique_ptr<WriteFault>, std::string>
  inject(pid_t server, const std::vector<std::filesystem::path>& files, Fault fault);

  WriteFault(const WriteFault&) = delete;
  WriteFault& operator=(const WriteFault&) = delete;
  ~WriteFault(); // lifts it

  // Ends the fault: strace detaches, and the writes reach the files again.
  void lift();
  // Waits until strace has ended by itself, as it does once the server has ended; whether it
  // did within `timeout`. Lifting the fault from a server that is ending can hang strace.
  bool ended(std::chrono::milliseconds timeout);
  // What strace said (its attaching, its trace of the failed calls): for failure messages.
  std::string trace() const;

private:
  WriteFault(pid_t strace, int stderr_fd, std::filesystem::path trace_file);

  pid_t strace_ = -1;
  int stderr_fd_ = -1; // strace's stderr: a few lines (attached, detached), never read again
  std::filesystem::path trace_file_;
};

// The SQLite files of a data directory: the event store and groups.db, with their logs.
std::vector<std::filesystem::path> store_files(const std::filesystem::path& data_dir);

} // namespace intervisie::server::testing
