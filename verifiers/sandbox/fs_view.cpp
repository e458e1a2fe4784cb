#include "verifiers/sandbox/fs_view.hpp"

#include <fcntl.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <fstream>
#include <sstream>

#include "verifiers/sandbox/process_util.hpp"

namespace rb::sandbox::detail {

namespace {

constexpr const char* k_system_dirs[] = {"/usr", "/bin", "/sbin", "/lib", "/lib32", "/lib64", "/libx32"};
constexpr const char* k_devices[] = {"/dev/null", "/dev/zero", "/dev/random", "/dev/urandom"};

/// Mount flags a user namespace may not clear on a bind of a host mount (they are locked).
unsigned long locked_flags(const char* path)
{
  struct statvfs info{};
  if (::statvfs(path, &info) != 0) {
    return 0;
  }
  unsigned long flags = 0;
  flags |= (info.f_flag & ST_NOSUID) ? MS_NOSUID : 0;
  flags |= (info.f_flag & ST_NODEV) ? MS_NODEV : 0;
  flags |= (info.f_flag & ST_NOEXEC) ? MS_NOEXEC : 0;
  flags |= (info.f_flag & ST_NOATIME) ? MS_NOATIME : 0;
  flags |= (info.f_flag & ST_NODIRATIME) ? MS_NODIRATIME : 0;
  flags |= (info.f_flag & ST_RELATIME) ? MS_RELATIME : 0;
  return flags;
}

/// Binds `source` at `target` read-only, nosuid, nodev (a program must not write the system).
bool bind_read_only(const char* source, const char* target, std::string& error)
{
  if (::mount(source, target, nullptr, MS_BIND | MS_REC, nullptr) != 0) {
    error = errno_text(std::string("bind ") + source, errno);
    return false;
  }
  const unsigned long flags = MS_BIND | MS_REMOUNT | MS_RDONLY | MS_NOSUID | MS_NODEV | locked_flags(target);
  if (::mount(nullptr, target, nullptr, flags, nullptr) != 0) {
    error = errno_text(std::string("remount read-only ") + target, errno);
    return false;
  }
  return true;
}

bool make_dir(const std::string& path, mode_t mode, std::string& error)
{
  if (::mkdir(path.c_str(), mode) != 0 && errno != EEXIST) {
    error = errno_text("mkdir " + path, errno);
    return false;
  }
  ::chmod(path.c_str(), mode);
  return true;
}

std::string relative(const std::string& absolute) { return absolute.substr(1); }

}  // namespace

bool build_root(const FsPlan& plan, std::string& error)
{
  // Nothing we mount may propagate back to the host.
  if (::mount(nullptr, "/", nullptr, MS_REC | MS_PRIVATE, nullptr) != 0) {
    error = errno_text("make mounts private", errno);
    return false;
  }
  const std::string options = "size=" + std::to_string(plan.disk_bytes) + ",nr_inodes=16384,mode=0755";
  if (::mount("tmpfs", plan.staging.c_str(), "tmpfs", MS_NOSUID | MS_NODEV, options.c_str()) != 0) {
    error = errno_text("mount the root tmpfs", errno);
    return false;
  }
  if (::chdir(plan.staging.c_str()) != 0) {
    error = errno_text("chdir to the new root", errno);
    return false;
  }
  for (const char* dir : {"etc", "dev", "proc"}) {
    if (!make_dir(dir, 0755, error)) {
      return false;
    }
  }
  if (!make_dir("tmp", 01777, error) || !make_dir("dev/shm", 01777, error) || !make_dir("work", 0755, error)) {
    return false;
  }
  if (::chown("work", plan.work_uid, plan.work_gid) != 0) {
    error = errno_text("chown /work", errno);
    return false;
  }
  for (const auto& dir : plan.ro_binds) {
    if (!make_dir(relative(dir), 0755, error) || !bind_read_only(dir.c_str(), relative(dir).c_str(), error)) {
      return false;
    }
  }
  for (const auto& [path, target] : plan.symlinks) {
    if (::symlink(target.c_str(), relative(path).c_str()) != 0) {
      error = errno_text("symlink " + path, errno);
      return false;
    }
  }
  for (const auto& device : plan.devices) {
    const std::string target = relative(device);
    const int fd = ::open(target.c_str(), O_WRONLY | O_CREAT | O_CLOEXEC, 0666);
    if (fd < 0 || ::close(fd) != 0 || ::mount(device.c_str(), target.c_str(), nullptr, MS_BIND, nullptr) != 0) {
      error = errno_text("bind " + device, errno);
      return false;
    }
  }
  for (const auto& [link, target] : {std::pair{"dev/fd", "/proc/self/fd"}, std::pair{"dev/stdin", "/proc/self/fd/0"},
                                     std::pair{"dev/stdout", "/proc/self/fd/1"},
                                     std::pair{"dev/stderr", "/proc/self/fd/2"}}) {
    ::symlink(target, link);
  }
  for (const auto& [path, content] : plan.files) {
    const bool executable = std::find(plan.executables.begin(), plan.executables.end(), path) != plan.executables.end();
    if (!write_file(relative(path), content, executable ? 0755 : 0644)) {
      error = errno_text("write " + path, errno);
      return false;
    }
  }
  if (plan.extra_dir_fd >= 0) {
    // A detached, already read-only clone made by the harness (clone_read_only_tree).
    if (!make_dir(relative(plan.extra_dir), 0755, error)) {
      return false;
    }
    if (::move_mount(plan.extra_dir_fd, "", AT_FDCWD, relative(plan.extra_dir).c_str(), MOVE_MOUNT_F_EMPTY_PATH) != 0) {
      error = errno_text("attach " + plan.extra_dir, errno);
      return false;
    }
  }
  // A /proc of our own PID namespace (only the sandbox's processes). Where the host forbids it
  // (a container with masked /proc), programs run without /proc.
  ::mount("proc", "proc", "proc", MS_NOSUID | MS_NODEV | MS_NOEXEC, nullptr);
  // pivot_root(".", ".") stacks the old root on the new one; detaching it leaves ours alone.
  if (::syscall(SYS_pivot_root, ".", ".") != 0) {
    error = errno_text("pivot_root", errno);
    return false;
  }
  if (::umount2(".", MNT_DETACH) != 0 || ::chdir("/") != 0) {
    error = errno_text("detach the old root", errno);
    return false;
  }
  return true;
}

int clone_read_only_tree(int dir_fd)
{
  const int tree = ::open_tree(dir_fd, "", OPEN_TREE_CLONE | OPEN_TREE_CLOEXEC | AT_EMPTY_PATH);
  if (tree < 0) {
    return -1;
  }
  mount_attr attr{};
  attr.attr_set = MOUNT_ATTR_RDONLY | MOUNT_ATTR_NOSUID | MOUNT_ATTR_NODEV;
  if (::mount_setattr(tree, "", AT_EMPTY_PATH, &attr, sizeof attr) != 0) {
    ::close(tree);
    return -1;
  }
  return tree;
}

namespace {
std::string read_host_file(const char* path)
{
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return in ? text.str() : std::string();
}
}  // namespace

FsPlan host_fs_plan(uid_t work_uid, gid_t work_gid)
{
  FsPlan plan;
  plan.work_uid = work_uid;
  plan.work_gid = work_gid;
  for (const char* dir : k_system_dirs) {
    struct stat info{};
    if (::lstat(dir, &info) != 0) {
      continue;
    }
    if (S_ISLNK(info.st_mode)) {
      char target[4096];
      const ssize_t n = ::readlink(dir, target, sizeof target - 1);
      if (n > 0) {
        plan.symlinks.emplace_back(dir, std::string(target, static_cast<std::size_t>(n)));
      }
    } else if (S_ISDIR(info.st_mode)) {
      plan.ro_binds.emplace_back(dir);
    }
  }
  for (const char* device : k_devices) {
    if (::access(device, F_OK) == 0) {
      plan.devices.emplace_back(device);
    }
  }
  const std::string uid = std::to_string(work_uid);
  const std::string gid = std::to_string(work_gid);
  plan.files.emplace_back("/etc/passwd", "sandbox:x:" + uid + ":" + gid + ":sandbox:/work:/usr/sbin/nologin\n");
  plan.files.emplace_back("/etc/group", "sandbox:x:" + gid + ":\n");
  plan.files.emplace_back("/etc/hostname", "sandbox\n");
  if (std::string cache = read_host_file("/etc/ld.so.cache"); !cache.empty()) {
    plan.files.emplace_back("/etc/ld.so.cache", std::move(cache));
  }
  return plan;
}

}  // namespace rb::sandbox::detail
