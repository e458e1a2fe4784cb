#pragma once
// How each language is run inside the sandbox: Debian's /usr/bin/python3 (never a python found
// on PATH) and /usr/bin/g++, their flags, and the fixed environment programs get.
#include <string>
#include <vector>

#include "verifiers/sandbox/sandbox.hpp"

namespace rb::sandbox::detail {

constexpr const char* k_python = "/usr/bin/python3";
constexpr const char* k_gxx = "/usr/bin/g++";
constexpr const char* k_source_python = "main.py";
constexpr const char* k_source_cpp = "main.cpp";
constexpr const char* k_binary_cpp = "prog";
constexpr const char* k_pch_mount = "/pch";

/// The environment of every sandboxed process: nothing of the harness's. PYTHONHASHSEED=0
/// makes set and dict orders of strings repeatable, so a verdict does not change between
/// gradings; MALLOC_ARENA_MAX keeps threads from exhausting the address-space limit.
std::vector<std::string> sandbox_environment(const std::string& home);

/// argv of the run phase, relative to the work dir.
std::vector<std::string> run_command(const RunSpec& spec);
/// argv of the compile phase (C++ only); `pch_dir` ("" = none) is where bits/stdc++.h.gch is.
std::vector<std::string> compile_command(const std::string& pch_dir);

/// A folder holding bits/stdc++.h.gch built for compile_command's flags, built on first use
/// in the user's cache (outside the sandbox: it compiles a system header only). "" when it
/// cannot be built; compilation then works, only slower.
const std::string& precompiled_header_dir();

/// $REASONBENCH_CACHE, else $XDG_CACHE_HOME/reasonbench, else $HOME/.cache/reasonbench.
std::string cache_root();

}  // namespace rb::sandbox::detail
