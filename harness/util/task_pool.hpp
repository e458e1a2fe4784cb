#pragma once
// A fixed pool of worker threads running submitted tasks in FIFO order (Boost.Asio's
// thread_pool behind a small interface, so Boost stays out of widely included headers).
#include <functional>
#include <memory>

namespace rb::util {

class TaskPool {
 public:
  /// `threads` <= 0: one per hardware thread.
  explicit TaskPool(int threads);
  ~TaskPool();  ///< waits for submitted tasks to finish
  TaskPool(const TaskPool&) = delete;
  TaskPool& operator=(const TaskPool&) = delete;

  /// Runs `task` on a worker. Tasks must not throw (an escaping exception terminates).
  void submit(std::function<void()> task);
  /// Waits until every submitted task has run; no submit() may race with it.
  void join();
  int size() const { return m_threads; }

 private:
  struct Impl;
  std::unique_ptr<Impl> m_impl;
  int m_threads;
};

}  // namespace rb::util
