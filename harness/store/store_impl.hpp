#pragma once
// Store::Impl, shared by the store's .cpp files: the connection and its cached statements.
#include <array>
#include <memory>

#include "harness/store/checkpointer.hpp"
#include "harness/store/sqlite.hpp"
#include "harness/store/statements.hpp"
#include "harness/store/store.hpp"

namespace rb::store {

struct Store::Impl {
  explicit Impl(const std::string& path) : db(path) {}
  ~Impl()
  {
    if (checkpointer) {  // first the thread, so that closing the writer checkpoints what is left
      sqlite3_wal_hook(db.get(), nullptr, nullptr);
      checkpointer.reset();
    }
  }
  Impl(const Impl&) = delete;
  Impl& operator=(const Impl&) = delete;

  /// The cached statement `id`, prepared on first use; reset when the returned scope ends.
  StatementScope statement(StatementId id)
  {
    auto& slot = statements[static_cast<std::size_t>(id)];
    if (!slot) {
      slot = std::make_unique<Statement>(db, statement_sql(id));
    }
    return StatementScope(*slot);
  }

  Connection db;  // declared first: destroyed after the statements
  int version = 0;
  bool streaming = false;  ///< for_each_sample is running (its statement is in use)
  std::array<std::unique_ptr<Statement>, k_statement_count> statements;
  std::unique_ptr<Checkpointer> checkpointer;  ///< none for ":memory:" (no WAL)
};

}  // namespace rb::store
