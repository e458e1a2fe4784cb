#pragma once
// The filesystem a sandboxed program sees, built by the sandbox's init process inside its own
// mount namespace: a size-capped tmpfs root holding read-only binds of the system's program
// folders (/usr and the merged-/usr links), a few /etc files copied by the harness, four
// device nodes, a fresh /proc of the sandbox's PID namespace, a private /work and /tmp.
// Nothing else of the host (home folders, the harness's files, /sys, /run, sockets) exists.
#include <sys/types.h>

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace rb::sandbox::detail {

struct FsPlan {
  std::string staging = "/tmp";       ///< a host folder the new root is mounted on (ours alone)
  std::int64_t disk_bytes = 0;        ///< tmpfs size: /work, /tmp and /dev/shm share it
  std::vector<std::string> ro_binds;  ///< host folders bound read-only at the same path
  std::vector<std::pair<std::string, std::string>> symlinks;  ///< path -> target (/bin -> usr/bin)
  std::vector<std::pair<std::string, std::string>> files;     ///< path -> content, root-owned 0644
  std::vector<std::string> executables;  ///< paths among `files` made 0755
  std::vector<std::string> devices;   ///< /dev/null ... bound from the host
  int extra_dir_fd = -1;              ///< a detached mount (clone_read_only_tree) attached at `extra_dir`
  std::string extra_dir;              ///< e.g. "/pch" (precompiled headers)
  uid_t work_uid = 0;                 ///< owner of /work, as seen inside
  gid_t work_gid = 0;
};

/// Builds the view and makes it the root (pivot_root); the old root is detached. Must run as
/// root of the sandbox's user namespace, as init of its PID namespace. False with `error` set
/// on failure. Paths in `files` must be under /etc, /work or the root.
bool build_root(const FsPlan& plan, std::string& error);

/// A detached read-only clone of the folder `dir_fd` (an O_PATH descriptor), which a process
/// in another mount namespace can attach (a plain bind across namespaces is refused, and the
/// folder's path may not be traversable from inside). -1 on failure.
int clone_read_only_tree(int dir_fd);

/// The plan for this host: which of /usr, /bin, /lib... exist, as folders or links, and the
/// /etc files programs need (the loader cache, passwd/group naming the sandbox user).
FsPlan host_fs_plan(uid_t work_uid, gid_t work_gid);

}  // namespace rb::sandbox::detail
