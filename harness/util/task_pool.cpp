#include "harness/util/task_pool.hpp"

#include <boost/asio/post.hpp>
#include <boost/asio/thread_pool.hpp>

#include <thread>

namespace rb::util {

struct TaskPool::Impl {
  explicit Impl(int threads) : pool(static_cast<std::size_t>(threads)) {}
  boost::asio::thread_pool pool;
  bool joined = false;
};

namespace {
int resolve_threads(int threads)
{
  if (threads > 0) {
    return threads;
  }
  const unsigned hw = std::thread::hardware_concurrency();
  return hw == 0 ? 2 : static_cast<int>(hw);
}
}  // namespace

TaskPool::TaskPool(int threads) : m_threads(resolve_threads(threads))
{
  m_impl = std::make_unique<Impl>(m_threads);
}

TaskPool::~TaskPool() { join(); }

void TaskPool::submit(std::function<void()> task) { boost::asio::post(m_impl->pool, std::move(task)); }

void TaskPool::join()
{
  if (!m_impl->joined) {
    m_impl->pool.join();
    m_impl->joined = true;
  }
}

}  // namespace rb::util
