// The value codec shared by the driver and the pre-pass (Python, run inside the sandbox).
// Kept as one raw string so the harness needs no file at run time; edit it as Python.
#include "verifiers/code/python_scripts.hpp"

namespace rb::verifiers::code {

std::string_view python_codec_source()
{
  static constexpr std::string_view k_source = R"RBPY(# Value codec shared by the grading driver and the trusted pre-pass: Python values <-> tagged
# JSON. Only plain data crosses: a value of any other type (a subclass of int whose __eq__ is
# always true, a proxy, a generator) cannot be encoded, so it can never be compared as equal.

_RB_INT_MAX = (1 << 63) - 1
_RB_DEPTH = 200
_RB_NODES = 4_000_000


class _RbUnencodable(Exception):
    pass


def _rb_float(x):
    if x != x:
        return {"$f": "nan"}
    if x in (float("inf"), float("-inf")):
        return {"$f": "inf" if x > 0 else "-inf"}
    return {"$f": repr(x)}


def _rb_node_kind(v):
    name = type(v).__name__
    d = getattr(v, "__dict__", None)
    if d is None:
        return None
    if name == "ListNode" and "val" in d and "next" in d:
        return "list_node"
    if name == "TreeNode" and "val" in d and "left" in d and "right" in d:
        return "tree_node"
    return None


def _rb_encode(v, depth=0, budget=None):
    if budget is None:
        budget = [_RB_NODES]
    budget[0] -= 1
    if budget[0] < 0:
        raise _RbUnencodable("value too large")
    if depth > _RB_DEPTH:
        raise _RbUnencodable("value nested too deeply")
    # Subclasses of builtins (Counter, namedtuple, an int with a rigged __eq__) are read through
    # the base type's own methods: only their data crosses, never their behaviour.
    t = type(v)
    if v is None:
        return None
    if t is bool:
        return v
    if isinstance(v, int) and not isinstance(v, bool):
        n = int.__int__(v)
        return n if -_RB_INT_MAX <= n <= _RB_INT_MAX else {"$int": int.__repr__(n)}
    if isinstance(v, float):
        return _rb_float(float.__float__(v))
    if isinstance(v, str):
        return str.__str__(v)
    if isinstance(v, list):
        return [_rb_encode(x, depth + 1, budget) for x in list.__iter__(v)]
    if isinstance(v, tuple):
        return {"$tuple": [_rb_encode(x, depth + 1, budget) for x in tuple.__iter__(v)]}
    if isinstance(v, (set, frozenset)):
        it = set.__iter__(v) if isinstance(v, set) else frozenset.__iter__(v)
        return {"$set": [_rb_encode(x, depth + 1, budget) for x in it]}
    if isinstance(v, dict):
        return {"$dict": [[_rb_encode(k, depth + 1, budget), _rb_encode(x, depth + 1, budget)]
                          for k, x in dict.items(v)]}
    if isinstance(v, (bytes, bytearray)):
        return {"$bytes": (bytes.hex(v) if isinstance(v, bytes) else bytearray.hex(v))}
    if isinstance(v, complex):
        return {"$complex": [_rb_float(complex.__complex__(v).real), _rb_float(complex.__complex__(v).imag)]}
    kind = _rb_node_kind(v)
    if kind == "list_node":
        values, seen = [], set()
        while v is not None:
            if id(v) in seen or len(values) > _RB_NODES:
                raise _RbUnencodable("linked list has a cycle")
            seen.add(id(v))
            if _rb_node_kind(v) != "list_node":
                raise _RbUnencodable("linked list holds a " + type(v).__name__)
            values.append(_rb_encode(v.val, depth + 1, budget))
            v = v.next
        return {"$list_node": values}
    if kind == "tree_node":
        out, queue, seen = [], [v], set()
        i = 0
        while i < len(queue):
            node = queue[i]
            i += 1
            if node is None:
                out.append(None)
                continue
            if id(node) in seen or len(out) > _RB_NODES or _rb_node_kind(node) != "tree_node":
                raise _RbUnencodable("not a tree")
            seen.add(id(node))
            out.append(_rb_encode(node.val, depth + 1, budget))
            queue.append(node.left)
            queue.append(node.right)
        while out and out[-1] is None:
            out.pop()
        return {"$tree_node": out}
    raise _RbUnencodable("values of type " + t.__name__ + " cannot be compared")


def _rb_encode_object(v, depth=0):
    """Arguments only (trusted side): instances of a problem's own classes, by attributes."""
    try:
        return _rb_encode(v, depth)
    except _RbUnencodable:
        d = getattr(v, "__dict__", None)
        if d is None or depth > _RB_DEPTH:
            raise
        return {"$obj": type(v).__name__, "attrs": {k: _rb_encode_object(x, depth + 1) for k, x in d.items()}}


_RB_TYPES = {"int": int, "float": float, "str": str, "bool": bool, "list": list, "tuple": tuple, "dict": dict,
             "set": set, "frozenset": frozenset, "bytes": bytes, "complex": complex, "type": type}


def _rb_encode_arg(v, depth=0):
    t = type(v)
    if t is type and _RB_TYPES.get(getattr(v, "__name__", "")) is v:
        return {"$type": v.__name__}
    if t is list:
        return [_rb_encode_arg(x, depth + 1) for x in v]
    if t is tuple:
        return {"$tuple": [_rb_encode_arg(x, depth + 1) for x in v]}
    if t is dict:
        return {"$dict": [[_rb_encode_arg(k, depth + 1), _rb_encode_arg(x, depth + 1)] for k, x in v.items()]}
    return _rb_encode_object(v, depth)


def _rb_decode(j, ns):
    """Rebuilds arguments inside the sandbox; node classes come from the program's namespace."""
    if isinstance(j, list):
        return [_rb_decode(x, ns) for x in j]
    if not isinstance(j, dict):
        return j
    if "$f" in j:
        return float(j["$f"])
    if "$int" in j:
        return int(j["$int"])
    if "$tuple" in j:
        return tuple(_rb_decode(x, ns) for x in j["$tuple"])
    if "$set" in j:
        return set(_rb_decode(x, ns) for x in j["$set"])
    if "$dict" in j:
        return {_rb_decode(k, ns): _rb_decode(x, ns) for k, x in j["$dict"]}
    if "$bytes" in j:
        return bytes.fromhex(j["$bytes"])
    if "$complex" in j:
        return complex(float(j["$complex"][0]["$f"]), float(j["$complex"][1]["$f"]))
    if "$list_node" in j:
        cls = ns.get("ListNode") or _RbListNode
        head = None
        for x in reversed(j["$list_node"]):
            node = cls(_rb_decode(x, ns))
            node.next = head
            head = node
        return head
    if "$tree_node" in j:
        cls = ns.get("TreeNode") or _RbTreeNode
        values = [None if x is None else _rb_decode(x, ns) for x in j["$tree_node"]]
        if not values or values[0] is None:
            return None
        root = cls(values[0])
        queue, i = [root], 1
        k = 0
        while k < len(queue) and i < len(values):
            node = queue[k]
            k += 1
            if i < len(values) and values[i] is not None:
                node.left = cls(values[i])
                queue.append(node.left)
            i += 1
            if i < len(values) and values[i] is not None:
                node.right = cls(values[i])
                queue.append(node.right)
            i += 1
        return root
    if "$type" in j:
        return _RB_TYPES[j["$type"]]
    if "$obj" in j:
        cls = ns[j["$obj"]]
        obj = cls.__new__(cls)
        for k, x in j["attrs"].items():
            setattr(obj, k, _rb_decode(x, ns))
        return obj
    raise ValueError("unknown tag in " + str(list(j)))


class _RbListNode:
    def __init__(self, val=0, next=None):
        self.val = val
        self.next = next


class _RbTreeNode:
    def __init__(self, val=0, left=None, right=None):
        self.val = val
        self.left = left
        self.right = right
)RBPY";
  return k_source;
}

}  // namespace rb::verifiers::code
