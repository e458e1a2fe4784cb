// The grading driver (Python, run inside the sandbox with the candidate's program).
// Kept as one raw string so the harness needs no file at run time; edit it as Python.
#include "verifiers/code/python_scripts.hpp"

namespace rb::verifiers::code {

std::string_view python_driver_source()
{
  static constexpr std::string_view k_source = R"RBPY(# The grading driver, run INSIDE the sandbox with the candidate's program. It receives only
# inputs (calls.json): each call's arguments, never an expected value. It prints one JSON line
# per call with the value the candidate returned (or the exception it raised); the trusted
# harness compares them with the expected values outside. Nothing the candidate can do here
# (exit early, patch builtins, read frames, forge lines) reveals or changes an expected value.
import builtins as _rb_builtins
import os as _rb_os
import sys as _rb_sys

_RB_WRAPS = {"set": set, "frozenset": frozenset, "sorted": sorted, "list": list, "tuple": tuple,
             "int": int, "float": float, "str": str, "bool": bool, "not_none": lambda v: v is not None}


def _rb_describe(e):
    try:
        text = str(e)
    except BaseException:
        text = "?"
    return (type(e).__name__ + (": " + text if text else ""))[:300]


def _rb_main():
    with open("calls.json", encoding="utf-8") as f:
        spec = _rb_json.load(f)
    with open("solution.py", encoding="utf-8", errors="surrogateescape") as f:
        source = f.read()
    out = _rb_os.fdopen(_rb_os.dup(1), "w", encoding="ascii")
    null = _rb_os.open(_rb_os.devnull, _rb_os.O_WRONLY)
    _rb_os.dup2(null, 1)  # the candidate's own prints go nowhere; results have their own channel
    _rb_sys.stdin = open(_rb_os.devnull)

    def emit(obj):
        out.write(_rb_json.dumps(obj, ensure_ascii=True, separators=(",", ":")) + "\n")
        out.flush()

    ns = {"__name__": "solution", "__builtins__": _rb_builtins}
    try:
        exec(compile(source, "solution.py", "exec"), ns)
    except BaseException as e:
        emit({"load_error": _rb_describe(e)})
        _rb_os._exit(0)
    target = spec.get("target", {})
    calls = spec["calls"]
    for i, call in enumerate(calls):
        try:
            if target.get("kind") == "method":
                fn = getattr(ns[target["class"]](), call["fn"])
            else:
                fn = ns[call["fn"]]
            args = [_rb_decode(a, ns) for a in call.get("args", [])]
            kwargs = {k: _rb_decode(v, ns) for k, v in call.get("kwargs", {}).items()}
            value = fn(*args, **kwargs)
            wrap = call.get("wrap")
            if wrap:
                if "wrap_def" in call:
                    helpers = {"__builtins__": _rb_builtins}
                    exec(call["wrap_def"], helpers)
                    value = helpers[wrap](value)
                else:
                    value = _RB_WRAPS[wrap](value)
            line = {"i": i, "v": _rb_encode(value)}
        except _RbUnencodable as e:
            line = {"i": i, "error": "unencodable result: " + str(e)}
        except BaseException as e:  # SystemExit and KeyboardInterrupt too: exiting is failing
            line = {"i": i, "error": _rb_describe(e)}
        emit(line)
    emit({"done": len(calls)})
    _rb_os._exit(0)  # no atexit hooks, no lingering threads


_rb_main()
)RBPY";
  return k_source;
}

}  // namespace rb::verifiers::code
