// SPDX-License-Identifier: EUPL-1.2
#include "support/postgres_server.hpp"

#include <libpq-fe.h>

#include <fcntl.h>
#include <netinet/in.h>
#include <pwd.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

namespace intervisie::testing {

namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

const fs::path bin_dir = "/usr/lib/postgresql/15/bin";
constexpr const char* superuser = "intervisie";
// Part of the cached cluster's name: change it when the initdb options below change.
constexpr const char* cluster_version = "pg15-v2";

// Who the server runs as: the test's own user, or `nobody` when that is root.
struct Account {
  uid_t uid = 0;
  gid_t gid = 0;
  bool switch_to = false;
};

std::expected<Account, std::string> server_account() {
  if (::geteuid() != 0)
    return Account{::geteuid(), ::getegid(), false};
  const passwd* nobody = ::getpwnam("nobody");
  if (nobody == nullptr)
    return std::unexpected("running as root, and there is no user `nobody` to run PostgreSQL as");
  return Account{nobody->pw_uid, nobody->pw_gid, true};
}

std::string tail_of(const fs::path& log, std::size_t lines = 30) {
  std::ifstream in{log};
  std::vector<std::string> kept;
  for (std::string line; std::getline(in, line);) {
    kept.push_back(line);
    if (kept.size() > lines)
      kept.erase(kept.begin());
  }
  std::string tail;
  for (const std::string& line : kept)
    tail += "  | " + line + "\n";
  return tail.empty() ? "  (" + log.string() + " is empty)\n" : tail;
}

// Runs `argv` (argv[0] a path in bin_dir) as `account`, stdout and stderr to `log_fd`. With
// `die_with_us`, the kernel kills it when this thread ends (a test that crashes leaves no
// server behind). Only async-signal-safe calls after fork(): the test process may have threads.
std::expected<pid_t, std::string> spawn(const std::vector<std::string>& argv,
                                        const Account& account, int log_fd, bool die_with_us) {
  std::vector<char*> args;
  for (const std::string& arg : argv)
    args.push_back(const_cast<char*>(arg.c_str()));
  args.push_back(nullptr);
  const pid_t parent = ::getpid();
  const pid_t child = ::fork();
  if (child < 0)
    return std::unexpected("fork failed");
  if (child == 0) {
    const int null_fd = ::open("/dev/null", O_RDONLY);
    if (null_fd < 0 || ::dup2(null_fd, 0) < 0 || ::dup2(log_fd, 1) < 0 || ::dup2(log_fd, 2) < 0)
      ::_exit(126);
    // Raw system calls: they change this (the only) thread, with no library machinery.
    if (account.switch_to &&
        (::syscall(SYS_setgroups, 0, nullptr) != 0 || ::syscall(SYS_setgid, account.gid) != 0 ||
         ::syscall(SYS_setuid, account.uid) != 0))
      ::_exit(126);
    // After the user switch, which would clear it.
    if (die_with_us && (::prctl(PR_SET_PDEATHSIG, SIGKILL) != 0 || ::getppid() != parent))
      ::_exit(126);
    ::close_range(3, ~0U, 0); // none of the test's sockets and files
    ::execv(args[0], args.data());
    ::_exit(127);
  }
  return child;
}

int wait_for(pid_t pid) {
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0)
    if (errno != EINTR)
      return -1;
  return status;
}

std::expected<void, std::string> run(const std::vector<std::string>& argv, const Account& account,
                                     const fs::path& log) {
  const int log_fd = ::open(log.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
  if (log_fd < 0)
    return std::unexpected("cannot write " + log.string());
  auto pid = spawn(argv, account, log_fd, false);
  ::close(log_fd);
  if (!pid)
    return std::unexpected(pid.error());
  const int status = wait_for(*pid);
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
    return std::unexpected(argv[0] + " failed (status " + std::to_string(status) + "):\n" +
                           tail_of(log));
  return {};
}

void chown_tree(const fs::path& root, const Account& account) {
  if (!account.switch_to)
    return;
  ::lchown(root.c_str(), account.uid, account.gid);
  for (const auto& entry : fs::recursive_directory_iterator(root))
    ::lchown(entry.path().c_str(), account.uid, account.gid);
}

// Where the temporary directories go: the system's, unless the server's user could not reach
// it (a TMPDIR under /root, say); then /tmp.
fs::path temp_base(const Account& account) {
  fs::path base = fs::temp_directory_path();
  if (!account.switch_to)
    return base;
  for (fs::path at = base; !at.empty(); at = at.parent_path()) {
    struct stat about {};
    if (::stat(at.c_str(), &about) != 0 || (about.st_mode & S_IXOTH) == 0)
      return "/tmp";
    if (at == at.root_path())
      break;
  }
  return base;
}

std::expected<fs::path, std::string> make_temp_dir(const fs::path& base, const std::string& name) {
  std::string pattern = (base / (name + "-XXXXXX")).string();
  if (::mkdtemp(pattern.data()) == nullptr)
    return std::unexpected("cannot make a temporary directory in " + base.string());
  return fs::path{pattern};
}

// A cluster initdb made earlier, kept for copying: ours (not another user's, not a link) and
// complete (it is renamed into place only once whole).
bool usable_cluster(const fs::path& dir) {
  struct stat about {};
  return ::lstat(dir.c_str(), &about) == 0 && S_ISDIR(about.st_mode) &&
         about.st_uid == ::geteuid() && fs::exists(dir / "PG_VERSION") &&
         fs::exists(dir / "global" / "pg_control");
}

int free_loopback_port() {
  const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  address.sin_port = 0;
  socklen_t size = sizeof address;
  int port = 0;
  if (::bind(fd, reinterpret_cast<sockaddr*>(&address), size) == 0 &&
      ::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &size) == 0)
    port = ntohs(address.sin_port);
  ::close(fd);
  return port;
}

// Directories of test processes that died without stopping their server (the kernel killed
// the server with them): the first line of postmaster.pid names a process that is gone. A
// directory still being set up has no postmaster.pid yet and is left alone.
void sweep_abandoned(const fs::path& base) {
  std::error_code error;
  for (const auto& entry : fs::directory_iterator(base, error)) {
    const std::string name = entry.path().filename().string();
    if (!name.starts_with("intervisie-pg-") || name.starts_with("intervisie-pg-cluster"))
      continue;
    std::ifstream pid_file{entry.path() / "data" / "postmaster.pid"};
    long pid = 0;
    if (!(pid_file >> pid) || pid <= 0 || ::kill(static_cast<pid_t>(pid), 0) == 0 || errno != ESRCH)
      continue;
    fs::remove_all(entry.path(), error);
  }
}

bool log_says(const fs::path& log, std::string_view words) {
  std::ifstream in{log};
  const std::string all{std::istreambuf_iterator<char>{in}, {}};
  return all.find(words) != std::string::npos;
}

class Server {
public:
  ~Server() { stop(); }

  std::expected<std::string, std::string> fresh_database() {
    std::lock_guard lock{mutex_};
    if (!started_ && !failure_) {
      const auto began = Clock::now();
      if (auto up = start(); !up) {
        failure_ = up.error();
      } else {
        started_ = true;
        start_time_ = std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - began);
        std::fprintf(stderr, "[postgres] PostgreSQL 15 started in %lld ms (%s), port %d, in %s\n",
                     static_cast<long long>(start_time_.count()),
                     from_cache_ ? "cluster copied" : "initdb", port_, dir_.c_str());
      }
    }
    if (failure_)
      return std::unexpected("PostgreSQL for tests did not start: " + *failure_);
    const std::string name = "test_" + std::to_string(++databases_);
    PGresult* created = PQexec(admin_, ("CREATE DATABASE " + name).c_str());
    const bool ok = PQresultStatus(created) == PGRES_COMMAND_OK;
    PQclear(created);
    if (!ok)
      return std::unexpected("CREATE DATABASE " + name + " failed: " + PQerrorMessage(admin_) +
                             "\nserver log:\n" + tail_of(dir_ / "server.log"));
    return "postgresql://" + std::string{superuser} + "@127.0.0.1:" + std::to_string(port_) + "/" +
           name;
  }

  std::chrono::milliseconds start_time() {
    std::lock_guard lock{mutex_};
    return start_time_;
  }

private:
  std::expected<void, std::string> start() {
    auto account = server_account();
    if (!account)
      return std::unexpected(account.error());
    account_ = *account;
    const fs::path base = temp_base(account_);
    sweep_abandoned(base);
    auto dir = make_temp_dir(base, "intervisie-pg");
    if (!dir)
      return std::unexpected(dir.error());
    dir_ = *dir;
    // The server's user owns its directory; the parents were checked to let it through.
    if (account_.switch_to && ::chown(dir_.c_str(), account_.uid, account_.gid) != 0)
      return std::unexpected("cannot hand " + dir_.string() + " to user nobody");

    if (auto cluster = make_cluster(base); !cluster)
      return cluster;
    for (int attempt = 0;; ++attempt) {
      port_ = free_loopback_port();
      auto up = start_server();
      if (up)
        break;
      // Another process took the port between our look and the server's bind: another one.
      if (attempt >= 3 || !log_says(dir_ / "server.log", "could not bind"))
        return up;
    }
    const std::string admin = "host=" + dir_.string() + " port=" + std::to_string(port_) +
                              " user=" + superuser + " dbname=postgres";
    admin_ = PQconnectdb(admin.c_str());
    if (PQstatus(admin_) != CONNECTION_OK)
      return std::unexpected("cannot connect to it: " + std::string{PQerrorMessage(admin_)} +
                             "\nserver log:\n" + tail_of(dir_ / "server.log"));
    return {};
  }

  // The data directory: a copy of the cluster cached by an earlier run, or a new one from
  // initdb (then cached for the next runs; two processes racing both succeed, one rename wins).
  std::expected<void, std::string> make_cluster(const fs::path& base) {
    const fs::path data = dir_ / "data";
    const fs::path cache = base / ("intervisie-" + std::string{cluster_version} + "-cluster-" +
                                   std::to_string(::geteuid()));
    std::error_code error;
    if (usable_cluster(cache)) {
      fs::create_directory(data, error);
      fs::permissions(data, fs::perms::owner_all, error);
      fs::copy(cache, data, fs::copy_options::recursive | fs::copy_options::copy_symlinks, error);
      if (!error) {
        chown_tree(data, account_);
        from_cache_ = true;
        return {};
      }
      fs::remove_all(data, error);
    }
    // 1 MB WAL segments instead of 16: less to copy for every test process.
    if (auto made =
            run({(bin_dir / "initdb").string(), "-D", data.string(), "-U", superuser, "-A", "trust",
                 "-E", "UTF8", "--locale=C", "--wal-segsize=1", "--no-sync", "--no-instructions"},
                account_, dir_ / "initdb.log");
        !made)
      return made;
    if (auto staging = make_temp_dir(base, "intervisie-pg-cluster-staging")) {
      fs::copy(data, *staging, fs::copy_options::recursive | fs::copy_options::copy_symlinks,
               error);
      if (error || ::rename(staging->c_str(), cache.c_str()) != 0)
        fs::remove_all(*staging, error);
    }
    return {};
  }

  std::expected<void, std::string> start_server() {
    const fs::path log = dir_ / "server.log";
    const int log_fd = ::open(log.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
    if (log_fd < 0)
      return std::unexpected("cannot write " + log.string());
    auto pid = spawn({(bin_dir / "postgres").string(), "-D", (dir_ / "data").string(), "-p",
                      std::to_string(port_), "-h", "127.0.0.1", "-k", dir_.string(), "-c",
                      "fsync=off", "-c", "full_page_writes=off", "-c", "autovacuum=off", "-c",
                      "shared_buffers=16MB", "-c", "max_connections=200"},
                     account_, log_fd, true);
    ::close(log_fd);
    if (!pid)
      return std::unexpected(pid.error());
    postmaster_ = *pid;

    const std::string ping = "host=" + dir_.string() + " port=" + std::to_string(port_) +
                             " user=" + superuser + " dbname=postgres connect_timeout=2";
    const auto deadline = Clock::now() + std::chrono::seconds{60};
    while (PQping(ping.c_str()) != PQPING_OK) {
      int status = 0;
      if (::waitpid(postmaster_, &status, WNOHANG) == postmaster_) {
        postmaster_ = -1;
        return std::unexpected("postgres exited at start (status " + std::to_string(status) +
                               "); server log:\n" + tail_of(log));
      }
      if (Clock::now() > deadline)
        return std::unexpected("postgres did not accept connections within 60 s; server log:\n" +
                               tail_of(log));
      std::this_thread::sleep_for(std::chrono::milliseconds{5});
    }
    return {};
  }

  void stop() {
    if (admin_ != nullptr)
      PQfinish(admin_);
    admin_ = nullptr;
    if (postmaster_ > 0) {
      auto stopped = run({(bin_dir / "pg_ctl").string(), "stop", "-D", (dir_ / "data").string(),
                          "-m", "immediate", "-w", "-s"},
                         account_, dir_ / "pg_ctl.log");
      if (!stopped)
        ::kill(postmaster_, SIGQUIT); // what immediate shutdown is, sent by hand
      wait_for(postmaster_);
      postmaster_ = -1;
    }
    if (!dir_.empty()) {
      std::error_code ignored;
      fs::remove_all(dir_, ignored);
      dir_.clear();
    }
  }

  std::mutex mutex_;
  bool started_ = false;
  std::optional<std::string> failure_;
  Account account_;
  fs::path dir_;
  int port_ = 0;
  pid_t postmaster_ = -1;
  PGconn* admin_ = nullptr;
  int databases_ = 0;
  bool from_cache_ = false;
  std::chrono::milliseconds start_time_{0};
};

Server& server() {
  static Server one; // stopped by its destructor at exit
  return one;
}

} // namespace

std::expected<std::string, std::string> fresh_postgres_database() {
  return server().fresh_database();
}

std::chrono::milliseconds postgres_start_time() {
  return server().start_time();
}

} // namespace intervisie::testing
