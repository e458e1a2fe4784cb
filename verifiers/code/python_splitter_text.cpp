// The trusted pre-pass (Python, run inside the sandbox with the reference solution).
// Kept as one raw string so the harness needs no file at run time; edit it as Python.
#include "verifiers/code/python_scripts.hpp"

namespace rb::verifiers::code {

std::string_view python_splitter_source()
{
  static constexpr std::string_view k_source = R"RBPY(# The trusted pre-pass, run once per dataset (its output is cached). It runs the dataset's OWN
# test code with the reference solution and splits every assertion into a call (the function
# and its arguments, recorded as data when the call happens) and an expected value (evaluated
# here, never shown to a candidate), plus how to compare them. Candidates later run the calls
# alone (driver.py); the harness compares. Inputs mode (MBPP+): expected = reference(input).
import ast as _rb_ast
import copy as _rb_copy
import random as _rb_random
import sys as _rb_sys
import time as _rb_time

_RB_BUILTIN_WRAPS = {"set", "frozenset", "sorted", "list", "tuple", "int", "float", "str"}


class _RbUnsupported(Exception):
    pass


class _RbAnalyser:
    def __init__(self, callables, module):
        self.callables = callables  # test-side name -> driver function name (None: name.method)
        self.defs = {}
        for node in module.body:
            if isinstance(node, _rb_ast.FunctionDef):
                self.defs[node.name] = _rb_ast.unparse(node)
            elif isinstance(node, _rb_ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], _rb_ast.Name):
                self.defs[node.targets[0].id] = _rb_ast.unparse(node)

    def call_name(self, node):
        """The driver-side function name when `node` calls the candidate, else None."""
        if not isinstance(node, _rb_ast.Call):
            return None
        f = node.func
        if isinstance(f, _rb_ast.Name) and f.id in self.callables and self.callables[f.id] is not None:
            return self.callables[f.id]
        if isinstance(f, _rb_ast.Attribute) and isinstance(f.value, _rb_ast.Name) and f.value.id in self.callables \
                and self.callables[f.value.id] is None:
            return f.attr
        return None

    def contains(self, node):
        return any(self.call_name(n) for n in _rb_ast.walk(node))

    def call_side(self, node):
        """(call node, fn, wrap, wrap_def) when `node` is a candidate call, maybe in one wrapper."""
        fn = self.call_name(node)
        if fn:
            inner = node.args + [k.value for k in node.keywords]
            return None if any(self.contains(a) for a in inner) else (node, fn, None, None)
        if isinstance(node, _rb_ast.Call) and isinstance(node.func, _rb_ast.Name) and len(node.args) == 1 \
                and not node.keywords:
            inner = self.call_side(node.args[0])
            name = node.func.id
            if inner and inner[2] is None and (name in _RB_BUILTIN_WRAPS or name in self.defs):
                return (inner[0], inner[1], name, self.defs.get(name) if name not in _RB_BUILTIN_WRAPS else None)
        return None

    def analyse(self, test):
        """(kind, call side, expected node, extra) for a supported assertion; None if it has no call."""
        if not self.contains(test):
            return None
        if isinstance(test, _rb_ast.Compare) and len(test.ops) == 1:
            left, right, op = test.left, test.comparators[0], test.ops[0]
            if isinstance(op, (_rb_ast.Eq, _rb_ast.Is, _rb_ast.NotEq, _rb_ast.IsNot)):
                kind = "eq" if isinstance(op, (_rb_ast.Eq, _rb_ast.Is)) else "ne"
                if not self.contains(right) and self.call_side(left):
                    return (kind, self.call_side(left), right, {"order": "ce"})
                if not self.contains(left) and self.call_side(right):
                    return (kind, self.call_side(right), left, {"order": "ec"})
            if isinstance(op, (_rb_ast.Lt, _rb_ast.LtE)) and not self.contains(right) \
                    and isinstance(left, _rb_ast.Call) and len(left.args) == 1 \
                    and _rb_ast.unparse(left.func) in ("abs", "math.fabs", "fabs") \
                    and isinstance(left.args[0], _rb_ast.BinOp) and isinstance(left.args[0].op, _rb_ast.Sub):
                a, b = left.args[0].left, left.args[0].right
                side, other = (a, b) if self.call_side(a) and not self.contains(b) else (b, a)
                if self.call_side(side) and not self.contains(other):
                    return ("close", self.call_side(side), other,
                            {"abs_tol": right, "strict": isinstance(op, _rb_ast.Lt)})
        if isinstance(test, _rb_ast.Call) and _rb_ast.unparse(test.func) in ("math.isclose", "isclose") \
                and len(test.args) == 2:
            a, b = test.args
            side, other = (a, b) if self.call_side(a) and not self.contains(b) else (b, a)
            if self.call_side(side) and not self.contains(other):
                kw = {k.arg: k.value for k in test.keywords}
                return ("isclose", self.call_side(side), other,
                        {"rel_tol": kw.get("rel_tol"), "abs_tol": kw.get("abs_tol")})
        side = self.call_side(test)
        if side and side[2] is None:
            return ("truthy", side, None, {})
        if isinstance(test, _rb_ast.UnaryOp) and isinstance(test.op, _rb_ast.Not):
            side = self.call_side(test.operand)
            if side and side[2] is None:
                return ("falsy", side, None, {})
        raise _RbUnsupported("line %d: assertion form not supported: %s" % (test.lineno, _rb_ast.unparse(test)[:200]))


def _rb_lambda(expr):
    return _rb_ast.Lambda(args=_rb_ast.arguments(posonlyargs=[], args=[], kwonlyargs=[], kw_defaults=[], defaults=[]),
                          body=expr)


class _RbRewriter(_rb_ast.NodeTransformer):
    def __init__(self, analyser):
        self.a = analyser

    def visit_Assert(self, node):
        found = self.a.analyse(node.test)
        if found is None:
            return node  # no candidate call: runs here as it is (checks the reference, or `assert True`)
        kind, (call, fn, wrap, wrap_def), expected, extra = found
        replaced = _rb_ast.Call(func=_rb_ast.Attribute(value=_rb_ast.Name("__rb", _rb_ast.Load()), attr="call",
                                                       ctx=_rb_ast.Load()),
                                args=[call.func] + call.args, keywords=call.keywords)
        side = _rb_ast.Call(func=_rb_ast.Name(wrap, _rb_ast.Load()), args=[replaced], keywords=[]) if wrap else replaced
        keywords = [_rb_ast.keyword("line", _rb_ast.Constant(node.lineno)), _rb_ast.keyword("kind", _rb_ast.Constant(kind)),
                    _rb_ast.keyword("fn", _rb_ast.Constant(fn)), _rb_ast.keyword("c", _rb_lambda(side)),
                    _rb_ast.keyword("wrap", _rb_ast.Constant(wrap)), _rb_ast.keyword("wrap_def", _rb_ast.Constant(wrap_def))]
        if expected is not None:
            keywords.append(_rb_ast.keyword("e", _rb_lambda(expected)))
        for key, value in extra.items():
            if value is None or isinstance(value, (str, bool)):
                keywords.append(_rb_ast.keyword(key, _rb_ast.Constant(value)))
            else:
                keywords.append(_rb_ast.keyword(key, _rb_lambda(value)))
        check = _rb_ast.Call(func=_rb_ast.Attribute(value=_rb_ast.Name("__rb", _rb_ast.Load()), attr="check",
                                                    ctx=_rb_ast.Load()), args=[], keywords=keywords)
        return _rb_ast.copy_location(_rb_ast.Expr(check), node)


class _RbRecorder:
    def __init__(self):
        self.tests = []
        self.orphans = []
        self.current = None
        self.in_call = False
        self.ref_seconds = 0.0
        self.reference_fails = []

    def call(self, fn, *args, **kwargs):
        if self.current is None:
            raise _RbUnsupported("a recorded call outside an assertion")
        self.current["args"] = [_rb_encode_arg(a) for a in args]
        if kwargs:
            self.current["kwargs"] = {k: _rb_encode_arg(v) for k, v in kwargs.items()}
        self.in_call = True
        start = _rb_time.process_time()
        try:
            return fn(*args, **kwargs)
        finally:
            self.ref_seconds += _rb_time.process_time() - start
            self.in_call = False

    def check(self, line, kind, fn, c, wrap=None, wrap_def=None, e=None, order="ce", abs_tol=None, rel_tol=None,
              strict=True):
        self.current = {"line": line, "fn": fn}
        if order == "ec":
            ev = e()
            cv = c()
        else:
            cv = c()
            ev = e() if e is not None else None
        test = self.current
        self.current = None
        test["cmp"] = kind
        if wrap:
            test["wrap"] = wrap
            if wrap_def:
                test["wrap_def"] = wrap_def
        ok = True
        if kind in ("eq", "ne"):
            test["expected"] = _rb_encode(ev)
            ok = (cv == ev) if kind == "eq" else (cv != ev)
        elif kind == "close":
            test["expected"] = _rb_encode(ev)
            test["abs_tol"] = float(abs_tol())
            test["strict"] = strict
            ok = abs(cv - ev) < test["abs_tol"] if strict else abs(cv - ev) <= test["abs_tol"]
        elif kind == "isclose":
            test["expected"] = _rb_encode(ev)
            test["rel_tol"] = float(rel_tol()) if rel_tol else 1e-9
            test["abs_tol"] = float(abs_tol()) if abs_tol else 0.0
            ok = _rb_math.isclose(cv, ev, rel_tol=test["rel_tol"], abs_tol=test["abs_tol"])
        else:  # truthy / falsy: the driver takes bool() of the result
            test["wrap"] = "bool"
            test["cmp"] = "eq"
            test["expected"] = kind == "truthy"
            ok = bool(cv) == (kind == "truthy")
        if not ok:
            self.reference_fails.append(line)
            test["reference_fails"] = True
        self.tests.append(test)


class _RbCandidate:
    """Stands for the candidate in the test code: calls the reference, notices direct calls."""

    def __init__(self, recorder, make, fn):
        self.recorder, self.make, self.fn = recorder, make, fn

    def __call__(self, *args, **kwargs):
        if not self.recorder.in_call:
            self.recorder.orphans.append({"fn": self.fn, "args": [_rb_encode_arg(a) for a in args]})
            start = _rb_time.process_time()
            try:
                return self.make()(*args, **kwargs)
            finally:
                self.recorder.ref_seconds += _rb_time.process_time() - start
        return self.make()(*args, **kwargs)


def _rb_split_asserts(p):
    ns = {"__name__": "reference"}
    exec(compile(p["program"], "reference.py", "exec"), ns)
    module = _rb_ast.parse(p["test"])
    analyser = _RbAnalyser(p["callables"], module)
    tree = _rb_ast.fix_missing_locations(_RbRewriter(analyser).visit(module))
    recorder = _RbRecorder()
    ns["__rb"] = recorder
    _rb_random.seed(p.get("seed", 0))
    exec(compile(tree, "test.py", "exec"), ns)
    if p.get("check"):
        target = p["target"]
        if target["kind"] == "method":
            make = lambda: getattr(ns[target["class"]](), p["entry"])
        else:
            make = lambda: ns[p["entry"]]
        ns[p["check"]](_RbCandidate(recorder, make, p["entry"]))
    tests = recorder.tests
    if recorder.orphans:
        if p.get("special") != "poly_root":
            raise _RbUnsupported("the test calls the candidate outside an assertion")
        for o in recorder.orphans:
            tests.append({"fn": o["fn"], "args": o["args"], "cmp": "poly_root", "abs_tol": 1e-4})
    return {"tests": tests, "ref_ms": recorder.ref_seconds * 1000, "reference_fails": recorder.reference_fails}


def _rb_split_inputs(p):
    ns = {"__name__": "reference"}
    exec(compile(p["program"], "reference.py", "exec"), ns)
    fn = ns[p["entry"]]
    inputs = []
    for part in p["inputs"]:
        if isinstance(part, str):  # some copies store the list as Python source
            part = eval(part, {"__builtins__": {}}, {"inf": float("inf"), "nan": float("nan")})
        inputs.extend(_rb_unjson(part))
    inputs = _rb_mbpp_types(p["id"], inputs)
    atol = float(p.get("atol") or 0)
    tests, seconds, skipped = [], 0.0, 0
    for inp in inputs:
        args = [_rb_encode_arg(a) for a in inp]
        start = _rb_time.process_time()
        try:
            out = fn(*_rb_copy.deepcopy(inp))
        except Exception:
            skipped += 1
            continue
        finally:
            seconds += _rb_time.process_time() - start
        test = {"fn": p["entry"], "args": args}
        oracle = p.get("oracle")
        if oracle == "not_none":
            test.update(cmp="eq", wrap="not_none", expected=out is not None)
        elif oracle == "any":
            test.update(cmp="any")
        else:
            try:
                encoded = _rb_encode(out)
            except _RbUnencodable:  # an output too large to compare (Mbpp/255's combinations): dropped
                skipped += 1
                continue
            test.update(cmp="allclose", expected=encoded, abs_tol=atol, rel_tol=1e-7)
            if oracle == "or_zero":
                test["alternatives"] = [0]
        tests.append(test)
    return {"tests": tests, "ref_ms": seconds * 1000, "skipped_inputs": skipped}


def _rb_unjson(x):
    """Plain JSON data with the loader's tagged non-finite floats ({"$f": "inf"}) made floats."""
    if isinstance(x, list):
        return [_rb_unjson(v) for v in x]
    if isinstance(x, dict):
        if len(x) == 1 and "$f" in x:
            return float(x["$f"])
        return {k: _rb_unjson(v) for k, v in x.items()}
    return x


def _rb_mbpp_types(task_id, inputs):
    """MBPP+ stores inputs as JSON, so tuples, sets and complex numbers arrive as lists and strings.
    Restores the argument types the reference expects (the conversions EvalPlus applies per task)."""
    n = int(str(task_id).split("/")[-1])
    tup = tuple
    def each(f):
        return [f(inp) for inp in inputs]
    def deep(x):
        return tuple(deep(i) for i in x) if isinstance(x, list) else x
    if n in (2, 116, 132, 143, 222, 261, 273, 394, 399, 421, 424, 429, 470, 560, 579, 596, 616, 630, 726, 740, 744, 809):
        return each(lambda inp: [tup(a) for a in inp])
    if n in (63, 64, 70, 94, 120, 237, 272, 299, 400, 409, 417, 438, 473, 614, 780):
        return each(lambda inp: [[tup(b) for b in a] for a in inp])
    if n in (75, 413, 444, 753):
        return each(lambda inp: [[tup(b) for b in inp[0]], inp[1]])
    if n in (106, 750):
        return each(lambda inp: [inp[0], tup(inp[1])])
    if n == 115:
        return each(lambda inp: [[set(b) if isinstance(b, list) and b else {} for b in inp[0]]])
    if n == 124:
        return each(lambda inp: [float(inp[0]), complex(inp[1])])
    if n in (250, 405, 446, 617, 720, 763, 808):
        return each(lambda inp: [tup(inp[0])] + list(inp[1:]))
    if n in (259, 401, 445):
        return each(lambda inp: [tup(tup(b) for b in a) for a in inp])
    if n == 278:
        return each(lambda inp: [tup(tup(b) if isinstance(b, list) else b for b in inp[0])])
    if n == 307:
        return each(lambda inp: [tup(inp[0]), inp[1], inp[2]])
    if n == 722:
        return each(lambda inp: [{k: tup(v) for k, v in inp[0].items()}] + list(inp[1:]))
    if n == 252:
        return each(lambda inp: [complex(inp[0])])
    if n in (580, 615, 791):
        return [deep(inp) for inp in inputs]
    return inputs


def _rb_main():
    with open("problems.json", encoding="utf-8") as f:
        problems = _rb_json.load(f)
    for p in problems:
        try:
            result = _rb_split_inputs(p) if p.get("mode") == "inputs" else _rb_split_asserts(p)
        except (_RbUnsupported, _RbUnencodable) as e:
            result = {"unsupported": str(e)}
        except BaseException as e:
            result = {"unsupported": "the reference or its test raised %s: %s" % (type(e).__name__, str(e)[:200])}
        result["id"] = p["id"]
        _rb_sys.stdout.write(_rb_json.dumps(result, ensure_ascii=True, separators=(",", ":")) + "\n")
        _rb_sys.stdout.flush()


_rb_main()
)RBPY";
  return k_source;
}

}  // namespace rb::verifiers::code
